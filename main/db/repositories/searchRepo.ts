import type { Db } from '../connection';
import { prepared } from '../statements';
import { filterSql, type ApplicationFilter, type ApplicationRow, type IdSubquery } from './applicationRepo';

export interface SearchableFields {
  number: string;
  customerName: string;
  idNumber: string;
  phone: string;
  address: string;
}

/** Every distinct 1- and 2-character substring of a name, by code point (the side index for short queries). */
export function nameGrams(name: string): string[] {
  const chars = [...name.replace(/\s+/g, '')];
  const grams = new Set<string>();
  chars.forEach((char, i) => {
    grams.add(char);
    const next = chars[i + 1];
    if (next !== undefined) grams.add(char + next);
  });
  return [...grams];
}

/** Shortest digit query answered by digit_suffixes; shorter ones stay on the trigram index. */
export const DIGIT_QUERY_MIN = 7;
/** A query the digit side index answers: digits (an ID number may end in X) only, 7 or more of them. */
export const isDigitQuery = (text: string) => /^[0-9X]+$/.test(text) && text.length >= DIGIT_QUERY_MIN;

/**
 * Every suffix of 7+ characters of every run of digits/X in the five fields, upper-cased (migration 0004 derives
 * the same set in SQL). A digit query q is a substring of a field exactly when one of these starts with q.
 */
export function digitSuffixes(fields: SearchableFields): string[] {
  const out = new Set<string>();
  for (const value of [fields.number, fields.customerName, fields.idNumber, fields.phone, fields.address]) {
    for (const [run] of value.matchAll(/[0-9Xx]{7,}/g)) {
      const upper = run.toUpperCase();
      for (let at = 0; at + DIGIT_QUERY_MIN <= upper.length; at++) out.add(upper.slice(at));
    }
  }
  return [...out];
}

export function indexApplication(db: Db, id: number, fields: SearchableFields): void {
  prepared(
    db,
    'INSERT INTO application_fts (rowid, number, customer_name, id_number, phone, address) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(id, fields.number, fields.customerName, fields.idNumber, fields.phone, fields.address);
  // One statement for all grams of the name: a call per gram cost more than the inserts themselves.
  prepared(db, 'INSERT OR IGNORE INTO name_grams (gram, application_id) SELECT value, ? FROM json_each(?)').run(
    id,
    JSON.stringify(nameGrams(fields.customerName)),
  );
  const suffixes = digitSuffixes(fields);
  if (suffixes.length > 0) {
    prepared(db, 'INSERT OR IGNORE INTO digit_suffixes (suffix, application_id) SELECT value, ? FROM json_each(?)').run(
      id,
      JSON.stringify(suffixes),
    );
  }
}

/** Removes an application's search entries; `previous` are the fields it was indexed with (its gram and digit keys). */
export function unindexApplication(db: Db, id: number, previous: SearchableFields): void {
  prepared(db, 'DELETE FROM application_fts WHERE rowid = ?').run(id);
  // By key (the grams of the previous name): `WHERE application_id = ?` alone scans the whole table, 1.5 s at
  // 1,000,000 applications.
  prepared(db, 'DELETE FROM name_grams WHERE application_id = ? AND gram IN (SELECT value FROM json_each(?))').run(
    id,
    JSON.stringify(nameGrams(previous.customerName)),
  );
  prepared(
    db,
    'DELETE FROM digit_suffixes WHERE application_id = ? AND suffix IN (SELECT value FROM json_each(?))',
  ).run(id, JSON.stringify(digitSuffixes(previous)));
}

/** FTS5 phrase syntax: the whole query as one quoted string, inner quotes doubled. */
const phrase = (text: string) => `"${text.replaceAll('"', '""')}"`;

function page(
  db: Db,
  from: string,
  idColumn: string,
  match: string,
  matchParams: unknown[],
  filter: ApplicationFilter,
  beforeId: number | null,
  limit: number,
  fromParams: unknown[] = [],
): ApplicationRow[] {
  const { where, params } = filterSql(filter);
  const conditions = [match, ...where];
  const all = [...fromParams, ...matchParams, ...params];
  if (beforeId !== null) {
    conditions.push(`${idColumn} < ?`);
    all.push(beforeId);
  }
  const sql = `SELECT a.* FROM ${from} JOIN applications a ON a.id = ${idColumn}
    WHERE ${conditions.join(' AND ')} ORDER BY ${idColumn} DESC LIMIT ?`;
  return prepared<unknown[], ApplicationRow>(db, sql).all(...all, limit);
}

/** Substring search of 3+ characters over number, name, ID number, phone and address (trigram FTS5). */
export function searchTrigram(
  db: Db,
  text: string,
  filter: ApplicationFilter,
  beforeId: number | null,
  limit: number,
): ApplicationRow[] {
  return page(db, 'application_fts f', 'f.rowid', 'application_fts MATCH ?', [phrase(text)], filter, beforeId, limit);
}

/**
 * Digit queries of 7+ characters (isDigitQuery): the same rows as searchTrigram, from one range scan of
 * digit_suffixes (keys starting with q lie in [q, q + '~') since keys hold only digits and X).
 */
export function searchDigits(
  db: Db,
  text: string,
  filter: ApplicationFilter,
  beforeId: number | null,
  limit: number,
): ApplicationRow[] {
  return page(
    db,
    // CROSS JOIN keeps the (few) matching ids as the outer loop rather than a scan of applications by id.
    '(SELECT DISTINCT application_id AS id FROM digit_suffixes WHERE suffix >= ? AND suffix < ?) d CROSS',
    'd.id',
    '1',
    [],
    filter,
    beforeId,
    limit,
    [text, `${text}~`],
  );
}

/** Names containing a 1- or 2-character string (the name_grams side index). */
export function searchShortName(
  db: Db,
  text: string,
  filter: ApplicationFilter,
  beforeId: number | null,
  limit: number,
): ApplicationRow[] {
  return page(db, 'name_grams g', 'g.application_id', 'g.gram = ?', [text], filter, beforeId, limit);
}

/** The ids searchTrigram, searchDigits and searchShortName match, as a subquery (for pages in due order). */
export const trigramIds = (text: string): IdSubquery => ({
  sql: 'SELECT rowid FROM application_fts WHERE application_fts MATCH ?',
  params: [phrase(text)],
});
export const digitIds = (text: string): IdSubquery => ({
  sql: 'SELECT application_id FROM digit_suffixes WHERE suffix >= ? AND suffix < ?',
  params: [text, `${text}~`],
});
export const shortNameIds = (text: string): IdSubquery => ({
  sql: 'SELECT application_id FROM name_grams WHERE gram = ?',
  params: [text],
});

/** The naive way, kept for the benchmark baseline only: LIKE '%…%' over the same five columns. */
export function searchLike(db: Db, text: string, limit: number): ApplicationRow[] {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return prepared<unknown[], ApplicationRow>(
    db,
    `SELECT * FROM applications WHERE customer_name LIKE @p ESCAPE '\\' OR number LIKE @p ESCAPE '\\'
       OR id_number LIKE @p ESCAPE '\\' OR phone LIKE @p ESCAPE '\\' OR address LIKE @p ESCAPE '\\'
     ORDER BY id DESC LIMIT @limit`,
  ).all({ p: pattern, limit });
}
