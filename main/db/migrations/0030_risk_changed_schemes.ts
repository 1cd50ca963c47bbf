// Migration 0030: a written scheme version notes its application among those changed since the last hall risk
// scan (risk_dirty_groups under 'applications', as migration 0024 does for application rows). RISK-SCH-05
// (供电方案即将到期) then judges, on a later scan the same day, only the applications written since: an approval or
// an extension changes the scheme's validity without necessarily writing the application row. RISK-INT-04
// (记录时间晚于当前时间) likewise re-reads only those applications' stored flags.
import { noteChangedApplication } from './0024_risk_changed_applications';

export default /* sql */ `
${noteChangedApplication('risk_changed_scheme_insert', 'INSERT', 'supply_scheme_versions', 'application_id')}
${noteChangedApplication('risk_changed_scheme_update', 'UPDATE', 'supply_scheme_versions', 'application_id')}
-- Scheme writes before this migration were not noted: the next scan judges every application, as on a new day.
UPDATE risk_state SET scanned_day = NULL WHERE id = 1;
`;
