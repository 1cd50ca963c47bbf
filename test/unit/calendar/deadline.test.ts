import { describe, expect, it } from 'vitest';
import { weekendOnlyCalendar } from '../../../shared/calendar/calendar';
import { deadlineStatus, periodEnd } from '../../../shared/calendar/deadline';
import { holidayCalendar } from '../../../shared/calendar/holidayCalendar';

const base = { limitWorkdays: 10, dueSoonFraction: 0.8, dueSoonWorkdaysLeft: 1, calendar: holidayCalendar() };

describe('deadline state', () => {
  it('is 正常 early, 临期 at 80 % used, 超期 after the limit', () => {
    const start = '2026-06-01';
    expect(deadlineStatus({ ...base, start, today: '2026-06-03' })).toMatchObject({
      state: 'NORMAL',
      label: '正常',
      dueDate: '2026-06-15',
      usedWorkdays: 2,
      leftWorkdays: 8,
    });
    expect(deadlineStatus({ ...base, start, today: '2026-06-11' })).toMatchObject({
      state: 'DUE_SOON',
      label: '临期',
      usedWorkdays: 8,
    });
    expect(deadlineStatus({ ...base, start, today: '2026-06-15' })).toMatchObject({
      state: 'DUE_SOON',
      leftWorkdays: 0,
    });
    expect(deadlineStatus({ ...base, start, today: '2026-06-16' })).toMatchObject({ state: 'OVERDUE', label: '超期' });
  });

  it('moves the deadline past holidays and by paused working days', () => {
    // 中秋 (09-25..27) and 国庆 (10-01..07) are off, Saturday 10-10 is a make-up working day.
    expect(deadlineStatus({ ...base, start: '2026-09-24', today: '2026-09-24' }).dueDate).toBe('2026-10-15');
    expect(deadlineStatus({ ...base, start: '2026-06-01', today: '2026-06-16', pausedWorkdays: 2 })).toMatchObject({
      state: 'DUE_SOON',
      dueDate: '2026-06-17',
    });
  });

  it('warns when the period runs into a year without a holiday table', () => {
    expect(deadlineStatus({ ...base, start: '2026-12-24', today: '2026-12-28' }).warning).toContain('2027 年');
    expect(deadlineStatus({ ...base, start: '2026-06-01', today: '2026-06-03' }).warning).toBeUndefined();
    expect(
      deadlineStatus({ ...base, calendar: weekendOnlyCalendar, start: '2026-12-24', today: '2026-12-28' }).warning,
    ).toBeUndefined();
  });
});

describe('periods in calendar days', () => {
  it('start the next day and end after a holiday that falls on the last day', () => {
    expect(periodEnd('2026-06-01', 10, holidayCalendar())).toBe('2026-06-11');
    expect(periodEnd('2026-09-20', 11, holidayCalendar())).toBe('2026-10-08');
    expect(periodEnd('2026-06-03', 10, holidayCalendar())).toBe('2026-06-15');
  });
});
