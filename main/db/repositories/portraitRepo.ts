/** 客户画像: customers, their applications as facts, their contracts and flags; suggestion_outcomes. */
import type { Db } from '../connection';
import { ADDRESS_RULE_TYPES } from '../migrations/0040_portrait_read_indexes';
import { prepared } from '../statements';
import type { RiskFlagRow } from './riskFlagRepo';

/** One application with the record fields the portrait and the suggestions read (json_extract, no parsing). */
export interface ApplicationFactRow {
  id: number;
  number: string;
  customer_id: number;
  customer_name: string;
  customer_kind: 'PERSON' | 'ORG';
  business_type: string;
  customer_class: string;
  status: string;
  stage: string;
  application_date: string;
  accept_date: string;
  closed_at: string | null;
  total_paused_wd: number;
  address: string;
  account_no: string | null;
  capacity_kw: number | null;
  capacity_kva: number | null;
  existing_kw: number | null;
  existing_kva: number | null;
  tariff_category: string | null;
  tariff_structure: string | null;
  capacity_charge_basis: string | null;
  industry_code: string | null;
  area_type: string | null;
  legal_rep_name: string | null;
  legal_rep_id: string | null;
}

const FACTS = `SELECT a.id, a.number, a.customer_id, a.customer_name, c.kind AS customer_kind, a.business_type,
  a.customer_class, a.status, a.stage, a.application_date, a.accept_date, a.closed_at, a.total_paused_wd, a.address,
  a.account_no,
  json_extract(a.record_json, '$.requestedCapacityKw') AS capacity_kw,
  json_extract(a.record_json, '$.requestedCapacityKva') AS capacity_kva,
  json_extract(a.record_json, '$.existing.capacityKw') AS existing_kw,
  json_extract(a.record_json, '$.existing.capacityKva') AS existing_kva,
  json_extract(a.record_json, '$.tariff.category') AS tariff_category,
  json_extract(a.record_json, '$.tariff.structure') AS tariff_structure,
  json_extract(a.record_json, '$.tariff.capacityChargeBasis') AS capacity_charge_basis,
  json_extract(a.record_json, '$.industryCode') AS industry_code,
  json_extract(a.record_json, '$.site.areaType') AS area_type,
  json_extract(a.record_json, '$.customer.legalRep.name') AS legal_rep_name,
  json_extract(a.record_json, '$.customer.legalRep.idNumber') AS legal_rep_id
  FROM applications a JOIN customers c ON c.id = a.customer_id`;

/** Every application of the hall, as facts. */
export function allApplicationFacts(db: Db): ApplicationFactRow[] {
  return prepared<[], ApplicationFactRow>(db, `${FACTS} ORDER BY a.id`).all();
}

export function customerApplicationFacts(db: Db, customerId: number): ApplicationFactRow[] {
  return prepared<[number], ApplicationFactRow>(db, `${FACTS} WHERE a.customer_id = ? ORDER BY a.id`).all(customerId);
}

/** What a fact is made of (toFact): the columns of ApplicationFactRow the rules read. */
export type FactRow = Omit<
  ApplicationFactRow,
  'stage' | 'accept_date' | 'closed_at' | 'total_paused_wd' | 'account_no' | 'tariff_category'
>;

/**
 * Facts with the application's columns only, the record's fields null: what a compound (EV_PV) and a temporary
 * site (PERMANENT_SUPPLY) read, from migration 0040's index alone (the term repeating the index's types lets
 * SQLite use it). The property test would see a rule that reads more.
 */
const ADDRESS_FACTS = `SELECT a.id, a.number, a.customer_id, a.customer_name, c.kind AS customer_kind, a.business_type,
  a.customer_class, a.status, a.application_date, a.address, NULL AS capacity_kw, NULL AS capacity_kva,
  NULL AS existing_kw, NULL AS existing_kva, NULL AS tariff_structure, NULL AS capacity_charge_basis,
  NULL AS industry_code, NULL AS area_type, NULL AS legal_rep_name, NULL AS legal_rep_id
  FROM applications a INDEXED BY applications_address_rules JOIN customers c ON c.id = a.customer_id
  WHERE a.business_type IN ${ADDRESS_RULE_TYPES} AND a.business_type IN (SELECT value FROM json_each(@types))`;

/** The applications of these types at exactly this address (a temporary site's 临时用电). */
export const FACTS_AT = `${ADDRESS_FACTS} AND a.address = @address ORDER BY a.id`;

export function applicationFactsAt(db: Db, address: string, types: readonly string[]): FactRow[] {
  return prepared<[object], FactRow>(db, FACTS_AT).all({ address, types: JSON.stringify(types) });
}

/** The applications of these types whose address begins with `prefix` (a compound's households). */
export const FACTS_UNDER = `${ADDRESS_FACTS} AND a.address >= @prefix AND a.address < @prefix || char(1114111)
  ORDER BY a.id`;

export function applicationFactsUnder(db: Db, prefix: string, types: readonly string[]): FactRow[] {
  return prepared<[object], FactRow>(db, FACTS_UNDER).all({ prefix, types: JSON.stringify(types) });
}

export interface CustomerRow {
  id: number;
  kind: 'PERSON' | 'ORG';
  name: string;
  id_type: string;
  id_number: string;
  phone: string;
  created_at: string;
}

export function customerById(db: Db, id: number): CustomerRow | undefined {
  return prepared<[number], CustomerRow>(
    db,
    'SELECT id, kind, name, id_type, id_number, phone, created_at FROM customers WHERE id = ?',
  ).get(id);
}

export interface CustomerMatchRow extends CustomerRow {
  applications: number;
  latest_number: string;
  latest_address: string;
}

/**
 * Customers by exact ID number, 户号 or application number, else by a part of the name: the matches drive the
 * join (CROSS JOIN keeps that order) and are counted from the index of applications by customer alone; only the
 * `limit` kept read their newest application's row. Left to itself SQLite walked every customer's applications
 * and read each row for max(number): 482 ms for 「张」 at 1,000,000 applications.
 */
export const SEARCH_CUSTOMERS = `WITH hits AS (
    SELECT id FROM customers WHERE id_number = @q
    UNION SELECT customer_id FROM applications WHERE account_no = @q OR number = @q
    UNION SELECT id FROM customers WHERE name LIKE @like ESCAPE '\\'
  ),
  kept AS (
    SELECT c.id, c.kind, c.name, c.id_type, c.id_number, c.phone, c.created_at, count(*) AS applications,
      max(a.id) AS latest_id
    FROM hits h CROSS JOIN customers c ON c.id = h.id CROSS JOIN applications a ON a.customer_id = c.id
    GROUP BY c.id ORDER BY c.name = @q DESC, count(*) DESC, c.id LIMIT @limit
  )
  SELECT k.id, k.kind, k.name, k.id_type, k.id_number, k.phone, k.created_at, k.applications,
    l.number AS latest_number, l.address AS latest_address
  FROM kept k JOIN applications l ON l.id = k.latest_id
  ORDER BY k.name = @q DESC, k.applications DESC, k.id`;

/** The matches of `query` (at most `limit`), with their application count and newest application. */
export function searchCustomers(db: Db, query: string, limit: number): CustomerMatchRow[] {
  return prepared<[{ q: string; like: string; limit: number }], CustomerMatchRow>(db, SEARCH_CUSTOMERS).all({
    q: query,
    like: `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
    limit,
  });
}

export interface ContractSummaryRow {
  application_id: number;
  number: string;
  status: string;
  signed_on: string | null;
}

/** The newest contract (or paper) of each of the applications. */
export function latestContracts(db: Db, applicationIds: readonly number[]): ContractSummaryRow[] {
  return prepared<[string], ContractSummaryRow>(
    db,
    `SELECT application_id, number, status, signed_on FROM contracts
     WHERE id IN (SELECT max(id) FROM contracts WHERE application_id IN (SELECT value FROM json_each(?))
                  GROUP BY application_id)`,
  ).all(JSON.stringify(applicationIds));
}

/** The risk flags that name one of the applications. */
export function flagsOfApplications(db: Db, applicationIds: readonly number[]): RiskFlagRow[] {
  return prepared<[string], RiskFlagRow>(
    db,
    `SELECT * FROM risk_flags WHERE id IN (SELECT flag_id FROM risk_flag_applications
       WHERE application_id IN (SELECT value FROM json_each(?)))
     ORDER BY status DESC, CASE severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, id`,
  ).all(JSON.stringify(applicationIds));
}

export interface OutcomeRow {
  id: number;
  kind: string;
  subject_key: string;
  status: 'open' | 'contacted' | 'accepted' | 'declined';
  reason: string | null;
  suggestion_json: string;
  created_at: string;
  updated_by: string;
  updated_at: string;
}

export interface OutcomeWrite {
  kind: string;
  subject: string;
  status: OutcomeRow['status'];
  reason: string | null;
  suggestionJson: string;
  by: string;
  at: string;
  changeSeq: number;
}

/** Records (or replaces) the outcome of one suggestion. */
export function upsertOutcome(db: Db, row: OutcomeWrite): void {
  prepared<unknown[]>(
    db,
    `INSERT INTO suggestion_outcomes (kind, subject_key, status, reason, suggestion_json, created_at, updated_by,
       updated_at, change_seq)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (kind, subject_key) DO UPDATE SET status = excluded.status, reason = excluded.reason,
       suggestion_json = excluded.suggestion_json, updated_by = excluded.updated_by,
       updated_at = excluded.updated_at, change_seq = excluded.change_seq`,
  ).run(row.kind, row.subject, row.status, row.reason, row.suggestionJson, row.at, row.by, row.at, row.changeSeq);
}
