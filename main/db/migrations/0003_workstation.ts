// Migration 0003: the clerk's workstation (issue 6). 经办人 (assignee) per application, so that "我的" lists and
// saved filters work, and saved filters per user. Additive only, so HQ readers of 0001/0002 keep working.
export default /* sql */ `
-- The user id of the clerk in charge; NULL until a supervisor assigns one.
ALTER TABLE applications ADD COLUMN assignee TEXT;
CREATE INDEX applications_assignee ON applications (assignee, id) WHERE assignee IS NOT NULL;

-- A user's named list query (text and filters as validated JSON, shared/api/savedFilters.ts).
CREATE TABLE saved_filters (
  id INTEGER PRIMARY KEY,
  user_id TEXT NOT NULL,
  name TEXT NOT NULL,
  query_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  change_seq INTEGER NOT NULL,
  UNIQUE (user_id, name)
) STRICT;
`;
