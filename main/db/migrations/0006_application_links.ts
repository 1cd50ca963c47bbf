// Migration 0006: links between applications (issue 3). 迁址 (RELOC) is two jobs under one request: the new site
// is connected and the old site is closed (REFERENCE.md §3.2, SRC-GDYY1996 art 26). The hall accepts both at once;
// this table says which 销户 (CLOSE) closes the old site of which 迁址. Additive only: a new table, no change to
// any existing one.
export default /* sql */ `
CREATE TABLE application_links (
  application_id INTEGER NOT NULL REFERENCES applications (id),
  linked_id INTEGER NOT NULL REFERENCES applications (id),
  -- RELOC_OLD_SITE: application_id is the 迁址, linked_id the 销户 of its old site.
  kind TEXT NOT NULL CHECK (kind IN ('RELOC_OLD_SITE')),
  created_at TEXT NOT NULL,
  change_seq INTEGER NOT NULL,
  PRIMARY KEY (application_id, linked_id)
) WITHOUT ROWID, STRICT;
CREATE UNIQUE INDEX application_links_linked ON application_links (linked_id, application_id);
`;
