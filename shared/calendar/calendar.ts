/**
 * The working-day seam. Deadlines are counted in Chinese working days (REFERENCE.md §3.6); everything that
 * counts days goes through a WorkdayCalendar so the holiday-aware calendar can replace the weekend-only one.
 * Dates are ISO `YYYY-MM-DD` strings in Asia/Shanghai.
 */
export interface WorkdayCalendar {
  isWorkday(date: string): boolean;
  /** The N-th working day after `date` (`date` itself not counted). */
  addWorkdays(date: string, n: number): string;
  /** Working days in (from, to]: 0 when `to` ≤ `from`. */
  workdaysBetween(from: string, to: string): number;
}

const DAY_MS = 86_400_000;

export function parseIsoDate(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

export function formatIsoDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

export function addDays(date: string, n: number): string {
  return formatIsoDate(parseIsoDate(date) + n * DAY_MS);
}

/** Builds addWorkdays / workdaysBetween from an isWorkday predicate. */
export function calendarFrom(isWorkday: (date: string) => boolean): WorkdayCalendar {
  return {
    isWorkday,
    addWorkdays(date, n) {
      let current = date;
      let left = n;
      while (left > 0) {
        current = addDays(current, 1);
        if (isWorkday(current)) left--;
      }
      return current;
    },
    workdaysBetween(from, to) {
      let count = 0;
      for (let current = addDays(from, 1); current <= to; current = addDays(current, 1)) {
        if (isWorkday(current)) count++;
      }
      return count;
    },
  };
}

/** Monday to Friday, no holidays: the fallback outside the years whose holiday notices are loaded. */
export const weekendOnlyCalendar: WorkdayCalendar = calendarFrom((date) => {
  const day = new Date(parseIsoDate(date)).getUTCDay();
  return day !== 0 && day !== 6;
});
