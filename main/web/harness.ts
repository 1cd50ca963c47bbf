/**
 * The web harness: serves the built renderer and `POST /rpc/<channel>` through the same handler table as
 * Electron's IPC. For development and tests only; it listens on 127.0.0.1 and answers only requests whose
 * Host header names that address (no DNS-rebinding path from a web page to the hall's data). Every /rpc call
 * needs the session cookie this harness issued (HttpOnly, SameSite=Strict) AND an Origin header naming the
 * harness itself; anything else gets 403, so a web page in the clerk's browser cannot post to it.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { dispatch } from '../ipc/dispatch';
import { supportLog } from '../log/supportLog';
import type { StoreContext } from '../services/auth/storeContext';
import { CookieSessions } from './cookieSessions';

const MAX_BODY_BYTES = 16 * 1024 * 1024;
/** A body over the limit is read and thrown away up to this size, so the client reads the 413 (not a reset). */
const MAX_DRAIN_BYTES = 4 * MAX_BODY_BYTES;

/** On every response: no page of another site may frame the harness (clickjacking). */
const FRAMING_HEADERS = {
  'content-security-policy': "frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
};

class BodyTooLarge extends Error {}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
};

export interface HarnessOptions {
  port: number;
  staticDir: string;
  /** The open data folder; callers sign in through the auth channels. */
  store: StoreContext;
}

export interface RunningHarness {
  url: string;
  close(): Promise<void>;
}

/** Sessions that change token when they sign in: after sign-in the cookie is re-issued. */
const SIGN_IN_CHANNELS = new Set(['auth.signIn', 'auth.firstRun']);

const CROSS_SITE = {
  ok: false,
  error: {
    code: 'FORBIDDEN',
    message: '拒绝请求：只接受本页面（带本机会话）发出的请求。请在本机打开调试服务的页面后操作。',
  },
};

export async function startHarness(options: HarnessOptions): Promise<RunningHarness> {
  const sessions = new CookieSessions();
  const server = http.createServer((req, res) => {
    handle(options, sessions, req, res).catch((error: unknown) => {
      supportLog(options.store.dataDir).error({ event: 'harness-error', err: error }, '内部错误');
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  sessions.listeningOn(port);
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function handle(
  options: HarnessOptions,
  sessions: CookieSessions,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  for (const [name, value] of Object.entries(FRAMING_HEADERS)) res.setHeader(name, value);
  const port = (req.socket.address() as AddressInfo).port;
  if (req.headers.host !== `127.0.0.1:${port}` && req.headers.host !== `localhost:${port}`) {
    res.writeHead(421).end();
    return;
  }
  const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
  if (url.pathname.startsWith('/rpc/')) {
    if (req.method !== 'POST') {
      res.writeHead(405).end();
      return;
    }
    const channel = decodePath(url.pathname.slice(5));
    if (channel === null) {
      sendError(res, 400, '请求地址含有无效的百分号编码。');
      return;
    }
    const token = sessions.tokenOf(req);
    if (req.headers.origin !== `http://${req.headers.host}` || !token) {
      // Checked before the body is read: a cross-site post is refused without touching the handler table.
      req.resume();
      sendJson(res, CROSS_SITE, 403);
      return;
    }
    let body: string;
    try {
      body = await readBody(req);
    } catch (error) {
      if (!(error instanceof BodyTooLarge)) throw error;
      sendError(res, 413, `请求内容超过 ${MAX_BODY_BYTES / 1024 / 1024} MB，未处理。`);
      return;
    }
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body);
    } catch {
      sendJson(res, { ok: false, error: { code: 'BAD_INPUT', message: '请求内容不是合法的 JSON。' } });
      return;
    }
    const result = await dispatch({ ...options.store, sessions: sessions.slot(token) }, channel, input);
    const headers =
      result.ok && SIGN_IN_CHANNELS.has(channel)
        ? { 'set-cookie': sessions.setCookie(sessions.rotate(token)) }
        : undefined;
    sendJson(res, result, 200, headers);
    return;
  }
  // The page itself hands out the anonymous session its requests will carry.
  const page = url.pathname === '/' || url.pathname === '/index.html';
  const cookie = page && !sessions.tokenOf(req) ? { 'set-cookie': sessions.setCookie(sessions.issue()) } : undefined;
  serveStatic(options.staticDir, url.pathname, res, cookie);
}

/** The body as text, or BodyTooLarge once it is read past the limit (the rest is drained, not kept). */
function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else chunks.length = 0;
      if (size > MAX_DRAIN_BYTES) req.destroy();
    });
    req.on('end', () =>
      size > MAX_BODY_BYTES ? reject(new BodyTooLarge()) : resolve(Buffer.concat(chunks).toString('utf8')),
    );
    req.on('error', reject);
  });
}

/** decodeURIComponent, or null for a malformed %-escape (which it would throw on). */
function decodePath(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function sendError(res: http.ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify({ ok: false, error: { code: 'BAD_INPUT', message } }));
}

function sendJson(res: http.ServerResponse, value: unknown, status = 200, headers?: Record<string, string>): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(value));
}

function serveStatic(root: string, pathname: string, res: http.ServerResponse, headers?: Record<string, string>): void {
  const decoded = decodePath(pathname);
  if (decoded === null) {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('请求地址含有无效的百分号编码。');
    return;
  }
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = path.resolve(root, relative);
  if (!file.startsWith(path.resolve(root) + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('未找到');
    return;
  }
  res.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', ...headers });
  fs.createReadStream(file).pipe(res);
}
