/**
 * The holiday-aware working-day calendar (REFERENCE.md §3.6 rule 1): Monday–Friday, minus the days off of the
 * loaded holiday tables, plus their make-up working days (调休上班). A date in a year without a loaded table
 * counts weekends only, and `coverageWarning` says so: callers must show it, never drop it.
 */
import { calendarFrom, parseIsoDate, type WorkdayCalendar } from './calendar';
import { builtinHolidayTables } from './builtinHolidays';
import type { HolidayTable } from './holidayTable';

export type DayKind = 'WORKDAY' | 'WEEKEND' | 'HOLIDAY' | 'MAKEUP_WORKDAY';

export interface DayInfo {
  date: string;
  workday: boolean;
  kind: DayKind;
  /** Holiday name for days off of a holiday block and for make-up working days. */
  name?: string;
  /** False when the date's year has no loaded table: then only weekends count as days off. */
  covered: boolean;
}

export interface HolidayCalendar extends WorkdayCalendar {
  dayInfo(date: string): DayInfo;
  coveredYears(): readonly number[];
  /** Chinese warning naming the years among `dates` that have no holiday table, or undefined. */
  coverageWarning(...dates: string[]): string | undefined;
}

interface Special {
  off: boolean;
  name: string;
}

/** Later tables win: an administrator's file for a year replaces the built-in one. */
export function createHolidayCalendar(tables: readonly HolidayTable[]): HolidayCalendar {
  const byYear = new Map<number, HolidayTable>();
  for (const table of tables) byYear.set(table.year, table);
  const special = new Map<string, Special>();
  for (const table of byYear.values()) {
    for (const [date, name] of Object.entries(table.daysOff)) special.set(date, { off: true, name });
    for (const [date, name] of Object.entries(table.workdays)) special.set(date, { off: false, name });
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);

  const dayInfo = (date: string): DayInfo => {
    const covered = byYear.has(Number(date.slice(0, 4)));
    const marked = covered ? special.get(date) : undefined;
    if (marked) {
      return marked.off
        ? { date, workday: false, kind: 'HOLIDAY', name: marked.name, covered }
        : { date, workday: true, kind: 'MAKEUP_WORKDAY', name: marked.name, covered };
    }
    const weekday = new Date(parseIsoDate(date)).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    return { date, workday: !weekend, kind: weekend ? 'WEEKEND' : 'WORKDAY', covered };
  };

  const isWorkday = (date: string): boolean => {
    const marked = special.get(date);
    if (marked) return !marked.off;
    const weekday = new Date(parseIsoDate(date)).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  };

  const counting = calendarFrom(isWorkday);
  // Deadlines ask the same few questions over and over (acceptance day + limit); answers are cached.
  const added = new Map<string, string>();
  const addWorkdays = (date: string, n: number): string => {
    const key = `${date}|${n}`;
    let result = added.get(key);
    if (result === undefined) {
      if (added.size >= 4096) added.clear();
      result = counting.addWorkdays(date, n);
      added.set(key, result);
    }
    return result;
  };

  return {
    ...counting,
    addWorkdays,
    dayInfo,
    coveredYears: () => years,
    coverageWarning(...dates) {
      const missing = [...new Set(dates.map((d) => Number(d.slice(0, 4))))]
        .filter((y) => Number.isInteger(y) && !byYear.has(y))
        .sort((a, b) => a - b);
      if (missing.length === 0) return undefined;
      return `${missing.join('、')} 年的节假日安排尚未载入，这些日期只按周末计算工作日，结果可能不准；请管理员载入该年的节假日表。`;
    },
  };
}

let builtin: HolidayCalendar | undefined;

/** Built-in years (from chinese-days) plus any tables an administrator loaded. */
export function holidayCalendar(extra: readonly HolidayTable[] = []): HolidayCalendar {
  if (extra.length > 0) return createHolidayCalendar([...builtinHolidayTables(), ...extra]);
  builtin ??= createHolidayCalendar(builtinHolidayTables());
  return builtin;
}
