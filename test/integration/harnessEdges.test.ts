/**
 * The web harness at its edges: a body over the limit is answered 413 (it used to reset the connection), a
 * malformed %-escape 400 (it used to be a 500 with a stack in the log), and no response may be framed by another
 * site.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase } from '../../main/db/connection';
import { startHarness, type RunningHarness } from '../../main/web/harness';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Raw HTTP: the exact path and body an attacker would send. */
function send(
  url: string,
  options: { method?: string; path: string; body?: Buffer | string; headers?: Record<string, string> },
): Promise<Answer> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
      },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('web harness edges', () => {
  let dir: string;
  let harness: RunningHarness;
  const logged: unknown[] = [];
  let session: Record<string, string> = {};
  const consoleError = console.error;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yekuo-harness-edges-'));
    const staticDir = path.join(dir, 'static');
    fs.mkdirSync(staticDir);
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<p>壳</p>');
    const db = openDatabase(path.join(dir, DATABASE_FILE));
    harness = await startHarness({ port: 0, staticDir, store: { db, dataDir: dir } });
    // The page's session cookie and the harness's own Origin: what the app's own calls carry.
    const page = await send(harness.url, { path: '/' });
    session = { cookie: page.headers['set-cookie']?.[0]?.split(';')[0] ?? '', origin: new URL(harness.url).origin };
    console.error = (...args: unknown[]) => logged.push(args);
  });
  afterAll(async () => {
    console.error = consoleError;
    await harness.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers a body over 16 MB with 413 and a Chinese message, and keeps serving', async () => {
    const answer = await send(harness.url, {
      method: 'POST',
      path: '/rpc/system.info',
      body: Buffer.alloc(17 * 1024 * 1024, 0x20),
      headers: session,
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(answer.body).toContain('超过 16 MB');
    expect((await send(harness.url, { path: '/' })).status).toBe(200);
  });

  it('answers a malformed %-escape with 400, in a call and in a file path, without an error in the log', async () => {
    const rpc = await send(harness.url, { method: 'POST', path: '/rpc/system.info%E0%A4%A', body: '{}' });
    expect(rpc.status).toBe(400);
    expect(rpc.body).toContain('无效的百分号编码');
    const file = await send(harness.url, { path: '/%E0%A4%A.js' });
    expect(file.status).toBe(400);
    expect(logged).toEqual([]);
  });

  it('forbids framing on every response', async () => {
    const answers = [
      await send(harness.url, { path: '/' }),
      await send(harness.url, { path: '/nope.js' }),
      await send(harness.url, { method: 'POST', path: '/rpc/system.info', body: '{}', headers: session }),
      await send(harness.url, { method: 'POST', path: '/rpc/system.info', body: '{}' }),
      await send(harness.url, {
        method: 'POST',
        path: '/rpc/system.info',
        body: Buffer.alloc(17 * 1024 * 1024),
        headers: session,
      }),
    ];
    for (const answer of answers) {
      expect(answer.headers['content-security-policy']).toBe("frame-ancestors 'none'");
      expect(answer.headers['x-frame-options']).toBe('DENY');
    }
  });
});
