import { describe, expect, it } from 'vitest';
import { createHolidayCalendar, holidayCalendar } from '../../../shared/calendar/holidayCalendar';
import { builtinHolidayTables } from '../../../shared/calendar/builtinHolidays';
import { parseHolidayTable } from '../../../shared/calendar/holidayTable';
import { addMonths, todayInShanghai } from '../../../shared/calendar/isoDate';

const cal = holidayCalendar();

describe('built-in holiday tables', () => {
  it('cover 2024 through 2026 at least', () => {
    expect(cal.coveredYears()).toEqual(expect.arrayContaining([2024, 2025, 2026]));
  });

  // Days from the 国务院办公厅 notices for 2024, 2025 and 2026.
  it.each([
    ['2024-02-10', 'HOLIDAY', '春节'],
    ['2024-02-04', 'MAKEUP_WORKDAY', '春节'],
    ['2024-02-18', 'MAKEUP_WORKDAY', '春节'],
    ['2024-10-07', 'HOLIDAY', '国庆节'],
    ['2024-10-12', 'MAKEUP_WORKDAY', '国庆节'],
    ['2025-01-28', 'HOLIDAY', '春节'],
    ['2025-01-26', 'MAKEUP_WORKDAY', '春节'],
    ['2025-05-05', 'HOLIDAY', '劳动节'],
    ['2025-10-08', 'HOLIDAY', '国庆节'],
    ['2025-09-28', 'MAKEUP_WORKDAY', '国庆节'],
    ['2026-01-02', 'HOLIDAY', '元旦'],
    ['2026-01-04', 'MAKEUP_WORKDAY', '元旦'],
    ['2026-02-23', 'HOLIDAY', '春节'],
    ['2026-02-28', 'MAKEUP_WORKDAY', '春节'],
    ['2026-10-10', 'MAKEUP_WORKDAY', '国庆节'],
    ['2026-06-19', 'HOLIDAY', '端午'],
  ])('%s is %s (%s)', (date, kind, name) => {
    expect(cal.dayInfo(date)).toMatchObject({ kind, name, covered: true, workday: kind === 'MAKEUP_WORKDAY' });
  });

  it('keeps plain weekdays and weekends', () => {
    expect(cal.dayInfo('2026-06-15')).toEqual({ date: '2026-06-15', workday: true, kind: 'WORKDAY', covered: true });
    expect(cal.dayInfo('2026-06-13')).toMatchObject({ workday: false, kind: 'WEEKEND' });
  });
});

describe('working-day arithmetic', () => {
  it('does not count the start day and skips the National Day week', () => {
    expect(cal.addWorkdays('2026-09-30', 1)).toBe('2026-10-08');
    expect(cal.addWorkdays('2026-09-30', 3)).toBe('2026-10-10');
    expect(cal.addWorkdays('2026-06-15', 0)).toBe('2026-06-15');
  });
  it('counts working days in (from, to]', () => {
    expect(cal.workdaysBetween('2026-09-30', '2026-10-10')).toBe(3);
    expect(cal.workdaysBetween('2026-10-10', '2026-09-30')).toBe(0);
    // 2026: 261 weekdays, 19 of them days off, 6 make-up working days.
    expect(cal.workdaysBetween('2025-12-31', '2026-12-31')).toBe(248);
  });
});

describe('years without a table', () => {
  it('count weekends only and say so', () => {
    expect(cal.dayInfo('2030-10-01')).toEqual({ date: '2030-10-01', workday: true, kind: 'WORKDAY', covered: false });
    expect(cal.coverageWarning('2026-12-30', '2030-01-02')).toContain('2030 年的节假日安排尚未载入');
    expect(cal.coverageWarning('2026-12-30')).toBeUndefined();
  });

  it('are filled by a table an administrator loads', () => {
    const load = parseHolidayTable({
      year: 2030,
      source: '国办发明电〔2029〕示例',
      daysOff: { '2030-10-01': '国庆节', '2030-10-02': '国庆节' },
      workdays: { '2030-09-29': '国庆节' },
    });
    expect(load.ok).toBe(true);
    if (!load.ok) return;
    const extended = holidayCalendar([load.table]);
    expect(extended.dayInfo('2030-10-01')).toMatchObject({ kind: 'HOLIDAY', name: '国庆节', covered: true });
    expect(extended.isWorkday('2030-09-29')).toBe(true);
    expect(extended.coverageWarning('2030-10-01')).toBeUndefined();
    expect(holidayCalendar().coverageWarning('2030-10-01')).toBeDefined();
  });

  it('refuse a bad table, naming the key', () => {
    const load = parseHolidayTable({
      year: 2030,
      daysOff: { '2031-01-01': '元旦', '2030-02-30': '春节' },
      workdays: {},
    });
    expect(load.ok).toBe(false);
    if (load.ok) return;
    expect(load.problems.join('\n')).toContain('daysOff.2031-01-01');
    expect(load.problems.join('\n')).toContain('不是真实日期');
  });

  it('lets a loaded table replace a built-in year', () => {
    const custom = createHolidayCalendar([...builtinHolidayTables(), { year: 2026, daysOff: {}, workdays: {} }]);
    expect(custom.isWorkday('2026-10-01')).toBe(true);
  });
});

describe('date helpers', () => {
  it('clamp month arithmetic to the month end and give today in Shanghai', () => {
    expect(addMonths('2024-08-31', 6)).toBe('2025-02-28');
    expect(addMonths('2026-06-10', 2)).toBe('2026-08-10');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    // A date that is no date (fuzzed input) ends instead of looping for ever; the caller's checks refuse it.
    expect(addMonths('abcd-01-31', 1)).toMatch(/-28$/);
    expect(todayInShanghai(Date.parse('2026-06-14T16:30:00Z'))).toBe('2026-06-15');
  });
});
