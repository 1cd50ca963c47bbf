// Migration 0036: application numbers by id from a covering index (id, number), for the flags whose evidence names
// tens of thousands of applications (RISK-PRC-01's company at 1,000,000: 35,958). Looking each number up in the
// table read its whole row (about 1 s for them on the encrypted file); the index holds both (250-300 ms cold).
// main/services/risk/queries.ts numbersById reads it by name.
export default /* sql */ `
CREATE INDEX IF NOT EXISTS applications_number_by_id ON applications (id, number);
`;
