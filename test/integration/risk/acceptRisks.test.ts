import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApplication } from '../../../main/services/applications/createApplication';
import { moveApplication } from '../../../main/services/applications/moveApplication';
import { updateApplicationRecord } from '../../../main/services/applications/updateApplication';
import { openStore, type Store } from '../store/storeFixture';
import { flagsOf, hvRecord, otherCustomer } from './riskFixture';

let store: Store;
beforeEach(() => {
  store = openStore();
});
afterEach(() => store.close());

describe('受理 risk detectors', () => {
  it('RISK-ACC-02 flags an application returned to 受理 twice, with the reasons; one return is not flagged', () => {
    const clerk = store.ctx('clerk');
    const twice = createApplication(clerk, hvRecord).number;
    const once = createApplication(clerk, otherCustomer(1, '浙江省杭州市西湖区文三路 1 号')).number;
    for (const number of [twice, once]) {
      moveApplication(clerk, number, { move: 'advance' });
      moveApplication(store.ctx('supervisor'), number, { move: 'return', to: 'ACCEPT', reason: '负荷清单不全' });
    }
    moveApplication(clerk, twice, { move: 'advance' });
    moveApplication(store.ctx('supervisor'), twice, { move: 'return', to: 'ACCEPT', reason: '产权证明过期' });

    const flags = flagsOf(store, 'RISK-ACC-02');
    expect(flags).toHaveLength(1);
    expect(flags[0]!.applications).toEqual([twice]);
    expect(flags[0]!.values).toEqual({ 退回次数: 2, 退回理由: '负荷清单不全；产权证明过期' });
    expect(flags[0]!.status).toBe('open');
  });

  it('RISK-ACC-03 flags a customer identity corrected after acceptance; a phone correction is not flagged', () => {
    const clerk = store.ctx('clerk');
    const renamed = createApplication(clerk, hvRecord).number;
    const rephoned = createApplication(clerk, otherCustomer(2, '浙江省杭州市西湖区文三路 2 号')).number;
    updateApplicationRecord(
      store.ctx('supervisor'),
      renamed,
      { ...hvRecord, customer: { ...hvRecord.customer, name: '杭州另一家公司' } },
      '营业执照已变更名称',
    );
    const other = otherCustomer(2, '浙江省杭州市西湖区文三路 2 号');
    updateApplicationRecord(clerk, rephoned, { ...other, customer: { ...other.customer, phone: '13700004444' } });

    const flags = flagsOf(store, 'RISK-ACC-03');
    expect(flags.map((f) => f.applications)).toEqual([[renamed]]);
    expect(flags[0]!.values).toMatchObject({ 更正次数: 1, 办理人: '王建国', 更正理由: '营业执照已变更名称' });
  });
});
