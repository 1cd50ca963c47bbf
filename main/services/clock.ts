import type { WorkdayCalendar } from '../../shared/calendar/calendar';
import { holidayCalendar } from '../../shared/calendar/holidayCalendar';
import type { TimeLimits } from '../../shared/workflow/timeLimits';
import type { HandlerContext } from '../ipc/context';
import { configurationInForce } from './settings/inForce';

/**
 * Remembers answers of a calendar. Deadlines are recomputed on every move from a handful of distinct dates,
 * and a day-by-day walk costs far more than a map lookup (bulk creation spent most of its time there).
 */
export function memoizedCalendar(calendar: WorkdayCalendar, maxEntries = 100_000): WorkdayCalendar {
  const added = new Map<string, string>();
  const between = new Map<string, number>();
  const remember = <V>(map: Map<string, V>, key: string, compute: () => V): V => {
    let value = map.get(key);
    if (value === undefined) {
      if (map.size >= maxEntries) map.clear();
      value = compute();
      map.set(key, value);
    }
    return value;
  };
  return {
    isWorkday: (date) => calendar.isWorkday(date),
    addWorkdays: (date, n) => remember(added, `${date}+${n}`, () => calendar.addWorkdays(date, n)),
    workdaysBetween: (from, to) => remember(between, `${from}~${to}`, () => calendar.workdaysBetween(from, to)),
  };
}

/**
 * The built-in holiday-aware calendar of shared/calendar (statutory holidays and make-up working days,
 * REFERENCE.md §3.6.1), remembered; in force until an administrator loads a holiday table (settings/inForce.ts).
 */
export const defaultCalendar: WorkdayCalendar = memoizedCalendar(holidayCalendar());

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The Asia/Shanghai calendar date of an instant (China has no daylight saving time). */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

export interface Clock {
  /** ISO instant (UTC) for timestamps. */
  at: string;
  /** Asia/Shanghai date for deadlines and numbers. */
  today: string;
  calendar: WorkdayCalendar;
  limits: TimeLimits;
}

/** Calendar and limits: the context's own (tests, demo), else those in force in the data folder (loaded tables, profile). */
export function clockOf(ctx: HandlerContext): Clock {
  const now = ctx.now?.() ?? new Date();
  return {
    at: now.toISOString(),
    today: shanghaiDate(now),
    calendar: ctx.calendar ?? configurationInForce(ctx.db).calendar,
    limits: ctx.timeLimits ?? configurationInForce(ctx.db).timeLimits,
  };
}
