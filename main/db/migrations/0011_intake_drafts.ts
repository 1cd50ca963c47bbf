// Migration 0011: intake drafts move from drafts/<user>.json into the database (issue 10), so the personal data
// a half-typed form holds (ID number, phone, address) is encrypted with the database and kept in its backups.
// Not a business record: no change_seq, never exported, not audited. Additive only. IF NOT EXISTS: the tests of
// earlier migrations rebuild an older file from a current one and leave this table in place.
export default /* sql */ `
CREATE TABLE IF NOT EXISTS intake_drafts (
  user_id TEXT PRIMARY KEY,
  saved_at TEXT NOT NULL,
  draft_json TEXT NOT NULL
) WITHOUT ROWID, STRICT;
`;
