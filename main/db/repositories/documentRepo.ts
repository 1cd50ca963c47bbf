/** Reads and lifecycle updates for contracts, generated documents and the print log (issue 5). */
import type { Db } from '../connection';
import { prepared } from '../statements';
import type { ContractRow, DocumentRow } from './contractRepo';

export interface ContractLifecycleRow extends ContractRow {
  signed_on: string | null;
  scan_document_id: number | null;
  void_reason: string | null;
}

export function contractByNumber(db: Db, number: string): ContractLifecycleRow | undefined {
  return prepared<[string], ContractLifecycleRow>(db, 'SELECT * FROM contracts WHERE number = ?').get(number);
}

/**
 * The application's contract that still counts: the newest one that is not void; with `templateId`, the newest
 * paper of that template (a 过户 signs a contract and a 终止协议).
 */
export function currentContract(db: Db, applicationId: number, templateId?: string): ContractLifecycleRow | undefined {
  return prepared<[number, string | null, string | null], ContractLifecycleRow>(
    db,
    `SELECT * FROM contracts WHERE application_id = ? AND status <> 'void' AND (? IS NULL OR template_id = ?)
     ORDER BY id DESC LIMIT 1`,
  ).get(applicationId, templateId ?? null, templateId ?? null);
}

/** The application's papers that are not void, oldest first. */
export function liveContracts(db: Db, applicationId: number): ContractLifecycleRow[] {
  return prepared<[number], ContractLifecycleRow>(
    db,
    "SELECT * FROM contracts WHERE application_id = ? AND status <> 'void' ORDER BY id",
  ).all(applicationId);
}

export function signedContractCount(db: Db, applicationId: number): number {
  return prepared<[number], { n: number }>(
    db,
    "SELECT count(*) AS n FROM contracts WHERE application_id = ? AND status = 'signed'",
  ).get(applicationId)!.n;
}

export function attachContractPdf(db: Db, id: number, sha256: string, at: string, changeSeq: number): void {
  prepared(db, 'UPDATE contracts SET pdf_sha256 = ?, updated_at = ?, change_seq = ? WHERE id = ?').run(
    sha256,
    at,
    changeSeq,
    id,
  );
}

export function signContractRow(
  db: Db,
  id: number,
  signedOn: string,
  scanDocumentId: number | null,
  at: string,
  changeSeq: number,
): void {
  prepared(
    db,
    `UPDATE contracts SET status = 'signed', signed_on = ?, scan_document_id = ?, updated_at = ?, change_seq = ?
     WHERE id = ?`,
  ).run(signedOn, scanDocumentId, at, changeSeq, id);
}

export function voidContractRow(db: Db, id: number, reason: string, at: string, changeSeq: number): void {
  prepared(
    db,
    "UPDATE contracts SET status = 'void', void_reason = ?, updated_at = ?, change_seq = ? WHERE id = ?",
  ).run(reason, at, changeSeq, id);
}

export function documentBySha(db: Db, sha256: string): DocumentRow | undefined {
  return prepared<[string], DocumentRow>(db, 'SELECT * FROM documents WHERE sha256 = ? ORDER BY id LIMIT 1').get(
    sha256,
  );
}

export function documentById(db: Db, id: number): DocumentRow | undefined {
  return prepared<[number], DocumentRow>(db, 'SELECT * FROM documents WHERE id = ?').get(id);
}

/** One print job: who, when, which document, how many copies, and whether it was a 副本. */
export function insertPrintEntry(
  db: Db,
  row: { document_id: number; printer: string | null; copies: number; user_id: string; at: string; is_copy: number },
  changeSeq: number,
): void {
  prepared(
    db,
    `INSERT INTO print_log (document_id, printer, copies, user_id, at, change_seq, is_copy)
     VALUES (@document_id, @printer, @copies, @user_id, @at, @change_seq, @is_copy)`,
  ).run({ ...row, change_seq: changeSeq });
}

export function getSetting(db: Db, key: string): string | undefined {
  return prepared<[string], { value: string }>(db, 'SELECT value FROM settings WHERE key = ?').get(key)?.value;
}

export function putSetting(db: Db, key: string, value: string, changeSeq: number): void {
  prepared(
    db,
    `INSERT INTO settings (key, value, change_seq) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, change_seq = excluded.change_seq`,
  ).run(key, value, changeSeq);
}

/** The numbers a stored document belongs to (申请编号, 合同编号), for naming it on download. */
export function documentOwnerNumbers(
  db: Db,
  row: Pick<DocumentRow, 'application_id' | 'contract_id'>,
): { application: string | null; contract: string | null } {
  const numberOf = (table: 'applications' | 'contracts', id: number | null) =>
    id === null
      ? null
      : (prepared<[number], { number: string }>(db, `SELECT number FROM ${table} WHERE id = ?`).get(id)?.number ??
        null);
  return {
    application: numberOf('applications', row.application_id),
    contract: numberOf('contracts', row.contract_id),
  };
}

/**
 * The contract an account's change of use amends or ends: the newest 供用电合同 (not void; signed ones first) of
 * another application on the same 户号.
 */
export function baseContractOnAccount(
  db: Db,
  accountNo: string,
  applicationId: number,
): Pick<ContractLifecycleRow, 'number' | 'signed_on' | 'status'> | undefined {
  return prepared<[string, number], Pick<ContractLifecycleRow, 'number' | 'signed_on' | 'status'>>(
    db,
    `SELECT c.number, c.signed_on, c.status FROM contracts c JOIN applications a ON a.id = c.application_id
     WHERE a.account_no = ? AND a.id <> ? AND c.status <> 'void' AND c.template_id LIKE 'contract-%'
     ORDER BY c.status = 'signed' DESC, c.id DESC LIMIT 1`,
  ).get(accountNo, applicationId);
}
