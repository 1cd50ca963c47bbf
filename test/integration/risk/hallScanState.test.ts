/**
 * The hall detectors' last scan is kept in the store (migration 0016): a new connection — another process, such
 * as each `yekuo risk list` — does not rescan an unchanged hall; a new day rescans the applications whose deadline
 * day it passed, a change later the same day the applications it wrote. So is the
 * configuration the record detectors' flags were computed with (migration 0020): a threshold change applies to
 * them at the next read, without `yekuo risk recompute`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/db/connection';
import { createApplication } from '../../../main/services/applications/createApplication';
import { moveApplication } from '../../../main/services/applications/moveApplication';
import { updateApplicationRecord } from '../../../main/services/applications/updateApplication';
import { listRiskFlags } from '../../../main/services/risk/flags';
import { loadProvinceProfile } from '../../../main/services/settings/provinceProfile';
import { openStore, type Store } from '../store/storeFixture';
import { hvRecord, otherCustomer } from './riskFixture';

let store: Store;
beforeEach(() => {
  store = openStore();
});
afterEach(() => store.close());

describe('hall scan state', () => {
  it('is shared by connections: an unchanged hall is not rescanned, a change or a new day rescans it', () => {
    const { number } = createApplication(store.ctx('clerk'), hvRecord);
    store.setNow('2026-03-04T02:00:00Z'); // 业务受理 was due on 03-03
    const overdue = () =>
      listRiskFlags(store.ctx('supervisor'), { detector: 'RISK-TIME-01', offset: 0, limit: 10 }).items.map(
        (f) => f.applications,
      );
    expect(overdue()).toEqual([[number]]);
    // A derived row lost behind the engine's back: only a rescan brings it back.
    store.ctx().db.exec("DELETE FROM risk_flags WHERE detector_id = 'RISK-TIME-01'");
    store.closeDatabase();

    const second = openDatabase(store.file);
    const read = () =>
      listRiskFlags({ ...store.ctx('supervisor'), db: second }, { detector: 'RISK-TIME-01', offset: 0, limit: 10 })
        .total;
    expect(read()).toBe(0);
    // A new day judges the applications with a deadline day since the last scan's day (migration 0032) and those
    // written since: this one's passed on 03-03, so the lost row stays lost (`yekuo risk recompute` repairs it).
    store.setNow('2026-03-05T02:00:00Z');
    expect(read()).toBe(0);
    second.prepare("UPDATE risk_state SET scanned_day = '2026-03-02'").run();
    expect(read()).toBe(1);

    // Later the same day a change rescans the applications it wrote (migration 0024), not the others.
    second.exec("DELETE FROM risk_flags WHERE detector_id = 'RISK-TIME-01'");
    expect(read()).toBe(0);
    createApplication({ ...store.ctx('clerk'), db: second }, otherCustomer(1, '浙江省杭州市西湖区文三路 1 号'));
    expect(read()).toBe(0);
    const corrected = { ...hvRecord, site: { ...hvRecord.site, address: `${hvRecord.site.address}东门` } };
    updateApplicationRecord({ ...store.ctx('supervisor'), db: second }, number, corrected, '测试：更正地址');
    expect(read()).toBe(1);
    second.close();
  });

  it('applies a changed record-detector threshold at the next read, from another connection too', () => {
    const clerk = store.ctx('clerk');
    const { number } = createApplication(clerk, hvRecord);
    for (const reason of ['负荷清单不全', '产权证明过期']) {
      moveApplication(clerk, number, { move: 'advance' });
      moveApplication(store.ctx('supervisor'), number, { move: 'return', to: 'ACCEPT', reason });
    }
    const returned = (db = store.ctx().db) =>
      listRiskFlags({ ...store.ctx('supervisor'), db }, { detector: 'RISK-ACC-02', offset: 0, limit: 10 }).items.map(
        (f) => [f.applications, f.values['退回次数']],
      );
    expect(returned()).toEqual([[[number], 2]]);

    // RISK-ACC-02 is recomputed per change, for the changed applications only: this one is not touched again.
    loadProvinceProfile(store.ctx('admin'), JSON.stringify({ risk: { returnsToAcceptMin: 3 } }));
    const second = openDatabase(store.file);
    expect(returned(second)).toEqual([]);
    expect(second.prepare("SELECT count(*) FROM risk_flags WHERE detector_id = 'RISK-ACC-02'").pluck().get()).toBe(0);

    loadProvinceProfile(store.ctx('admin'), JSON.stringify({ risk: { returnsToAcceptMin: 2 } }));
    expect(returned()).toEqual([[[number], 2]]);
    second.close();
  });
});
