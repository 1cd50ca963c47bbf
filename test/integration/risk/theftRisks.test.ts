import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApplicationInput } from '../../../shared/domain/application';
import { createApplication } from '../../../main/services/applications/createApplication';
import { moveApplication } from '../../../main/services/applications/moveApplication';
import { openStore, recordFor, type Store } from '../store/storeFixture';
import { flagsOf, hvRecord, otherCustomer } from './riskFixture';

let store: Store;
beforeEach(() => {
  store = openStore();
});
afterEach(() => store.close());

const create = (record: ApplicationInput) => createApplication(store.ctx('clerk'), record).number;

/** A record of `type` for the fixture's customer at the fixture's address, dated `date`. */
function sameCustomer(type: 'SUS' | 'RED' | 'CLOSE', date: string, seed = 1): ApplicationInput {
  const base = recordFor(type, 'HV', seed, date);
  return { ...base, customer: hvRecord.customer, site: { ...base.site, address: hvRecord.site.address } };
}

describe('窃电 signal detectors', () => {
  it('RISK-THF-01 flags open applications of two customers at one address; different addresses are not flagged', () => {
    const first = create(hvRecord);
    const second = create(otherCustomer(1));
    create(otherCustomer(2, '浙江省杭州市西湖区文三路 2 号'));

    const flags = flagsOf(store, 'RISK-THF-01');
    expect(flags.map((f) => f.applications)).toEqual([[first, second]]);
    expect(flags[0]!.values).toMatchObject({ 地址: hvRecord.site.address, 客户数: 2, 在办申请数: 2 });

    moveApplication(store.ctx('supervisor'), second, { move: 'cancel', reason: '客户撤回' });
    expect(flagsOf(store, 'RISK-THF-01')).toEqual([]);
  });

  it('RISK-THF-02 flags one ID number with open new connections at two addresses; one address is not flagged', () => {
    const a = create(hvRecord);
    const b = create({ ...hvRecord, site: { ...hvRecord.site, address: '浙江省杭州市西湖区文三路 9 号' } });
    create(otherCustomer(3, '浙江省杭州市西湖区文三路 3 号'));

    const flags = flagsOf(store, 'RISK-THF-02');
    expect(flags.map((f) => f.applications)).toEqual([[a, b]]);
    expect(flags[0]!.values).toMatchObject({ 地址数: 2 });
  });

  it('RISK-THF-03 flags three 暂停/减容 of one customer within 12 months; three over 13 months are not flagged', () => {
    const dated = (date: string, record: ApplicationInput) => {
      store.setNow(`${date}T02:00:00Z`);
      // The customer's earlier 暂停 is still open at the same address: R-DUP-02 asks for a confirmation.
      const acknowledgements = [
        ...(hvRecord.acknowledgements ?? []),
        { ruleId: 'R-DUP-02', reason: '上次暂停已到期，本次重新申请' },
      ];
      return create({ ...record, applicationDate: date, acknowledgements });
    };
    const cycling = ['2025-06-02', '2025-10-08', '2026-02-02'].map((date, i) =>
      dated(date, sameCustomer(i === 1 ? 'RED' : 'SUS', date, i + 1)),
    );
    const other = otherCustomer(5, '浙江省杭州市西湖区文三路 5 号');
    for (const [i, date] of ['2025-01-06', '2025-07-07', '2026-02-09'].entries()) {
      dated(date, { ...sameCustomer('SUS', date, i + 4), customer: other.customer, site: other.site });
    }

    const flags = flagsOf(store, 'RISK-THF-03');
    expect(flags.map((f) => f.applications)).toEqual([cycling]);
    expect(flags[0]!.values).toEqual({ 客户: hvRecord.customer.name, 次数: 3, 起: '2025-06-02', 止: '2026-02-02' });
  });

  it('RISK-THF-04 flags a 新装 at the address of a 销户 within six months; one a year later is not flagged', () => {
    const closing = create(sameCustomer('CLOSE', '2026-03-02'));
    const opening = create({ ...otherCustomer(4), applicationDate: '2026-03-02' });
    const far = '浙江省杭州市西湖区文三路 6 号';
    create({
      ...sameCustomer('CLOSE', '2025-01-06', 7),
      site: { ...hvRecord.site, address: far },
      applicationDate: '2025-01-06',
    });
    create({ ...otherCustomer(5, far), applicationDate: '2026-03-02' });

    const flags = flagsOf(store, 'RISK-THF-04');
    expect(flags.map((f) => f.applications)).toEqual([[closing, opening]]);
    expect(flags[0]!.values).toEqual({ 地址: hvRecord.site.address, 次数: 1 });
  });
});
