// Migration 0037: one customer's 客户画像 reads only the applications of the groups that can suggest something to
// it (main/services/portrait/suggestionsInForce.ts), not every application of the hall (126-166 s per portrait
// at 1,000,000): the customers with the same legal representative and the same industry are found through these
// two indexes on the record fields (the address groups use applications_address).
export default /* sql */ `
CREATE INDEX IF NOT EXISTS applications_legal_rep ON applications (json_extract(record_json, '$.customer.legalRep.idNumber'));
CREATE INDEX IF NOT EXISTS applications_industry ON applications (json_extract(record_json, '$.industryCode'));
`;
