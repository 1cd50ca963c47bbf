// Migration 0033: a clerk group's flag (RISK-ACC-01, RISK-ACC-05, RISK-TIME-05) names the clerk as the users table
// does. A user row created, renamed or deleted notes the clerk's groups in risk_dirty_groups (migration 0023), so the
// next hall scan judges them again (main/services/risk/groupScan.ts) instead of every scan reading the stored
// evidence of every flagged clerk group to compare names (31-37 ms per RISK-ACC-05 scan at 1,000,000 applications,
// where a clerk's evidence lists thousands of applications).

/** A trigger noting, after each `event` on users, the groups of the clerk `row` (NEW or OLD) names. */
const noteClerkGroups = (name: string, event: string, row: 'NEW' | 'OLD', when = '') => /* sql */ `
CREATE TRIGGER IF NOT EXISTS ${name} AFTER ${event} ON users ${when} BEGIN
  INSERT OR IGNORE INTO risk_dirty_groups VALUES
    ('RISK-ACC-05', 'clerk:' || ${row}.id), ('RISK-TIME-05', 'clerk:' || ${row}.id);
  INSERT OR IGNORE INTO risk_dirty_groups
    SELECT 'RISK-ACC-01', 'clerk:' || user_id || ':' || rule_id FROM risk_clerk_rule_counts WHERE user_id = ${row}.id;
END;`;

export default [
  noteClerkGroups('risk_clerk_named', 'INSERT', 'NEW'),
  noteClerkGroups('risk_clerk_renamed', 'UPDATE OF name', 'NEW', 'WHEN NEW.name IS NOT OLD.name'),
  noteClerkGroups('risk_clerk_unnamed', 'DELETE', 'OLD'),
].join('\n');
