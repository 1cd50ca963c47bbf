// Migration 0021: applications per month and business type (预测, main/db/repositories/statsRepo.ts monthlyCounts)
// read from an index holding only the application date and type, instead of every application row (whose record
// JSON is large): on a copied hall of 1,000,000 applications the forecast's read took 60–74 s. Index only, so HQ
// readers are unaffected.
export default /* sql */ `
CREATE INDEX IF NOT EXISTS applications_date_type ON applications (application_date, business_type);
`;
