// Migration 0035: covering indexes for the reads behind a flag's evidence that names tens of thousands of
// applications (RISK-PRC-01's company at 1,000,000 applications: 33,173 of them, read again on every new day as its
// period moves). Looking up each application's number in the table read its whole row (1 s for 33,173 on this
// encrypted file); the (id, number) index holds both (55-83 ms). A company's works are read from the name index
// with their application ids, without a lookup of each row.
export default /* sql */ `
CREATE INDEX IF NOT EXISTS applications_id_number ON applications (id, number);
DROP INDEX IF EXISTS risk_works_parties_name;
CREATE INDEX IF NOT EXISTS risk_works_parties_name_application
  ON risk_works_parties (role, name, application_date, application_id);
`;
