import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApplication } from '../../../main/services/applications/createApplication';
import { moveApplication } from '../../../main/services/applications/moveApplication';
import { openStore, type Store } from '../store/storeFixture';
import { flagsOf, hvRecord, otherCustomer } from './riskFixture';

let store: Store;
beforeEach(() => {
  store = openStore();
});
afterEach(() => store.close());

const numbersOf = (detector: string) => flagsOf(store, detector).map((f) => f.applications);

describe('时限 detectors (the stored deadline states, judged on the day the flags are read)', () => {
  it('RISK-TIME-01/02/03: 超期 two days after acceptance, idle after 10 working days; a suspended application is none of these', () => {
    const clerk = store.ctx('clerk');
    const { number: late } = createApplication(clerk, hvRecord);
    expect(numbersOf('RISK-TIME-01')).toEqual([]);

    store.setNow('2026-03-04T02:00:00Z');
    const { number: paused } = createApplication(clerk, otherCustomer(1, '浙江省杭州市西湖区文三路 1 号'));
    moveApplication(clerk, paused, { move: 'suspend', reasonCode: 'CUSTOMER_REQUESTED_POSTPONEMENT' });
    expect(numbersOf('RISK-TIME-01')).toEqual([[late]]);
    expect(flagsOf(store, 'RISK-TIME-01')[0]!.summary).toBe('业务受理环节 2026-03-03 到期');
    expect(numbersOf('RISK-TIME-02')).toEqual([]);
    expect(numbersOf('RISK-TIME-03')).toEqual([]);

    store.setNow('2026-03-20T02:00:00Z');
    expect(numbersOf('RISK-TIME-03')).toEqual([[late]]);
    expect(flagsOf(store, 'RISK-TIME-03')[0]!.summary).toBe('自 2026-03-02 起停留在业务受理环节超过 10 个工作日');
  });
});

describe('流程完整性 detectors', () => {
  it('RISK-INT-01 flags a move recorded before the previous one (clock set back); moves in order are not flagged', () => {
    const clerk = store.ctx('clerk');
    store.setNow('2026-03-03T02:00:00Z');
    const { number: backdated } = createApplication(clerk, hvRecord);
    const { number: straight } = createApplication(clerk, otherCustomer(1, '浙江省杭州市西湖区文三路 1 号'));
    moveApplication(clerk, straight, { move: 'advance' });
    store.setNow('2026-03-02T03:00:00Z');
    moveApplication(clerk, backdated, { move: 'advance' });

    const flags = flagsOf(store, 'RISK-INT-01');
    expect(flags.map((f) => f.applications)).toEqual([[backdated]]);
    expect(flags[0]!.summary).toBe('推进 记于 2026-03-02 11:00，早于前一条 2026-03-03 10:00');
  });

  it('RISK-INT-02 flags a move at 21:00 Shanghai time; one at 09:00 is not flagged', () => {
    const clerk = store.ctx('clerk');
    const { number: night } = createApplication(clerk, hvRecord);
    const { number: day } = createApplication(clerk, otherCustomer(1, '浙江省杭州市西湖区文三路 1 号'));
    moveApplication(clerk, day, { move: 'advance' });
    store.setNow('2026-03-02T13:00:00Z');
    moveApplication(clerk, night, { move: 'advance' });

    const flags = flagsOf(store, 'RISK-INT-02');
    expect(flags.map((f) => f.applications)).toEqual([[night]]);
    expect(flags[0]!.summary).toBe('2026-03-02 21:00 clerk-1 推进');
  });

  it('RISK-INT-04 flags a record stamped later than now; once the clock reaches it the flag goes', () => {
    const clerk = store.ctx('clerk');
    createApplication(clerk, otherCustomer(1, '浙江省杭州市西湖区文三路 1 号'));
    store.setNow('2026-03-05T02:00:00Z');
    const { number: ahead } = createApplication(clerk, hvRecord);
    store.setNow('2026-03-03T02:00:00Z');
    expect(numbersOf('RISK-INT-04')).toEqual([[ahead]]);
    expect(flagsOf(store, 'RISK-INT-04')[0]!.summary).toBe('记录时间 2026-03-05 10:00 晚于当前时间');
    store.setNow('2026-03-06T02:00:00Z');
    expect(numbersOf('RISK-INT-04')).toEqual([]);
  });
});
