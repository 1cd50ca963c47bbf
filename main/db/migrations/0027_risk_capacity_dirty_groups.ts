// Migration 0027: RISK-ACC-04 (申请容量异常) judges again only the class-and-industry groups whose capacities
// changed since the last hall scan. A group's median and MAD, and so its outliers, change only when an application
// enters or leaves it (risk_application_facts rows with a capacity, migration 0019); these triggers note the group
// in risk_dirty_groups (migration 0023) under the key the scan groups by. The flags of unchanged groups stand.
/** A capacity group's key, as RISK-ACC-04 groups risk_capacity_counts and risk_application_facts rows. */
export const CAPACITY_GROUP_KEY = (row: string) => `${row}.customer_class || '|' || coalesce(${row}.industry, '—')`;

export default /* sql */ `
-- Changes made before this migration were not noted: the first scan after it judges every group.
INSERT OR IGNORE INTO risk_dirty_groups
  SELECT DISTINCT 'RISK-ACC-04', ${CAPACITY_GROUP_KEY('risk_capacity_counts')} FROM risk_capacity_counts;
CREATE TRIGGER IF NOT EXISTS risk_capacity_dirty_insert AFTER INSERT ON risk_application_facts
  WHEN NEW.kva IS NOT NULL BEGIN
  INSERT OR IGNORE INTO risk_dirty_groups VALUES ('RISK-ACC-04', ${CAPACITY_GROUP_KEY('NEW')});
END;
CREATE TRIGGER IF NOT EXISTS risk_capacity_dirty_delete AFTER DELETE ON risk_application_facts
  WHEN OLD.kva IS NOT NULL BEGIN
  INSERT OR IGNORE INTO risk_dirty_groups VALUES ('RISK-ACC-04', ${CAPACITY_GROUP_KEY('OLD')});
END;
`;
