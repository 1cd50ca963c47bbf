/**
 * Which automatic copies to keep: the newest copy of each of the last 7 days that have one, and the newest of
 * each of the last 4 weeks (Monday to Sunday) that have one, by the Asia/Shanghai calendar. Everything else of
 * the rotated kinds goes.
 */
import { shanghaiDate } from '../clock';

export interface DatedCopy {
  file: string;
  createdAt: string;
}

export const KEEP_DAILY = 7;
export const KEEP_WEEKLY = 4;

export function copiesToDelete(copies: readonly DatedCopy[]): string[] {
  const newestFirst = [...copies].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const days = new Set<string>();
  const weeks = new Set<string>();
  const keep = new Set<string>();
  for (const copy of newestFirst) {
    const day = shanghaiDate(new Date(copy.createdAt));
    const week = mondayOf(day);
    if (!days.has(day) && days.size < KEEP_DAILY) {
      days.add(day);
      keep.add(copy.file);
    }
    if (!weeks.has(week) && weeks.size < KEEP_WEEKLY) {
      weeks.add(week);
      keep.add(copy.file);
    }
  }
  return newestFirst.filter((c) => !keep.has(c.file)).map((c) => c.file);
}

function mondayOf(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return new Date(date.getTime() - sinceMonday * 86_400_000).toISOString().slice(0, 10);
}
