import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApplication } from '../../../main/services/applications/createApplication';
import { moveApplication } from '../../../main/services/applications/moveApplication';
import { updateApplicationRecord } from '../../../main/services/applications/updateApplication';
import { hallScanState } from '../../../main/db/repositories/riskFlagRepo';
import { startDailyRiskScan } from '../../../main/services/risk/dailyRiskScan';
import { loadHolidayTable } from '../../../main/services/settings/holidayTables';
import type { ApplicationInput } from '../../../shared/domain/application';
import { openStore, recordFor, type Store } from '../store/storeFixture';
import { addDays } from '../../../shared/calendar/calendar';
import { flagsOf, hvRecord, inScheme, otherCustomer } from './riskFixture';

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

    // A holiday table with a week off in March moves the idle day (the stored idle days, migration 0034, are
    // derived again with the calendar): on 03-20 the application is no longer idle.
    const weekOff = Object.fromEntries(['09', '10', '11', '12', '13'].map((d) => [`2026-03-${d}`, '测试停休']));
    loadHolidayTable(
      store.ctx('admin'),
      JSON.stringify({ year: 2026, source: '测试', daysOff: weekOff, workdays: {} }),
    );
    expect(numbersOf('RISK-TIME-03')).toEqual([]);
  });

  it('RISK-TIME-02 flags 临期 from the stage warning day until the due day, then 超期 takes over; earlier, neither', () => {
    const number = inScheme(store);
    const row = () =>
      store
        .ctx()
        .db.prepare<[string], { stage_warn: string; stage_due: string; total_warn: string }>(
          'SELECT stage_warn, stage_due, total_warn FROM applications WHERE number = ?',
        )
        .get(number)!;
    const { stage_warn: warn, stage_due: due, total_warn: totalWarn } = row();
    expect(warn < due && due < totalWarn).toBe(true);
    const at = (date: string) => store.setNow(`${date}T02:00:00Z`);
    at(addDays(warn, -1));
    expect(numbersOf('RISK-TIME-02')).toEqual([]);
    at(warn);
    expect(numbersOf('RISK-TIME-02')).toEqual([[number]]);
    expect(flagsOf(store, 'RISK-TIME-02')[0]!.values).toMatchObject({ 环节状态: '临期', 环节期限: due });
    expect(numbersOf('RISK-TIME-01')).toEqual([]);
    at(addDays(due, 1));
    expect(numbersOf('RISK-TIME-02')).toEqual([]);
    expect(numbersOf('RISK-TIME-01')).toEqual([[number]]);
  });

  it('RISK-TIME-04 flags a 容缺 document due at the next stage until it is received; none deferred, not flagged', () => {
    const withDeferred = (status: 'DEFERRED' | 'RECEIVED'): ApplicationInput => ({
      ...hvRecord,
      documents: [
        ...hvRecord.documents.map((d) =>
          d.code === 'LOAD_LIST'
            ? { code: d.code, status, ...(status === 'DEFERRED' ? { dueStage: 'SURVEY' as const } : {}) }
            : d,
        ),
        { code: 'COMMITMENT', status: 'RECEIVED' },
      ],
    });
    const { number: deferred } = createApplication(store.ctx('clerk'), withDeferred('DEFERRED'));
    createApplication(store.ctx('clerk'), otherCustomer(1, '浙江省杭州市西湖区文三路 1 号'));

    const flags = flagsOf(store, 'RISK-TIME-04');
    expect(flags.map((f) => f.applications)).toEqual([[deferred]]);
    expect(flags[0]!.summary).toBe('当前在业务受理环节，容缺资料待补：用电设备清单/负荷资料（现场勘查前）');
    // The evidence the 风险 tab shows names papers, not their codes.
    expect(flags[0]!.values).toMatchObject({ 环节: '业务受理', 资料: '用电设备清单/负荷资料' });

    updateApplicationRecord(store.ctx('supervisor'), deferred, withDeferred('RECEIVED'), '客户补交用电设备清单');
    expect(numbersOf('RISK-TIME-04')).toEqual([]);
  });

  it('RISK-TIME-05 flags a clerk whose applications are suspended far more often than the others; a like share, not', () => {
    const accept = (role: 'clerk' | 'supervisor', seed: number) =>
      createApplication(store.ctx(role), recordFor('NEW_LVR', 'LVR', seed)).number;
    const suspend = (role: 'clerk' | 'supervisor', number: string) =>
      moveApplication(store.ctx(role), number, { move: 'suspend', reasonCode: 'CUSTOMER_REQUESTED_POSTPONEMENT' });
    const clerks = [1, 2, 3, 4, 5].map((seed) => accept('clerk', seed));
    const supervisors = [6, 7, 8, 9, 10].map((seed) => accept('supervisor', seed));
    for (const number of clerks.slice(0, 3)) suspend('clerk', number);

    const flags = flagsOf(store, 'RISK-TIME-05');
    expect(flags.map((f) => f.subject)).toEqual(['clerk:clerk-1']);
    expect(flags[0]!.summary).toBe(
      'clerk-1 受理 5 件，其中被挂起 3 件（60.0%），其他人 0.0%；挂起原因：客户要求缓办 3 次',
    );

    for (const number of supervisors.slice(0, 2)) suspend('supervisor', number);
    expect(flagsOf(store, 'RISK-TIME-05')).toEqual([]);
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

  it('RISK-INT-05 shows an `audit verify` problem after the next daily scan (off the request path); an intact log, none', async () => {
    const { number } = createApplication(store.ctx('clerk'), hvRecord);
    expect(flagsOf(store, 'RISK-INT-05')).toEqual([]);
    store.ctx().db.prepare("UPDATE applications SET phone = '13900000000' WHERE number = ?").run(number);
    expect(flagsOf(store, 'RISK-INT-05')).toEqual([]);

    // The next day: risk.list does not walk the chain; the schedule the services worker starts does, once.
    store.setNow('2026-03-03T01:00:00Z');
    expect(flagsOf(store, 'RISK-INT-05')).toEqual([]);
    const { db, dataDir } = store.ctx();
    const stop = startDailyRiskScan({ db, dataDir }, () => new Date('2026-03-03T01:00:00Z'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    stop();
    expect(hallScanState(db).dailyDay).toBe('2026-03-03');
    const flags = flagsOf(store, 'RISK-INT-05');
    expect(flags.map((f) => f.applications)).toEqual([[number]]);
    expect(flags[0]!.summary).toMatch(new RegExp(`^申请 ${number}：与第 \\d+ 条审计记录所记的状态不符`));
  });
});
