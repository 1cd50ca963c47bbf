// Migration 0004: a side index for digit strings (issue 3, rare phone/ID fragments). A query of 7+ digits (an
// ID number may end in X) is five or more trigrams that each occur in tens of thousands of rows, and FTS5 has to
// intersect all their position lists. Here every suffix (7+ characters) of every run of digits/X in the five
// searchable fields is a key, so such a query is one range scan: a field contains q exactly when some suffix of
// one of its runs starts with q. Additive only; the backfill derives the same suffixes as digitSuffixes() in
// searchRepo.ts for the applications already stored.
export default /* sql */ `
CREATE TABLE digit_suffixes (
  suffix TEXT NOT NULL,
  application_id INTEGER NOT NULL,
  PRIMARY KEY (suffix, application_id)
) WITHOUT ROWID, STRICT;

-- For each start position i: the leading run of [0-9Xx] of substr(v, i); kept when 7+ characters long.
INSERT OR IGNORE INTO digit_suffixes (suffix, application_id)
WITH RECURSIVE
  n(i) AS (
    SELECT 1
    UNION ALL
    SELECT i + 1 FROM n
    WHERE i < (SELECT coalesce(max(max(length(number), length(customer_name), length(id_number), length(phone),
      length(address))), 0) FROM applications)
  ),
  v(id, value) AS (
    SELECT id, number FROM applications
    UNION ALL SELECT id, customer_name FROM applications
    UNION ALL SELECT id, id_number FROM applications
    UNION ALL SELECT id, phone FROM applications
    UNION ALL SELECT id, address FROM applications
  ),
  s(id, tail) AS (
    SELECT v.id, substr(v.value, n.i) FROM v JOIN n ON n.i <= length(v.value) - 6
  )
SELECT upper(substr(tail, 1, length(tail) - length(ltrim(tail, '0123456789Xx')))) AS suffix, id
FROM s
WHERE length(tail) - length(ltrim(tail, '0123456789Xx')) >= 7;
`;
