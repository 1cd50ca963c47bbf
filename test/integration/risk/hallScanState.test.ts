/**
 * The hall detectors' last scan is kept in the store (migration 0016): a new connection — another process, such
 * as each `yekuo risk list` — does not rescan an unchanged hall; a change or a new day does.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/db/connection';
import { createApplication } from '../../../main/services/applications/createApplication';
import { listRiskFlags } from '../../../main/services/risk/flags';
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
    store.setNow('2026-03-05T02:00:00Z');
    expect(read()).toBe(1);

    second.exec("DELETE FROM risk_flags WHERE detector_id = 'RISK-TIME-01'");
    expect(read()).toBe(0);
    createApplication({ ...store.ctx('clerk'), db: second }, otherCustomer(1, '浙江省杭州市西湖区文三路 1 号'));
    expect(read()).toBe(1);
    second.close();
  });
});
