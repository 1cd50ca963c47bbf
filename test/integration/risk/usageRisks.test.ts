/** 违约用电 signals in how a supply is used: residential tariffs where a business applies, 暂停 on billing months. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApplication } from '../../../main/services/applications/createApplication';
import type { ApplicationInput } from '../../../shared/domain/application';
import { openStore, recordFor, type Store } from '../store/storeFixture';
import { flagsOf, otherCustomer } from './riskFixture';

let store: Store;
beforeEach(() => {
  store = openStore();
});
afterEach(() => store.close());

const create = (record: ApplicationInput) => createApplication(store.ctx('clerk'), record).number;

/** A residential new connection at `address`. */
const residential = (address: string, seed: number): ApplicationInput => {
  const base = recordFor('NEW_LVR', 'LVR', seed);
  return { ...base, site: { ...base.site, address } };
};

describe('违约用电 detectors', () => {
  it('RISK-THF-05 flags a residential tariff at an address where a licensed business applies; apart, not flagged', () => {
    const shop = '浙江省杭州市西湖区文三路 21 号';
    const home = create(residential(shop, 1));
    const business = create(otherCustomer(1, shop));
    create(residential('浙江省杭州市西湖区文三路 22 号', 2));
    create(otherCustomer(2, '浙江省杭州市西湖区文三路 23 号'));

    const flags = flagsOf(store, 'RISK-THF-05');
    expect(flags.map((f) => f.applications)).toEqual([[home, business]]);
    expect(flags[0]!.values).toMatchObject({ 地址: shop, 经营主体: '江宁测试企业1有限公司' });
  });

  it('RISK-THF-06 flags a 暂停 from one reading day to another; one in mid-month is not flagged', () => {
    const suspension = (n: number, effectiveDate: string, endDate: string): ApplicationInput => {
      const base = recordFor('SUS', 'HV', n);
      const other = otherCustomer(n, `浙江省杭州市西湖区文三路 3${n} 号`);
      return {
        ...base,
        customer: other.customer,
        site: { ...base.site, address: other.site.address },
        effectiveDate,
        endDate,
      };
    };
    const aligned = create(suspension(1, '2026-04-01', '2026-06-01'));
    create(suspension(2, '2026-04-15', '2026-06-16'));

    const flags = flagsOf(store, 'RISK-THF-06');
    expect(flags.map((f) => f.applications)).toEqual([[aligned]]);
    expect(flags[0]!.summary).toBe(
      '江宁测试企业1有限公司 暂停 2026-04-01 至 2026-06-01，起止日均在抄表例日（每月 1 日）前后 3 天内',
    );
  });
});
