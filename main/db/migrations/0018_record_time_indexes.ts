// Migration 0018: the latest record times (RISK-INT-04, records stamped later than now) read from two indexes
// instead of every application row (whose record JSON is large) and every stage event. Indexes only, so HQ
// readers are unaffected.
export default /* sql */ `
CREATE INDEX IF NOT EXISTS applications_updated_at ON applications (updated_at);
CREATE INDEX IF NOT EXISTS stage_events_at ON stage_events (at);
`;
