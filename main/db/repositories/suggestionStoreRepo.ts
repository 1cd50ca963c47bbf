/**
 * 客户画像's stored suggestions (migration 0038): the suggestions in force with the customers they concern, each
 * customer's lead membership, the written customers and addresses not yet re-derived, and the store's state.
 */
import type { DerivedSuggestion, SuggestionKind, SuggestionStatus } from '../../../shared/api/portrait';
import { SUGGESTION_KINDS } from '../../../shared/api/portrait';
import type { LeadMember } from '../../../shared/stats/suggestions';
import type { Db } from '../connection';
import { prepared } from '../statements';

/** A stored suggestion with the outcome recorded for it, if any. */
export interface StoredSuggestionRow {
  suggestion_json: string;
  status: SuggestionStatus | null;
  reason: string | null;
  updated_by: string | null;
  updated_at: string | null;
}

const WITH_OUTCOME = `SELECT s.suggestion_json, o.status, o.reason, o.updated_by, o.updated_at
  FROM portrait_suggestions s LEFT JOIN suggestion_outcomes o ON o.kind = s.kind AND o.subject_key = s.subject_key`;
const LIST_ORDER = 'ORDER BY s.kind_rank, s.subject_key';

/** Replaces the stored suggestions of one subject and these kinds with `derived`. */
export function replaceSuggestions(
  db: Db,
  subject: string,
  kinds: readonly SuggestionKind[],
  derived: readonly DerivedSuggestion[],
): void {
  prepared<[string, string]>(
    db,
    'DELETE FROM portrait_suggestions WHERE subject_key = ? AND kind IN (SELECT value FROM json_each(?))',
  ).run(subject, JSON.stringify(kinds));
  insertSuggestions(db, derived);
}

export function insertSuggestions(db: Db, derived: readonly DerivedSuggestion[]): void {
  const insert = prepared<[string, string, number, string], { id: number }>(
    db,
    `INSERT INTO portrait_suggestions (kind, subject_key, kind_rank, suggestion_json) VALUES (?, ?, ?, ?)
     RETURNING id`,
  );
  const link = prepared<[number, number]>(
    db,
    'INSERT OR IGNORE INTO portrait_suggestion_customers (customer_id, suggestion_id) VALUES (?, ?)',
  );
  for (const s of derived) {
    const { id } = insert.get(s.kind, s.subject, SUGGESTION_KINDS.indexOf(s.kind), JSON.stringify(s))!;
    for (const c of s.customers) link.run(c.id, id);
  }
}

export interface LeadsQuery {
  kind: SuggestionKind | null;
  status: SuggestionStatus | null;
  offset: number;
  limit: number;
}

const FILTER = `WHERE (@kind IS NULL OR s.kind = @kind) AND (@status IS NULL OR coalesce(o.status, 'open') = @status)`;

/**
 * One page of the stored suggestions in list order (kind, then subject): filtered and joined to the outcomes in
 * migration 0040's index (kind_rank, subject_key, kind), only the page's rows read.
 */
export const SUGGESTION_PAGE = `${WITH_OUTCOME} ${FILTER} ${LIST_ORDER} LIMIT @limit OFFSET @offset`;

/** One page of the stored suggestions in list order, and how many match. */
export function storedSuggestionPage(db: Db, q: LeadsQuery): { rows: StoredSuggestionRow[]; total: number } {
  const filter = { kind: q.kind, status: q.status };
  const rows = prepared<[object], StoredSuggestionRow>(db, SUGGESTION_PAGE).all({
    ...filter,
    limit: q.limit,
    offset: q.offset,
  });
  const total = prepared<[object], { n: number }>(
    db,
    `SELECT count(*) AS n FROM portrait_suggestions s
     LEFT JOIN suggestion_outcomes o ON o.kind = s.kind AND o.subject_key = s.subject_key ${FILTER}`,
  ).get(filter)!.n;
  return { rows, total };
}

/** The stored suggestions that name a customer, in list order. */
export function storedSuggestionsOfCustomer(db: Db, customerId: number): StoredSuggestionRow[] {
  return prepared<[number], StoredSuggestionRow>(
    db,
    `${WITH_OUTCOME} WHERE s.id IN (SELECT suggestion_id FROM portrait_suggestion_customers WHERE customer_id = ?)
     ${LIST_ORDER}`,
  ).all(customerId);
}

export function storedSuggestion(db: Db, kind: SuggestionKind, subject: string): StoredSuggestionRow | undefined {
  return prepared<[string, string], StoredSuggestionRow>(
    db,
    `${WITH_OUTCOME} WHERE s.kind = ? AND s.subject_key = ?`,
  ).get(kind, subject);
}

/** Every stored suggestion as derived, in list order (the property test compares them with a full derivation). */
export function allStoredSuggestions(db: Db): DerivedSuggestion[] {
  return prepared<[], { suggestion_json: string }>(
    db,
    `SELECT s.suggestion_json FROM portrait_suggestions s ${LIST_ORDER}`,
  )
    .all()
    .map((row) => JSON.parse(row.suggestion_json) as DerivedSuggestion);
}

/** Per kind: the stored suggestions with no outcome recorded (or set back to 待跟进). */
export function openCountsByKind(db: Db): Map<string, number> {
  const rows = prepared<[], { kind: string; n: number }>(
    db,
    `SELECT s.kind, count(*) AS n FROM portrait_suggestions s
     LEFT JOIN suggestion_outcomes o ON o.kind = s.kind AND o.subject_key = s.subject_key
     WHERE coalesce(o.status, 'open') = 'open' GROUP BY s.kind`,
  ).all();
  return new Map(rows.map((r) => [r.kind, r.n]));
}

/** Per kind and status: the outcomes recorded (also of suggestions no longer in force). */
export function outcomeCounts(db: Db): { kind: string; status: SuggestionStatus; n: number }[] {
  return prepared<[], { kind: string; status: SuggestionStatus; n: number }>(
    db,
    'SELECT kind, status, count(*) AS n FROM suggestion_outcomes GROUP BY kind, status',
  ).all();
}

/** A customer's lead membership as stored: its first application (the customer order) and what the rules read. */
export interface StoredMember {
  firstApplicationId: number;
  member: LeadMember;
}

export function storedMember(db: Db, customerId: number): StoredMember | undefined {
  const row = prepared<[number], { first_application_id: number; member_json: string }>(
    db,
    'SELECT first_application_id, member_json FROM portrait_members WHERE customer_id = ?',
  ).get(customerId);
  return row && { firstApplicationId: row.first_application_id, member: JSON.parse(row.member_json) as LeadMember };
}

export function upsertMember(db: Db, stored: StoredMember): void {
  const { member: m } = stored;
  const growthLatest = m.openGrowth.reduce<string | null>(
    (latest, f) => (latest === null || f.applicationDate > latest ? f.applicationDate : latest),
    null,
  );
  prepared<unknown[]>(
    db,
    `INSERT OR REPLACE INTO portrait_members (customer_id, first_application_id, legal_rep_id, business_prefix,
       industry_code, open, growth_latest, member_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    m.id,
    stored.firstApplicationId,
    m.legalRepId,
    m.businessPrefix,
    m.industryCode,
    m.open ? 1 : 0,
    growthLatest,
    JSON.stringify(m),
  );
}

export function deleteMember(db: Db, customerId: number): void {
  prepared<[number]>(db, 'DELETE FROM portrait_members WHERE customer_id = ?').run(customerId);
}

/** The lead groups' key columns of portrait_members. */
export type MemberKey = 'legal_rep_id' | 'business_prefix' | 'industry_code';

/**
 * One lead group's members from portrait_members (migration 0038's indexes): those with an open new connection or
 * increase dated after `growthAfter` (all, in customer order), the first `idleLimit` with nothing open, and how
 * many have nothing open.
 */
export function memberGroup(
  db: Db,
  column: MemberKey,
  key: string,
  growthAfter: string,
  idleLimit: number,
): { applicants: LeadMember[]; idle: LeadMember[]; idleCount: number } {
  const parse = (rows: { member_json: string }[]) => rows.map((r) => JSON.parse(r.member_json) as LeadMember);
  const applicants = prepared<[string, string], { member_json: string }>(
    db,
    `SELECT member_json FROM portrait_members WHERE ${column} = ? AND growth_latest > ? ORDER BY first_application_id`,
  ).all(key, growthAfter);
  const idle = prepared<[string, number], { member_json: string }>(
    db,
    `SELECT member_json FROM portrait_members WHERE ${column} = ? AND open = 0 ORDER BY first_application_id LIMIT ?`,
  ).all(key, Number.isFinite(idleLimit) ? idleLimit : -1);
  const idleCount = prepared<[string], { n: number }>(
    db,
    `SELECT count(*) AS n FROM portrait_members WHERE ${column} = ? AND open = 0`,
  ).get(key)!.n;
  return { applicants: parse(applicants), idle: parse(idle), idleCount };
}

/** The industries of customers whose latest open new connection or increase is dated in (after, upTo]. */
export function industriesWithGrowthBetween(db: Db, after: string, upTo: string): string[] {
  return prepared<[string, string], { industry_code: string }>(
    db,
    `SELECT DISTINCT industry_code FROM portrait_members INDEXED BY portrait_members_growth
     WHERE growth_latest > ? AND growth_latest <= ? AND industry_code IS NOT NULL`,
  )
    .all(after, upTo)
    .map((r) => r.industry_code);
}

/**
 * Customers and addresses of applications of these types dated in (after, upTo], by index applications_date_type:
 * left to itself SQLite walked every application of the types (1 s for the 暂停 at 1,000,000).
 */
export const APPLICATIONS_BETWEEN = `SELECT DISTINCT customer_id, address
  FROM applications INDEXED BY applications_date_type
  WHERE application_date > ? AND application_date <= ? AND business_type IN (SELECT value FROM json_each(?))`;

export function applicationsBetween(
  db: Db,
  types: readonly string[],
  after: string,
  upTo: string,
): { customer_id: number; address: string }[] {
  return prepared<[string, string, string], { customer_id: number; address: string }>(db, APPLICATIONS_BETWEEN).all(
    after,
    upTo,
    JSON.stringify(types),
  );
}

/** Notes group keys to re-derive at the next refresh. */
export function markDirty(db: Db, keys: Iterable<string>): void {
  const mark = prepared<[string]>(db, 'INSERT OR IGNORE INTO portrait_dirty (key) VALUES (?)');
  for (const key of keys) mark.run(key);
}

/** The keys noted since the last refresh, taken (the table is emptied). */
export function takeDirty(db: Db): string[] {
  const keys = prepared<[], { key: string }>(db, 'SELECT key FROM portrait_dirty')
    .all()
    .map((r) => r.key);
  prepared(db, 'DELETE FROM portrait_dirty').run();
  return keys;
}

export function anyDirty(db: Db): boolean {
  return prepared<[], { n: number }>(db, 'SELECT EXISTS (SELECT 1 FROM portrait_dirty) AS n').get()!.n === 1;
}

/** Empties the store before a full build. */
export function clearStore(db: Db): void {
  db.exec(`DELETE FROM portrait_suggestion_customers; DELETE FROM portrait_suggestions;
    DELETE FROM portrait_members; DELETE FROM portrait_dirty;`);
}

/** When the store was built (null: never), under which thresholds, and the day its windows were last moved to. */
export interface SuggestionStoreState {
  builtAt: string | null;
  config: string | null;
  day: string | null;
}

export function suggestionStoreState(db: Db): SuggestionStoreState {
  return prepared<[], SuggestionStoreState>(
    db,
    'SELECT built_at AS builtAt, config, day FROM portrait_state WHERE id = 1',
  ).get()!;
}

export function setSuggestionStoreState(db: Db, state: SuggestionStoreState): void {
  prepared<[string | null, string | null, string | null]>(
    db,
    'UPDATE portrait_state SET built_at = ?, config = ?, day = ? WHERE id = 1',
  ).run(state.builtAt, state.config, state.day);
}
