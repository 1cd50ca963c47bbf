/**
 * The issue asks `yekuo demo` for data on which at least 8 detector kinds fire, with concentrated contractors: the
 * demo applications and the 客户画像 customers as `yekuo demo` makes them, read two days after.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { addDemoCustomers } from '../../../main/services/demo/demoCustomers';
import { runDemo } from '../../../main/services/demo/runDemo';
import { listRiskFlags } from '../../../main/services/risk/flags';
import { DETECTORS } from '../../../main/services/risk/registry';
import { openStore, type Store } from '../store/storeFixture';

let store: Store | undefined;
afterEach(() => store?.close());

describe('demo data exercises the risk detectors', () => {
  it('fires at least 8 detector kinds on yekuo demo --count 300 --seed 11, among them 工程单位集中 and 频繁暂停/减容', () => {
    store = openStore({ now: '2026-12-06T02:00:00Z' });
    const end = new Date('2026-12-04T00:00:00Z');
    runDemo(store.ctx(), { count: 300, seed: 11, endDate: end, days: 365 });
    addDemoCustomers(store.ctx(), end);
    const fired = DETECTORS.map((d) => d.id).filter(
      (id) => listRiskFlags(store!.ctx('supervisor'), { detector: id, offset: 0, limit: 1 }).total > 0,
    );
    expect(fired.length).toBeGreaterThanOrEqual(8);
    expect(fired).toEqual(
      expect.arrayContaining(['RISK-PRC-01', 'RISK-PRC-02', 'RISK-SCH-04', 'RISK-ACC-02', 'RISK-THF-03']),
    );
    // 频繁暂停/减容: the cold store's 暂停, 减容, 暂停 within 12 months, and no other customer's.
    const cycling = listRiskFlags(store.ctx('supervisor'), { detector: 'RISK-THF-03', offset: 0, limit: 10 }).items;
    expect(cycling.map((f) => [f.values['客户'], f.values['次数']])).toEqual([['南京冰源冷链物流有限公司（演示）', 3]]);
  }, 120_000);
});
