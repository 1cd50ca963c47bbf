/**
 * Signing in to the web harness from tests, the documented way: the page's anonymous session cookie comes
 * from loading `/`; `POST /rpc/auth.signIn` with that cookie and the harness's own Origin signs it in and
 * re-issues the cookie. Node-side calls (`rpc`) keep the cookie here; a browser context keeps it in its jar.
 */
import http from 'node:http';
import type { BrowserContext, Page } from 'playwright-core';
import type { Result } from '../../../shared/api/result';

export interface Credentials {
  id: string;
  password: string;
}

/** The password of every user the e2e support seeds (test data folders only). */
export const E2E_PASSWORD = 'e2e-password';

const cookies = new Map<string, string>();

/** The cookie header of `baseUrl`'s Node-side session (see `signInHttp`). */
export const cookieOf = (baseUrl: string): string => cookies.get(baseUrl) ?? '';

export const originOf = (baseUrl: string): string => new URL(baseUrl).origin;

interface Reply {
  status: number;
  cookie: string | null;
  body: string;
}

/**
 * One request on its own connection (no keep-alive): set-up often pauses longer than the server's keep-alive
 * timeout (a CLI call in between), and a pooled socket closed by the server at that moment fails the call.
 */
function send(url: string, options: { method: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<Reply>((resolve, reject) => {
    const req = http.request(url, { method: options.method, headers: options.headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, cookie: res.headers['set-cookie']?.[0]?.split(';')[0] ?? null, body }),
      );
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** POSTs one channel as the harness's own page would: with the session cookie and the harness's Origin. */
export async function postRpc<T>(baseUrl: string, cookie: string, channel: string, input: unknown) {
  const response = await send(`${baseUrl}rpc/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: originOf(baseUrl), cookie },
    body: JSON.stringify(input),
  });
  return { response, result: JSON.parse(response.body) as Result<T> };
}

/** Signs a Node-side client in; `rpc(baseUrl, …)` then calls as that user. Returns the cookie header. */
export async function signInHttp(baseUrl: string, credentials: Credentials): Promise<string> {
  const anonymous = (await send(baseUrl, { method: 'GET' })).cookie ?? '';
  const { id, password } = credentials;
  const { response, result } = await postRpc(baseUrl, anonymous, 'auth.signIn', { id, password });
  if (!result.ok) throw new Error(`auth.signIn ${credentials.id}: ${result.error.message}`);
  const cookie = response.cookie ?? anonymous;
  cookies.set(baseUrl, cookie);
  return cookie;
}

/**
 * Signs a browser context (or a page's context) in without the sign-in screen: the same two requests through
 * the context's request API, so the cookie lands in the context's jar and every page of it is signed in.
 */
export async function signInBrowser(target: Page | BrowserContext, baseUrl: string, credentials: Credentials) {
  const context = 'context' in target ? target.context() : target;
  await context.request.get(baseUrl);
  const response = await context.request.post(`${baseUrl}rpc/auth.signIn`, {
    headers: { origin: originOf(baseUrl) },
    data: { id: credentials.id, password: credentials.password },
  });
  const result = (await response.json()) as Result<unknown>;
  if (!result.ok) throw new Error(`auth.signIn ${credentials.id}: ${result.error.message}`);
}
