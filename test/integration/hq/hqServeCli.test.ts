/**
 * The acceptance path with the real commands: `yekuo export --to URL` while HQ's receiver is down keeps the batch
 * in the outbox (exit 1, the reason printed); `yekuo hq --pg URL serve` comes up; the next `yekuo export --to`
 * delivers it, HQ (a real PostgreSQL server) imports it, and the hall shows 已送达总部 with a verified receipt.
 * Every step is a real CLI process (hq pubkey, hall pubkey, hq keys add, export settings --hq-key, report).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addDemo, tempDir } from '../export/exportFixture';
import { addCliAdmin, cliAdminEnv } from '../store/cliRunner';
import { openStore } from '../store/storeFixture';
import { freshPgDatabase } from './hqFixture';

const bin = path.resolve(import.meta.dirname, '../../../bin/yekuo.mjs');
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const yekuo = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: cliAdminEnv() });

/** Starts `yekuo hq … serve` and resolves with its URL once it prints `listening`. */
function serve(pgUrl: string, args: string[]): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [bin, 'hq', '--pg', pgUrl, 'serve', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /listening (http:\/\/\S+?)（/.exec(out);
      if (match) resolve({ url: match[1]!, child });
    });
    child.once('exit', (code) => reject(new Error(`hq serve exited ${code}: ${out}`)));
  });
}

describe('yekuo export --to → yekuo hq serve', () => {
  it(
    'delivers the outbox after the receiver comes back up; the hall stores the signed receipt',
    { timeout: 300_000 },
    async () => {
      const pg = await freshPgDatabase();
      cleanups.push(pg.drop);
      const store = openStore();
      cleanups.push(() => store.close());
      await addCliAdmin(store.ctx('admin'));
      addDemo(store.ctx(), 12);
      const work = tempDir('yekuo-serve-cli-');
      const hqKey = path.join(work, 'hq.key');
      const hqPub = path.join(work, 'hq.pub');
      const hallPub = path.join(work, 'hall-NJ0101.pub');
      expect(yekuo('hq', 'pubkey', '--key', hqKey, '--out', hqPub).status).toBe(0);
      expect(yekuo('--data', store.dir, 'hall', 'pubkey', '--out', hallPub).status).toBe(0);
      expect(yekuo('hq', '--pg', pg.url, 'keys', 'add', hallPub).status).toBe(0);
      expect(yekuo('--data', store.dir, 'export', 'settings', '--hq-key', hqPub).status).toBe(0);

      // The receiver is down: a port that was free a moment ago.
      const first = await serve(pg.url, ['--key', hqKey, '--port', '0']);
      const url = first.url;
      await cleanups.pop()!();
      const down = yekuo('--data', store.dir, 'export', '--to', url);
      expect(down.status).toBe(1);
      expect(down.stdout).toContain('已生成第 1 批');
      expect(down.stderr).toContain('第 1 批未送达总部：无法连接总部接收地址');

      await serve(pg.url, ['--key', hqKey, '--port', new URL(url).port]);
      const up = yekuo('--data', store.dir, 'export', '--to', url);
      expect(up.stderr).toBe('');
      expect(up.stdout).toContain('第 1 批已送达总部（回执已核验）');
      expect(up.status).toBe(0);
      const status = JSON.parse(yekuo('--data', store.dir, 'export', 'status', '--json').stdout) as {
        batches: { batch: number; delivery: string; receiptAt: string | null }[];
      };
      // The second run's own sign-in is an audited change, so it exported it as batch 2 and delivered both in order.
      expect(status.batches.map((b) => [b.batch, b.delivery])).toEqual([
        [2, 'RECEIPTED'],
        [1, 'RECEIPTED'],
      ]);
      const report = JSON.parse(yekuo('hq', '--pg', pg.url, 'report', '--json').stdout) as {
        halls: { hallCode: string; applications: number; lastBatch: number }[];
      };
      expect(report.halls).toMatchObject([{ hallCode: 'NJ0101', applications: 12, lastBatch: 2 }]);
    },
  );
});
