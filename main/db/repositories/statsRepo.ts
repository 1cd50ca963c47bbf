import type { Db } from '../connection';
import { prepared } from '../statements';

/** The applications and stage events that process analysis reads (shared/stats), filtered by acceptance date. */
export interface HistoryRow {
  application_id: number;
  business_type: string;
  time_limit_class: string;
  action: string;
  from_stage: string | null;
  to_stage: string | null;
  reason_code: string | null;
  user_id: string;
  at: string;
}

/** Events of the applications accepted in [from, to], grouped by application in event order. */
export function historyRows(db: Db, from: string, to: string): HistoryRow[] {
  return prepared<[string, string], HistoryRow>(
    db,
    `SELECT e.application_id, a.business_type, a.time_limit_class, e.action, e.from_stage, e.to_stage,
            e.reason_code, e.user_id, e.at
       FROM applications a JOIN stage_events e ON e.application_id = a.id
      WHERE a.accept_date BETWEEN ? AND ?
      ORDER BY e.application_id, e.id`,
  ).all(from, to);
}

/** Applications per application month (YYYY-MM) and business type, from the trigger-kept tally (migration 0022). */
export function monthlyCounts(db: Db): { month: string; business_type: string; n: number }[] {
  return prepared<[], { month: string; business_type: string; n: number }>(
    db,
    `SELECT month, business_type, n FROM application_month_tally WHERE n > 0 ORDER BY month, business_type`,
  ).all();
}
