import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase } from '../../main/db/connection';
import { startHarness, type RunningHarness } from '../../main/web/harness';

/** Raw HTTP so the Host header and the path are exactly what an attacker would send. */
function request(url: string, options: { method?: string; path: string; host?: string; body?: string }) {
  const target = new URL(url);
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { host: options.host ?? target.host },
      },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
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
    harness = await startHarness({
      port: 0,
      staticDir,
      context: { db, dataDir: dir, session: { userId: 'w', name: '王芳', role: 'clerk' } },
    });
  });
  afterAll(async () => {
    await harness.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('listens on loopback only', () => {
    expect(harness.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves the renderer and the handler table', async () => {
    expect(await request(harness.url, { path: '/' })).toEqual({ status: 200, body: '<p>壳</p>' });
    const rpc = await request(harness.url, { method: 'POST', path: '/rpc/system.info', body: '{}' });
    expect(JSON.parse(rpc.body)).toMatchObject({ ok: true, value: { user: { name: '王芳' } } });
  });

  it('refuses foreign Host headers (DNS rebinding), GET on rpc and paths outside the bundle', async () => {
    expect((await request(harness.url, { path: '/', host: 'evil.example:80' })).status).toBe(421);
    expect((await request(harness.url, { path: '/rpc/system.info' })).status).toBe(405);
    expect((await request(harness.url, { path: '/../secret.txt' })).status).toBe(404);
    expect((await request(harness.url, { path: '/%2e%2e/secret.txt' })).status).toBe(404);
  });
});
