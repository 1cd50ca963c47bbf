// Migration 0040: indexes that spare 客户画像 reading rows at 1,000,000 applications (one page of the encrypted
// file each):
// - applications_address_rules: a compound (EV_PV) or a temporary site (PERMANENT_SUPPLY) is re-derived after a
//   write at its address and when a day moves its window (main/services/portrait/suggestionStore.ts); reading
//   those applications' rows took 120-140 ms for a compound of 455 residential connections. The index holds every
//   column those rules read, for the four types they count only.
// - portrait_suggestions_page replaces 0038's list index with one that also holds the kind, so that 建议与潜在客户
//   filters by kind and joins the outcomes from the index (a kind's page read every stored row: 130 ms).

/** The types the index holds: residential new connections (EV_PV) and 临时用电 (PERMANENT_SUPPLY). */
export const ADDRESS_RULE_TYPES = "('NEW_LVR', 'NEW_BATCH', 'NEW_TEMP', 'TEMP_EXTEND')";

export default /* sql */ `
CREATE INDEX IF NOT EXISTS applications_address_rules ON applications
  (address, business_type, status, customer_class, application_date, customer_id, customer_name, number)
  WHERE business_type IN ${ADDRESS_RULE_TYPES};
DROP INDEX IF EXISTS portrait_suggestions_list;
CREATE INDEX IF NOT EXISTS portrait_suggestions_page ON portrait_suggestions (kind_rank, subject_key, kind);
`;
