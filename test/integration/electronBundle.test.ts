/**
 * The Electron bundle cannot be started here (no Electron binary), but its services worker runs under plain
 * Node: build it as `npm run build:electron` does and serve a request through it, as the desktop shell will.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkerClient, type WorkerClient } from '../../main/ipc/workerClient';

describe('the Electron bundle', () => {
  let dir: string;
  let client: WorkerClient;

  beforeAll(async () => {
    execFileSync(process.execPath, ['scripts/build-electron.mjs'], { stdio: 'pipe' });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yekuo-bundle-'));
    client = await startWorkerClient({ dataDir: dir, workerFile: path.resolve('out/main/app/worker.cjs') });
  }, 120_000);
  afterAll(async () => {
    await client?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('has a main process, a preload and a services worker', () => {
    for (const file of ['main.cjs', 'preload.cjs', 'worker.cjs']) {
      expect(fs.statSync(path.join('out/main/app', file)).size).toBeGreaterThan(1000);
    }
    // The sandboxed preload may load nothing but electron.
    const preload = fs.readFileSync('out/main/app/preload.cjs', 'utf8');
    expect([...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron']);
  });

  it('serves the handler table from the bundled worker thread, to nobody before sign-in', async () => {
    expect(await client.call('auth.status', {})).toMatchObject({ ok: true, value: { hasUsers: false, user: null } });
    expect(fs.existsSync(path.join(dir, 'yekuo.sqlite'))).toBe(true);
    for (const channel of ['system.info', 'hall.init']) {
      expect(await client.call(channel, { code: 'X1', name: '测试' })).toMatchObject({
        ok: false,
        error: { code: 'UNAUTHENTICATED' },
      });
    }
  });
});
