// Migration 0024: the applications written since the last hall risk scan, noted by triggers in
// risk_dirty_groups (migration 0023) under the key 'applications'. The date-driven scans over applications
// (RISK-TIME-01/02/03: 超期, 临期, 环节停滞) judge only these on a scan later the same day; a new day, a full
// recompute or a configuration change judges every application (main/services/risk/groupScan.ts).

/** A trigger noting, after each `event` on `table`, the application `id` (a NEW column) as changed. */
export const noteChangedApplication = (name: string, event: string, table: string, id: string) => /* sql */ `
CREATE TRIGGER IF NOT EXISTS ${name} AFTER ${event} ON ${table} BEGIN
  INSERT OR IGNORE INTO risk_dirty_groups VALUES ('applications', 'app:' || NEW.${id});
END;`;

export default `${noteChangedApplication('risk_changed_application_insert', 'INSERT', 'applications', 'id')}
${noteChangedApplication('risk_changed_application_update', 'UPDATE', 'applications', 'id')}
`;
