// Migration 0035: a company's works (RISK-PRC-01 工程单位集中, whose flag names 33,173 applications at 1,000,000 and
// is read again on every new day as its period moves) are read from the name index with their application ids,
// without a lookup of each row. (As first landed it also tried to create an index named applications_id_number,
// a name the 身份证号 index already has, so that line did nothing; migration 0036 adds it under another name.)
export default /* sql */ `
DROP INDEX IF EXISTS risk_works_parties_name;
CREATE INDEX IF NOT EXISTS risk_works_parties_name_application
  ON risk_works_parties (role, name, application_date, application_id);
`;
