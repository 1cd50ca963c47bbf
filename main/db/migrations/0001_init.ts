// Migration 0001. Released migrations are never edited: add a new numbered file instead.
export default /* sql */ `
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
`;
