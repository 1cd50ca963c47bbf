// Migration 0017: partial indexes for the hall risk detectors' scans (main/services/risk, 读取时全厅扫描), each
// holding only the few rows a scan needs, so a scan reads an index instead of every stage event or every audit
// entry (whose recorded row states are large): who accepted each application (RISK-ACC-01/05, RISK-TIME-05),
// returns to 业务受理 and suspensions (RISK-ACC-05, RISK-TIME-05), and the audit entries of application corrections
// (RISK-ACC-05). Indexes only, so HQ readers are unaffected.
export default /* sql */ `
CREATE INDEX IF NOT EXISTS stage_events_creator ON stage_events (application_id, user_id) WHERE action = 'create';
CREATE INDEX IF NOT EXISTS stage_events_return ON stage_events (application_id) WHERE action = 'return';
CREATE INDEX IF NOT EXISTS stage_events_suspend ON stage_events (application_id, reason_code) WHERE action = 'suspend';
CREATE INDEX IF NOT EXISTS audit_log_application_update ON audit_log (entity_id)
  WHERE entity = 'application' AND action = 'application.update';
`;
