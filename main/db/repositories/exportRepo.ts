/** Reads for the export to headquarters and the export_batches ledger (migration 0007). */
import type { RowJson } from '../../export/rowJson';
import type { ExportTable } from '../../export/tables';
import type { Db } from '../connection';
import { prepared } from '../statements';
import { DEADLINE_STATE_SQL } from './workbenchRepo';

export interface ExportBatchRow {
  batch_no: number;
  from_seq: number;
  to_seq: number;
  file: string;
  sha256: string;
  created_at: string;
  row_counts_json: string;
  size: number;
  privacy: string;
  audit_head_id: number;
  audit_head_hash: string;
  folder: string | null;
  folder_at: string | null;
  receipt_json: string | null;
  receipt_at: string | null;
  send_attempts: number;
  next_send_at: string | null;
  last_send_error: string | null;
}

const BATCH_COLUMNS = `batch_no, from_seq, to_seq, file, sha256, created_at, row_counts_json, size, privacy,
  audit_head_id, audit_head_hash, folder, folder_at, receipt_json, receipt_at, send_attempts, next_send_at,
  last_send_error`;

/**
 * Above this many changed rows a table is read in key order straight from its primary key, filtering on
 * change_seq, instead of through its change_seq index and an in-memory sort: the sort's memory grows with the
 * batch (a hall's first batch holds every row), the key-order scan's does not.
 */
const SORT_LIMIT = 20_000;

/** The statement reading `select` of one table's rows changed in (fromSeq, toSeq], in key order. */
function changedRowsStatement(db: Db, table: ExportTable, select: string, fromSeq: number, toSeq: number) {
  const changed = prepared<[number, number], { n: number }>(
    db,
    `SELECT count(*) AS n FROM ${table.name} WHERE change_seq > ? AND change_seq <= ?`,
  ).get(fromSeq, toSeq)!.n;
  // The unary + keeps SQLite from using the change_seq index, so it scans in primary-key order.
  const seq = changed > SORT_LIMIT ? '+change_seq' : 'change_seq';
  return prepared<[number, number], unknown>(
    db,
    `SELECT ${select} FROM ${table.name} WHERE ${seq} > ? AND ${seq} <= ? ORDER BY ${table.key.join(', ')}`,
  );
}

/**
 * The rows of one table changed in (fromSeq, toSeq], in key order (the order of the JSON Lines file), as raw
 * value arrays of `columns`.
 */
export function iterateChangedRows(
  db: Db,
  table: ExportTable,
  columns: readonly string[],
  fromSeq: number,
  toSeq: number,
): IterableIterator<unknown[]> {
  return changedRowsStatement(db, table, columns.join(', '), fromSeq, toSeq)
    .raw()
    .iterate(fromSeq, toSeq) as IterableIterator<unknown[]>;
}

/** The same rows as their JSON lines (rowJson.ts): built by SQLite when `rowJson.sql` allows, else here. */
export function iterateChangedLines(
  db: Db,
  table: ExportTable,
  rowJson: RowJson,
  fromSeq: number,
  toSeq: number,
): IterableIterator<string> {
  if (rowJson.sql === null) return linesOf(iterateChangedRows(db, table, rowJson.columns, fromSeq, toSeq), rowJson);
  return changedRowsStatement(db, table, rowJson.sql, fromSeq, toSeq)
    .pluck()
    .iterate(fromSeq, toSeq) as IterableIterator<string>;
}

function* linesOf(rows: Iterable<unknown[]>, rowJson: RowJson): Generator<string> {
  for (const row of rows) yield rowJson.line(row);
}

/** The newest batch, whose to_seq is the watermark. */
export function lastExportBatch(db: Db): ExportBatchRow | undefined {
  return prepared<[], ExportBatchRow>(
    db,
    `SELECT ${BATCH_COLUMNS} FROM export_batches ORDER BY batch_no DESC LIMIT 1`,
  ).get();
}

export function exportBatch(db: Db, batchNo: number): ExportBatchRow | undefined {
  return prepared<[number], ExportBatchRow>(db, `SELECT ${BATCH_COLUMNS} FROM export_batches WHERE batch_no = ?`).get(
    batchNo,
  );
}

export function listExportBatches(db: Db, limit: number): ExportBatchRow[] {
  return prepared<[number], ExportBatchRow>(
    db,
    `SELECT ${BATCH_COLUMNS} FROM export_batches ORDER BY batch_no DESC LIMIT ?`,
  ).all(limit);
}

/** The first audit entry after `fromSeq` (the one that must chain to the previous batch's head). */
export function firstAuditAfter(db: Db, fromSeq: number, toSeq: number): { id: number; prev_hash: string } | undefined {
  return prepared<[number, number], { id: number; prev_hash: string }>(
    db,
    `SELECT id, prev_hash FROM audit_log
     WHERE id = (SELECT min(id) FROM audit_log WHERE change_seq > ? AND change_seq <= ?)`,
  ).get(fromSeq, toSeq);
}

/** The chain head as of change_seq `toSeq`: newest entries first, in id order (no sort of the whole log). */
export function auditHeadAt(db: Db, toSeq: number): { id: number; hash: string } | undefined {
  return prepared<[number], { id: number; hash: string }>(
    db,
    'SELECT id, hash FROM audit_log WHERE +change_seq <= ? ORDER BY id DESC LIMIT 1',
  ).get(toSeq);
}

export function insertExportBatch(
  db: Db,
  row: Omit<
    ExportBatchRow,
    'folder' | 'folder_at' | 'receipt_json' | 'receipt_at' | 'send_attempts' | 'next_send_at' | 'last_send_error'
  >,
): void {
  prepared(
    db,
    `INSERT INTO export_batches (batch_no, from_seq, to_seq, file, sha256, created_at, row_counts_json, size, privacy,
       audit_head_id, audit_head_hash)
     VALUES (@batch_no, @from_seq, @to_seq, @file, @sha256, @created_at, @row_counts_json, @size, @privacy,
       @audit_head_id, @audit_head_hash)`,
  ).run(row);
}

export function markFolderDelivery(db: Db, batchNo: number, folder: string, at: string): void {
  prepared(db, 'UPDATE export_batches SET folder = ?, folder_at = ? WHERE batch_no = ?').run(folder, at, batchNo);
}

export function markReceipt(db: Db, batchNo: number, receiptJson: string, at: string): void {
  prepared(
    db,
    'UPDATE export_batches SET receipt_json = ?, receipt_at = ?, next_send_at = NULL, last_send_error = NULL WHERE batch_no = ?',
  ).run(receiptJson, at, batchNo);
}

export function markSendFailure(db: Db, batchNo: number, error: string, nextAt: string): void {
  prepared(
    db,
    `UPDATE export_batches SET send_attempts = send_attempts + 1, last_send_error = ?, next_send_at = ?
     WHERE batch_no = ?`,
  ).run(error, nextAt, batchNo);
}

/** Batches HQ has not acknowledged yet, oldest first (the outbox). */
export function unacknowledgedBatches(db: Db): ExportBatchRow[] {
  return prepared<[], ExportBatchRow>(
    db,
    `SELECT ${BATCH_COLUMNS} FROM export_batches WHERE receipt_json IS NULL ORDER BY batch_no`,
  ).all();
}

export interface SummaryCount {
  business_type: string;
  stage: string;
  state: string;
  n: number;
}

/**
 * Every application by business type, stage and deadline state on `today` (the batch summary's counts), without
 * reading every application: only those with a running clock (due_date set, the partial index
 * applications_due_order) are read and classified; all the others are NONE, and their number per type and stage
 * is application_tally's (migration 0015) minus those.
 */
export function applicationCounts(db: Db, today: string): SummaryCount[] {
  return prepared<[{ today: string }], SummaryCount>(
    db,
    `WITH dated AS (
       SELECT a.business_type, a.stage, ${DEADLINE_STATE_SQL} AS state, count(*) AS n
       FROM applications a INDEXED BY applications_due_order WHERE a.due_date IS NOT NULL GROUP BY 1, 2, 3),
     undated AS (
       SELECT t.business_type, t.stage, 'NONE' AS state,
         t.n - coalesce((SELECT sum(d.n) FROM dated d WHERE d.business_type = t.business_type AND d.stage = t.stage), 0) AS n
       FROM application_tally t)
     SELECT business_type, stage, state, n FROM dated
     UNION ALL SELECT business_type, stage, state, n FROM undated WHERE n > 0
     ORDER BY 1, 2, 3`,
  ).all({ today });
}

export interface OverdueRow {
  number: string;
  customer_name: string;
  business_type: string;
  stage: string;
  due_date: string;
  assignee: string | null;
}

/** Overdue applications on `today`, longest overdue first. */
export function iterateOverdue(db: Db, today: string): IterableIterator<OverdueRow> {
  return prepared<[string], OverdueRow>(
    db,
    `SELECT number, customer_name, business_type, stage, due_date, assignee FROM applications
     WHERE due_date < ? ORDER BY due_date, number`,
  ).iterate(today);
}
