// Migration 0014: the outcomes of 客户画像 suggestions and leads (issue 15, paper §3.3). The suggestions themselves
// are derived from the applications on every read (shared/stats/suggestions.ts); what is stored is what happened
// when staff followed one up (已推荐 / 客户有意向 / 不适用 with a reason), with the suggestion as it was shown,
// so the acceptance rate per kind can be judged. Written only through mutate(): audited, with change_seq.
export default /* sql */ `
CREATE TABLE IF NOT EXISTS suggestion_outcomes (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  subject_key TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'contacted', 'accepted', 'declined')),
  reason TEXT,
  suggestion_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  change_seq INTEGER NOT NULL,
  UNIQUE (kind, subject_key)
) STRICT;
`;
