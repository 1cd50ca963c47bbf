/**
 * 客户画像's customer search on a real store: the matches with their application count and newest application, in
 * order (exact name first, then most applications), at most the limit; the matches drive the join and are
 * counted from the index of applications by customer alone (482 ms for 「张」 at 1,000,000 when they were not).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationInput } from '../../../shared/domain/application';
import { SEARCH_CUSTOMERS, searchCustomers } from '../../../main/db/repositories/portraitRepo';
import { createApplication } from '../../../main/services/applications/createApplication';
import { hvRecord, otherCustomer } from '../risk/riskFixture';
import { openStore, type Store } from '../store/storeFixture';

let store: Store;
/** Customer n of riskFixture and its applications' addresses, created in this order. */
const CREATED: [number, string][] = [
  [1, '浙江省杭州市西湖区文三路 1 号'],
  [2, '浙江省杭州市西湖区文三路 2 号'],
  [1, '浙江省杭州市西湖区文三路 3 号'],
  [3, '浙江省杭州市西湖区文三路 4 号'],
  [3, '浙江省杭州市西湖区文三路 5 号'],
  [1, '浙江省杭州市西湖区文三路 6 号'],
  [0, '浙江省杭州市西湖区文三路 7 号'],
];
const numbers: string[] = [];

beforeAll(() => {
  store = openStore();
  for (const [customer, address] of CREATED) {
    const record: ApplicationInput = {
      ...otherCustomer(customer, address),
      acknowledgements: [
        ...(hvRecord.acknowledgements ?? []),
        { ruleId: 'R-DUP-01', reason: '测试：同址多户' },
        { ruleId: 'R-DUP-02', reason: '测试：同一客户再次申请' },
      ],
    };
    numbers.push(createApplication(store.ctx('clerk'), record).number);
  }
}, 120_000);
afterAll(() => store.close());

const name = (n: number) => `江宁测试企业${n}有限公司`;

describe('客户画像 customer search', () => {
  it('lists the matches with their application count and newest application, most applications first', () => {
    const rows = searchCustomers(store.ctx().db, '江宁测试企业', 20);
    expect(rows.map((r) => [r.name, r.applications, r.latest_number, r.latest_address])).toEqual([
      [name(1), 3, numbers[5], CREATED[5]![1]],
      [name(3), 2, numbers[4], CREATED[4]![1]],
      [name(2), 1, numbers[1], CREATED[1]![1]],
      [name(0), 1, numbers[6], CREATED[6]![1]],
    ]);
    // An exact name comes first, whatever its count; the limit cuts the list after ordering.
    expect(searchCustomers(store.ctx().db, name(0), 20).map((r) => r.name)).toEqual([name(0)]);
    expect(searchCustomers(store.ctx().db, '江宁测试企业', 2).map((r) => r.name)).toEqual([name(1), name(3)]);
    // By application number: its customer, counted whole.
    expect(searchCustomers(store.ctx().db, numbers[2]!, 20).map((r) => [r.name, r.applications])).toEqual([
      [name(1), 3],
    ]);
  });

  it('counts the matches from the index of applications by customer, driven by the matches', () => {
    const plan = store
      .ctx()
      .db.prepare(`EXPLAIN QUERY PLAN ${SEARCH_CUSTOMERS}`)
      .all({ q: '张', like: '%张%', limit: 20 }) as { detail: string }[];
    const steps = plan.map((step) => step.detail);
    expect(steps).toContain('SEARCH a USING COVERING INDEX applications_customer (customer_id=?)');
    expect(steps.indexOf('SCAN h')).toBeLessThan(steps.indexOf('SEARCH c USING INTEGER PRIMARY KEY (rowid=?)'));
    expect(steps).not.toContain('SCAN c');
  });
});
