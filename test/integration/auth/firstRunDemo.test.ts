/**
 * The first-run wizard's 载入演示数据: the hall it leaves has three years of applications, so 预测 forecasts every
 * business-type group and shows its back-test beside it (not 历史不足一年), and 客户画像's stories are there.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { countApplications } from '../../../main/db/repositories/applicationRepo';
import { memorySessionSlot } from '../../../main/ipc/context';
import { completeFirstRun } from '../../../main/services/auth/firstRun';
import { forecastReport } from '../../../main/services/stats/forecastReport';
import { MIN_TRAIN, HORIZON } from '../../../shared/stats/forecast';
import { HALL, HALL_DOCUMENT_SETTINGS, openStore, type Store } from '../store/storeFixture';

let store: Store | undefined;
afterEach(() => store?.close());

describe('first-run wizard with demo data (real store)', () => {
  it('spans three years: every 预测 group has a forecast and a back-test error for both methods', async () => {
    store = openStore({ init: false, now: '2026-12-07T02:00:00Z' });
    const { session: _none, ...ctx } = store.ctx('admin');
    await completeFirstRun(
      { ...ctx, sessions: memorySessionSlot() },
      {
        hall: HALL,
        admin: { id: 'A001', name: '周敏', password: 'admin pass 1' },
        documents: HALL_DOCUMENT_SETTINGS,
        demo: true,
      },
    );
    // 200 generated (plus the old sites that relocations close) and the portrait's 21 stories.
    expect(countApplications(store.ctx().db)).toBeGreaterThanOrEqual(221);
    const report = forecastReport(store.ctx());
    // From December 2023 to November 2026, the last complete month.
    expect(report.months[0]).toBe('2023-12');
    expect(report.months.at(-1)).toBe('2026-11');
    expect(report.months.length).toBeGreaterThanOrEqual(MIN_TRAIN + HORIZON);
    for (const group of report.groups) {
      expect(group.method, group.group).not.toBeNull();
      expect(group.forecast, group.group).toHaveLength(HORIZON);
      expect(group.mape['holt-winters'], group.group).not.toBeNull();
      expect(group.mape['seasonal-naive'], group.group).not.toBeNull();
    }
  }, 120_000);
});
