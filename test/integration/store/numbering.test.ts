import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createApplication } from '../../../main/services/applications/createApplication';
import { moveApplication } from '../../../main/services/applications/moveApplication';
import { allocateContractNumber } from '../../../main/services/numbers';
import { openStore, recordFor, type Store } from './storeFixture';

const run = promisify(execFile);
const child = path.join(import.meta.dirname, 'support', 'createMany.ts');

let store: Store;
afterEach(() => store?.close());

describe('application and contract numbers', () => {
  it('are <hall>-<YYYYMMDD Shanghai>-<4-digit daily sequence>, restart daily and are never reused', () => {
    store = openStore({ now: '2026-03-02T15:59:00Z' }); // 23:59 in Shanghai
    const ctx = store.ctx();
    const first = createApplication(ctx, recordFor('NEW_LVR', 'LVR', 1)).number;
    const second = createApplication(ctx, recordFor('NEW_LVR', 'LVR', 2)).number;
    expect([first, second]).toEqual(['NJ0101-20260302-0001', 'NJ0101-20260302-0002']);
    moveApplication(ctx, second, { move: 'cancel', reason: '客户撤回' });
    expect(createApplication(ctx, recordFor('NEW_LVR', 'LVR', 3)).number).toBe('NJ0101-20260302-0003');
    store.setNow('2026-03-02T16:00:00Z'); // 00:00 on the 3rd in Shanghai
    expect(createApplication(ctx, recordFor('NEW_LVR', 'LVR', 4)).number).toBe('NJ0101-20260303-0001');
    const contract = ctx.db.transaction(() => allocateContractNumber(ctx.db, 'NJ0101', '2026-03-03')).immediate();
    expect(contract).toBe('NJ0101-HT-20260303-0001');
  });

  it('stay unique when two processes create at the same time through their own connections', async () => {
    store = openStore();
    const per = 300;
    const [a, b] = await Promise.all(
      [1, 2].map((seed) =>
        run(process.execPath, ['--import', 'tsx', child, store.dir, String(per), String(seed)], { timeout: 60_000 }),
      ),
    );
    const fromA = JSON.parse(a!.stdout) as string[];
    const fromB = JSON.parse(b!.stdout) as string[];
    const numbers = [...fromA, ...fromB];
    // The two really ran at the same time: their numbers interleave.
    expect(fromA.at(-1)! > fromB[0]! && fromB.at(-1)! > fromA[0]!).toBe(true);
    expect(new Set(numbers).size).toBe(2 * per);
    // Gapless: the daily sequence was taken inside each creating transaction.
    const sequences = numbers.map((n) => Number(n.split('-').at(-1))).sort((x, y) => x - y);
    expect(sequences).toEqual(Array.from({ length: 2 * per }, (_, i) => i + 1));
    const rows = store.ctx().db.prepare('SELECT count(DISTINCT number) AS n FROM applications').get() as { n: number };
    expect(rows.n).toBe(2 * per);
  });
});
