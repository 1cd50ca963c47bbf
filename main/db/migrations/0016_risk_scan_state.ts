// Migration 0016: when the hall detectors (main/services/risk, 读取时全厅扫描) were last scanned, kept in the
// store rather than in one process's memory, so a new process (each `yekuo risk list`) does not rescan an
// unchanged hall, and the daily audit-chain scan (RISK-INT-05) runs once a day per hall. Derived state, not
// exported. Additive only.
export default /* sql */ `
ALTER TABLE risk_state ADD COLUMN scanned_seq INTEGER;
ALTER TABLE risk_state ADD COLUMN scanned_day TEXT;
ALTER TABLE risk_state ADD COLUMN daily_scanned_day TEXT;
`;
