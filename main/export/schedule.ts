/** When the export schedule's daily run is due (pure, given the clock), shared by the scheduler and 导出状态. */
import type { ExportSchedule } from '../../shared/api/export';
import type { Db } from '../db/connection';
import { lastExportBatch } from '../db/repositories/exportRepo';
import { shanghaiDate } from '../services/clock';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The instant of HH:MM Asia/Shanghai on the Shanghai date `date`. */
function shanghaiInstant(date: string, at: string): Date {
  return new Date(new Date(`${date}T${at}:00.000Z`).getTime() - SHANGHAI_OFFSET_MS);
}

/**
 * When the daily run is (or was) due: today's HH:MM, unless a run happened at or after it, then tomorrow's.
 * A time in the past means "due now".
 */
export function nextDailyRun(at: string, lastRun: Date | null, now: Date): Date {
  const today = shanghaiDate(now);
  const slot = shanghaiInstant(today, at);
  // China keeps no daylight saving time: the next day's HH:MM is exactly 24 hours later.
  return lastRun && lastRun >= slot ? new Date(slot.getTime() + 86_400_000) : slot;
}

/** The next scheduled run to show on 数据导出; null when off or at sign-out. */
export function nextRunOf(schedule: ExportSchedule, lastRun: Date | null, now: Date): Date | null {
  if (schedule.kind !== 'daily') return null;
  const next = nextDailyRun(schedule.at, lastRun, now);
  return next < now ? now : next;
}

/** The last export, by hand or scheduled, as the ledger records it. */
export function lastExportAt(db: Db): Date | null {
  const last = lastExportBatch(db);
  return last ? new Date(last.created_at) : null;
}
