// Migration 0032: the four deadline days of in-progress applications, each indexed, so that the first hall risk
// scan of a day judges 超期 and 临期 (RISK-TIME-01/02) only for the applications whose state may have changed with
// the date — a deadline day between the last scan's day and today — and those written since, instead of every
// in-progress application (main/services/risk/timeDetectors.ts). An index only.

/** The deadline columns whose days decide 超期 and 临期 (shared/workflow/clock.ts deadlineStates). */
export const DEADLINE_COLUMNS = ['stage_warn', 'stage_due', 'total_warn', 'total_due'] as const;

export default DEADLINE_COLUMNS.map(
  (column) =>
    `CREATE INDEX IF NOT EXISTS applications_active_${column} ON applications (${column}) WHERE status = 'ACTIVE';`,
).join('\n');
