import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase } from '../../main/db/connection';
import { startHarness, type RunningHarness } from '../../main/web/harness';

/** Raw HTTP so the Host header and the path are exactly what an attacker would send. */
function request(
  url: string,
  options: { method?: string; path: string; host?: string; body?: string; headers?: Record<string, string> },
) {
  const target = new URL(url);
  return new Promise<{ status: number; body: string; cookie: string }>((resolve, reject) => {
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { host: options.host ?? target.host, ...options.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body, cookie: res.headers['set-cookie']?.[0]?.split(';')[0] ?? '' }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('web harness', () => {
  let dir: string;
  let harness: RunningHarness;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yekuo-harness-'));
    const staticDir = path.join(dir, 'static');
    fs.mkdirSync(staticDir);
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<p>壳</p>');
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'secret');
    const db = openDatabase(path.join(dir, DATABASE_FILE));
    harness = await startHarness({ port: 0, staticDir, store: { db, dataDir: dir } });
  });
  afterAll(async () => {
    await harness.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('listens on loopback only', () => {
    expect(harness.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves the renderer and the handler table', async () => {
    const page = await request(harness.url, { path: '/' });
    expect(page).toMatchObject({ status: 200, body: '<p>壳</p>' });
    const headers = { cookie: page.cookie, origin: new URL(harness.url).origin };
    const rpc = await request(harness.url, { method: 'POST', path: '/rpc/auth.status', body: '{}', headers });
    expect(JSON.parse(rpc.body)).toMatchObject({ ok: true, value: { hasUsers: false, user: null } });
  });

  it('refuses foreign Host headers (DNS rebinding), GET on rpc and paths outside the bundle', async () => {
    expect((await request(harness.url, { path: '/', host: 'evil.example:80' })).status).toBe(421);
    expect((await request(harness.url, { path: '/rpc/system.info' })).status).toBe(405);
    expect((await request(harness.url, { path: '/../secret.txt' })).status).toBe(404);
    expect((await request(harness.url, { path: '/%2e%2e/secret.txt' })).status).toBe(404);
  });
});
