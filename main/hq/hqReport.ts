/**
 * `yekuo hq report`: per hall, the applications by business type, stage and deadline state; the 获得电力
 * indicator (median and p90 working days from 受理 to 装电, per time-limit class, beside the State Grid
 * promise of REFERENCE.md §3.5/§3.6); and freshness — the last batch, silent halls, gaps.
 */
import { holidayCalendar } from '../../shared/calendar/holidayCalendar';
import { DEFAULT_TIME_LIMITS } from '../../shared/workflow/timeLimits';
import { shanghaiDate } from '../services/clock';
import type { HqStore } from './hqStore';

export interface GettingElectricity {
  timeLimitClass: string;
  promiseWorkdays: number;
  connected: number;
  medianWorkdays: number | null;
  p90Workdays: number | null;
  overPromise: number;
}

export interface HallReport {
  hallCode: string;
  lastBatch: number | null;
  lastBatchCreatedAt: string | null;
  lastImportedAt: string | null;
  silent: boolean;
  gaps: number[];
  applications: number;
  byBusinessType: Record<string, number>;
  byStage: Record<string, number>;
  byStatus: Record<string, number>;
  byDeadlineState: Record<string, number>;
  gettingElectricity: GettingElectricity[];
}

export interface HqReport {
  today: string;
  silentAfterDays: number;
  halls: HallReport[];
}

const DEADLINE_STATE = `CASE WHEN due_date IS NULL THEN 'NONE' WHEN due_date < ? THEN 'OVERDUE'
  WHEN warn_date <= ? THEN 'DUE_SOON' ELSE 'NORMAL' END`;

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function hqReport(store: HqStore, now: Date, silentAfterDays = 2): Promise<HqReport> {
  const today = shanghaiDate(now);
  const halls = new Map<string, HallReport>();
  const hall = (code: string): HallReport => {
    let report = halls.get(code);
    if (!report) {
      report = {
        hallCode: code,
        lastBatch: null,
        lastBatchCreatedAt: null,
        lastImportedAt: null,
        silent: true,
        gaps: [],
        applications: 0,
        byBusinessType: {},
        byStage: {},
        byStatus: {},
        byDeadlineState: {},
        gettingElectricity: [],
      };
      halls.set(code, report);
    }
    return report;
  };
  for (const { hallCode } of await store.halls()) hall(hallCode);

  const last = await store.query<{ hall_code: string; batch_no: number; created_at: string; imported_at: string }>(
    `SELECT b.hall_code, b.batch_no, b.created_at, b.imported_at FROM hq_batches b
     WHERE b.batch_no = (SELECT max(batch_no) FROM hq_batches m WHERE m.hall_code = b.hall_code)`,
  );
  const silentBefore = new Date(now.getTime() - silentAfterDays * 86_400_000).toISOString();
  for (const row of last) {
    const report = hall(row.hall_code);
    report.lastBatch = Number(row.batch_no);
    report.lastBatchCreatedAt = row.created_at;
    report.lastImportedAt = row.imported_at;
    report.silent = row.created_at < silentBefore;
  }
  for (const row of await store.query<{ hall_code: string; batch_no: number }>(
    'SELECT hall_code, batch_no FROM hq_gaps ORDER BY hall_code, batch_no',
  )) {
    hall(row.hall_code).gaps.push(Number(row.batch_no));
  }

  const counts = async (expression: string, into: (r: HallReport) => Record<string, number>, params: string[] = []) => {
    for (const row of await store.query<{ hall_code: string; k: string; n: number }>(
      `SELECT hall_code, ${expression} AS k, count(*) AS n FROM hq_applications GROUP BY 1, 2 ORDER BY 1, 2`,
      params,
    )) {
      into(hall(row.hall_code))[row.k] = Number(row.n);
    }
  };
  await counts('business_type', (r) => r.byBusinessType);
  await counts('stage', (r) => r.byStage);
  await counts('status', (r) => r.byStatus);
  await counts(DEADLINE_STATE, (r) => r.byDeadlineState, [today, today]);
  for (const report of halls.values()) {
    report.applications = Object.values(report.byStatus).reduce((a, b) => a + b, 0);
  }

  await gettingElectricity(store, (code) => hall(code));
  return { today, silentAfterDays, halls: [...halls.values()].sort((a, b) => a.hallCode.localeCompare(b.hallCode)) };
}

/** 受理 (accept_date) → 装电 (the move out of 装表接电), in working days, less the customer-caused pauses. */
async function gettingElectricity(store: HqStore, hall: (code: string) => HallReport): Promise<void> {
  const calendar = holidayCalendar();
  const rows = await store.query<{
    hall_code: string;
    time_limit_class: string;
    accept_date: string;
    total_paused_wd: number;
    connected_at: string;
  }>(
    `SELECT a.hall_code, a.time_limit_class, a.accept_date, a.total_paused_wd, min(e.at) AS connected_at
     FROM hq_applications a JOIN hq_stage_events e ON e.hall_code = a.hall_code AND e.application_id = a.id
     WHERE e.from_stage = 'METER_CONNECT' AND e.to_stage = 'ARCHIVE'
     GROUP BY a.hall_code, a.id, a.time_limit_class, a.accept_date, a.total_paused_wd`,
  );
  const byHallClass = new Map<string, number[]>();
  for (const row of rows) {
    const connected = shanghaiDate(new Date(row.connected_at));
    const days = Math.max(0, calendar.workdaysBetween(row.accept_date, connected) - Number(row.total_paused_wd));
    const key = `${row.hall_code}\u0000${row.time_limit_class}`;
    byHallClass.set(key, [...(byHallClass.get(key) ?? []), days]);
  }
  for (const [key, values] of [...byHallClass].sort(([a], [b]) => a.localeCompare(b))) {
    const [code, cls] = key.split('\u0000') as [string, keyof typeof DEFAULT_TIME_LIMITS.total];
    const sorted = values.sort((a, b) => a - b);
    const promise = DEFAULT_TIME_LIMITS.total[cls] ?? 0;
    hall(code).gettingElectricity.push({
      timeLimitClass: cls,
      promiseWorkdays: promise,
      connected: sorted.length,
      medianWorkdays: percentile(sorted, 50),
      p90Workdays: percentile(sorted, 90),
      overPromise: sorted.filter((d) => d > promise).length,
    });
  }
}
