/**
 * `yekuo scheme extend` (R-GATE-04) on a real store: the CLI extends through schemes.extend's service with its
 * schema, and the next export batch carries supply_scheme_versions.extended_until to HQ; a bad date is bad usage.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outboxDir } from '../../../main/export/createBatch';
import { createApplication } from '../../../main/services/applications/createApplication';
import { moveApplication } from '../../../main/services/applications/moveApplication';
import { approveScheme, saveSchemeDraft } from '../../../main/services/schemes';
import { addMonths } from '../../../shared/calendar/isoDate';
import { proposeScheme } from '../../../shared/domain/schemeProposal';
import { exportNow, readBack } from '../export/exportFixture';
import { addCliAdmin, yekuo } from './cliRunner';
import { hvNewConnection, openStore, type Store } from './storeFixture';

// The CLI runs on the real clock: the scheme was replied a month before today, so it is valid and extendable.
const now = new Date();
const today = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const replied = addMonths(today, -1);
const record = hvNewConnection(replied);

let store: Store;
let number = '';
beforeEach(async () => {
  store = openStore({ now: now.toISOString() });
  await addCliAdmin(store.ctx('admin'));
  ({ number } = createApplication(store.ctx('clerk'), record));
  moveApplication(store.ctx(), number, { move: 'advance' });
  moveApplication(store.ctx(), number, { move: 'advance' });
  const proposal = proposeScheme(record, 'FA-1', replied);
  saveSchemeDraft(
    store.ctx('clerk'),
    number,
    {
      ...proposal,
      sources: proposal.sources.map((s) => ({ ...s, boundaryPoint: '振华 A 线 12# 杆 T 接点' })),
      receiving: { ...proposal.receiving!, mainWiring: '10 kV 单母线' },
      metering: proposal.metering.map((m) => ({ ...m, position: '进线计量柜', meterSpec: '三相三线 3×100 V' })),
    },
    undefined,
  );
  approveScheme(store.ctx(), number, 1);
});
afterEach(() => store.close());

describe('yekuo scheme extend', () => {
  it('extends the approved scheme, and the export carries extended_until', async () => {
    const until = addMonths(replied, 18);
    const run = await yekuo(
      store.dir,
      'scheme',
      'extend',
      number,
      '1',
      '--until',
      until,
      '--requested-on',
      today,
      '--reason',
      '客户书面申请延期',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`已延长申请 ${number} 供电方案第 1 版：有效期至 ${until}\n`);

    const ctx = store.ctx();
    const batch = (await exportNow(ctx))!;
    const { rows } = await readBack(ctx, path.join(outboxDir(store.dir), batch.file));
    expect(rows.get('supply_scheme_versions')?.map((r) => [r.version, r.extended_until])).toEqual([[1, until]]);
  });

  it('refuses a date that is no date as bad usage (exit 2), naming the field', async () => {
    const run = await yekuo(
      store.dir,
      'scheme',
      'extend',
      number,
      '1',
      '--until',
      '2027-13',
      '--requested-on',
      today,
      '--reason',
      '客户申请',
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('延期至');
  });
});
