// Migration 0012: stored risk flags (issue 15, main/services/risk). Derived data, recomputed from the records:
// no change_seq, not exported, not audited itself (closing a flag is, through mutate). A flag is one
// (detector, subject); its evidence hash tells a closed flag to reopen when the evidence changes. Additive only.
// The two indexes serve the same-address and same-ID detectors' incremental lookups.
export default /* sql */ `
CREATE TABLE IF NOT EXISTS risk_flags (
  id INTEGER PRIMARY KEY,
  detector_id TEXT NOT NULL,
  subject_key TEXT NOT NULL,
  severity TEXT NOT NULL,
  evidence_json TEXT NOT NULL,
  evidence_hash TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  closed_by TEXT,
  close_reason TEXT,
  closed_at TEXT,
  first_seen_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (detector_id, subject_key)
) STRICT;
CREATE INDEX IF NOT EXISTS risk_flags_status ON risk_flags (status, detector_id);

CREATE TABLE IF NOT EXISTS risk_flag_applications (
  flag_id INTEGER NOT NULL REFERENCES risk_flags (id) ON DELETE CASCADE,
  application_id INTEGER NOT NULL,
  PRIMARY KEY (flag_id, application_id)
) WITHOUT ROWID, STRICT;
CREATE INDEX IF NOT EXISTS risk_flag_applications_application ON risk_flag_applications (application_id, flag_id);

-- When all flags were last recomputed from scratch; NULL until the first full recompute (an upgraded hall).
CREATE TABLE IF NOT EXISTS risk_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  full_recompute_at TEXT
) STRICT;
INSERT OR IGNORE INTO risk_state (id, full_recompute_at) VALUES (1, NULL);

CREATE INDEX IF NOT EXISTS applications_address ON applications (address);
CREATE INDEX IF NOT EXISTS applications_id_number ON applications (id_number);
`;
