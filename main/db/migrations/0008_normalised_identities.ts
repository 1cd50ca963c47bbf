/**
 * Migration 0008 (issue 13): rows stored before normalisation at the boundary get the normalised form
 * (shared/domain/normalize.ts) — customers, the application columns, the record JSON and the search index — and
 * customers who become the same person (same document type and normalised number) are merged into the oldest
 * one. Each changed application and each merge is an audit entry by the system user, all in the migration's one
 * transaction: a hall can see afterwards which stored values the upgrade changed.
 */
import type { ApplicationInput } from '../../../shared/domain/application';
import {
  normalizeApplication,
  normalizeCode,
  normalizeIdNumber,
  normalizeName,
} from '../../../shared/domain/normalize';
import { appendAudit } from '../../services/audit';
import type { FieldChange } from '../../services/canonicalJson';
import type { Db } from '../connection';
import { nextChangeSeq } from '../repositories/changeCounter';
import { indexApplication, unindexApplication, type SearchableFields } from '../repositories/searchRepo';

const SYSTEM = { userId: 'system', userName: '系统（数据库升级）' };

interface CustomerRow {
  id: number;
  name: string;
  id_type: string;
  id_number: string;
  phone: string;
}

interface ApplicationRow {
  id: number;
  number: string;
  customer_name: string;
  id_number: string;
  phone: string;
  address: string;
  account_no: string | null;
  record_json: string;
}

/** Appends the audit entry of one change and returns its change_seq, which the changed rows carry (HQ export). */
function audit(
  db: Db,
  at: string,
  action: string,
  entity: string,
  entityId: string,
  diff: Record<string, FieldChange>,
): number {
  const changeSeq = nextChangeSeq(db);
  appendAudit(db, { at, ...SYSTEM, action, entity, entityId, changeSeq, diff });
  return changeSeq;
}

function changes(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, FieldChange> {
  const diff: Record<string, FieldChange> = {};
  for (const [key, value] of Object.entries(after)) {
    if (before[key] !== value) diff[key] = { before: before[key], after: value };
  }
  return diff;
}

/** Customers by (document type, normalised number), oldest first: every group of two or more is one person. */
function mergeCustomers(db: Db, at: string): void {
  const groups = new Map<string, CustomerRow[]>();
  const customers = db
    .prepare('SELECT id, name, id_type, id_number, phone FROM customers ORDER BY id')
    .all() as CustomerRow[];
  for (const row of customers) {
    const key = `${row.id_type}\u0000${normalizeIdNumber(row.id_number)}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  for (const [kept, ...merged] of groups.values()) {
    if (!kept) continue;
    for (const gone of merged) {
      const moved = db
        .prepare('SELECT number FROM applications WHERE customer_id = ? ORDER BY id')
        .pluck()
        .all(gone.id) as string[];
      const changeSeq = audit(db, at, 'customer.merge', 'customer', String(kept.id), {
        mergedCustomer: { before: gone.id, after: kept.id },
        mergedIdNumber: { before: gone.id_number, after: normalizeIdNumber(kept.id_number) },
        applications: { before: null, after: moved.join('、') },
      });
      db.prepare('UPDATE applications SET customer_id = ?, change_seq = ? WHERE customer_id = ?').run(
        kept.id,
        changeSeq,
        gone.id,
      );
      db.prepare('DELETE FROM customers WHERE id = ?').run(gone.id);
    }
    const next = {
      name: normalizeName(kept.name),
      id_number: normalizeIdNumber(kept.id_number),
      phone: normalizeCode(kept.phone),
    };
    const diff = changes({ ...kept }, next);
    if (Object.keys(diff).length === 0) continue;
    const changeSeq = audit(db, at, 'customer.normalize', 'customer', String(kept.id), diff);
    db.prepare(
      'UPDATE customers SET name = ?, id_number = ?, phone = ?, updated_at = ?, change_seq = ? WHERE id = ?',
    ).run(next.name, next.id_number, next.phone, at, changeSeq, kept.id);
  }
}

const searchable = (row: ApplicationRow): SearchableFields => ({
  number: row.number,
  customerName: row.customer_name,
  idNumber: row.id_number,
  phone: row.phone,
  address: row.address,
});

function normaliseApplications(db: Db, at: string): void {
  const update = db.prepare(
    'UPDATE applications SET customer_name = ?, id_number = ?, phone = ?, address = ?, account_no = ?, record_json = ?, updated_at = ?, change_seq = ? WHERE id = ?',
  );
  const rows = db
    .prepare(
      'SELECT id, number, customer_name, id_number, phone, address, account_no, record_json FROM applications ORDER BY id',
    )
    .all() as ApplicationRow[];
  for (const row of rows) {
    const record = normalizeApplication(JSON.parse(row.record_json) as ApplicationInput);
    const recordJson = JSON.stringify(record);
    const next: ApplicationRow = {
      ...row,
      customer_name: normalizeName(row.customer_name),
      id_number: normalizeIdNumber(row.id_number),
      phone: normalizeCode(row.phone),
      address: record.site?.address ?? row.address,
      account_no: row.account_no === null ? null : normalizeCode(row.account_no),
      record_json: recordJson,
    };
    const { record_json: beforeJson, ...beforeColumns } = row;
    const { record_json: afterJson, ...afterColumns } = next;
    const diff = changes(beforeColumns, afterColumns);
    if (Object.keys(diff).length === 0 && beforeJson === afterJson) continue;
    if (beforeJson !== afterJson) diff.record = { before: null, after: record };
    const changeSeq = audit(db, at, 'application.normalize', 'application', row.number, diff);
    update.run(
      next.customer_name,
      next.id_number,
      next.phone,
      next.address,
      next.account_no,
      recordJson,
      at,
      changeSeq,
      row.id,
    );
    unindexApplication(db, row.id, searchable(row));
    indexApplication(db, row.id, searchable(next));
  }
}

export function normaliseIdentities(db: Db): void {
  const at = new Date().toISOString();
  normaliseApplications(db, at);
  mergeCustomers(db, at);
}

export default '';
