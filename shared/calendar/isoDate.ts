/** Calendar arithmetic on ISO `YYYY-MM-DD` strings (dates in Asia/Shanghai, which has no daylight saving). */
import { parseIsoDate } from './calendar';

/** Whether y-m-d is a real Gregorian date. */
export function isRealDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] as number;
  return d <= days;
}

/** Whether a value is an ISO date string naming a real day. */
export function isIsoDate(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    isRealDate(Number(value.slice(0, 4)), Number(value.slice(5, 7)), Number(value.slice(8, 10)))
  );
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** Today's date in Asia/Shanghai (UTC+8 all year). */
export function todayInShanghai(now: number = Date.now()): string {
  return new Date(now + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseIsoDate(to) - parseIsoDate(from)) / 86_400_000);
}

/** The same day `months` later; clamps to the month's last day (2024-08-31 + 6 months = 2025-02-28). */
export function addMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const year = y + Math.floor(m / 12);
  const month = (((m % 12) + 12) % 12) + 1;
  let day = Number(date.slice(8, 10));
  // Down to the month's last day; every month has a 28th (bounded, so a year out of range cannot loop forever).
  while (day > 28 && !isRealDate(year, month, day)) day--;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
