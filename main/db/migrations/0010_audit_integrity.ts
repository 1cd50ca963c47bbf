// Migration 0010: tamper evidence for the audit trail (issue 10). Additive only.
// - audit_log.state_json: the state each entry left behind, {"table:key": sha256 of the row's canonical JSON, or
//   null when the row was deleted}. NULL for entries written before this migration; the chain hash covers it only
//   when present, so older entries keep their hashes.
// - audit_anchors: chain heads signed with the hall's Ed25519 key (at init, every backup, every export), so a
//   deleted tail or a chain rewritten with recomputed hashes no longer reaches a signed head.
// - audit_coverage: the hall-wide change_seq when state recording began. A row with no recorded state whose
//   change_seq is at or below it predates the feature ("not yet covered"); above it, no entry wrote it.
export default /* sql */ `
ALTER TABLE audit_log ADD COLUMN state_json TEXT;

CREATE TABLE audit_anchors (
  id INTEGER PRIMARY KEY,
  entry_id INTEGER NOT NULL,
  entry_hash TEXT NOT NULL,
  reason TEXT NOT NULL,
  at TEXT NOT NULL,
  hall_code TEXT NOT NULL,
  key_fingerprint TEXT NOT NULL,
  signature TEXT NOT NULL
) STRICT;
CREATE TRIGGER audit_anchors_no_update BEFORE UPDATE ON audit_anchors
BEGIN
  SELECT RAISE(ABORT, 'audit_anchors is append-only: UPDATE refused');
END;
CREATE TRIGGER audit_anchors_no_delete BEFORE DELETE ON audit_anchors
BEGIN
  SELECT RAISE(ABORT, 'audit_anchors is append-only: DELETE refused');
END;

CREATE TABLE audit_coverage (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  since_change_seq INTEGER NOT NULL
) STRICT;
INSERT INTO audit_coverage (id, since_change_seq) SELECT 1, seq FROM change_counter;
CREATE TRIGGER audit_coverage_no_update BEFORE UPDATE ON audit_coverage
BEGIN
  SELECT RAISE(ABORT, 'audit_coverage is fixed: UPDATE refused');
END;
CREATE TRIGGER audit_coverage_no_delete BEFORE DELETE ON audit_coverage
BEGIN
  SELECT RAISE(ABORT, 'audit_coverage is fixed: DELETE refused');
END;
`;
