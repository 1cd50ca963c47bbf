/** 供用电合同, generated documents and the print log: minimal storage for the PDF services. */
import type { Db } from '../connection';
import { prepared } from '../statements';

export interface ContractRow {
  id: number;
  number: string;
  application_id: number;
  scheme_version_id: number | null;
  template_id: string;
  template_version: string;
  status: 'draft' | 'printed' | 'signed' | 'void';
  pdf_sha256: string | null;
  created_at: string;
  updated_at: string;
  change_seq: number;
}

export function insertContract(db: Db, row: Omit<ContractRow, 'id'>): ContractRow {
  return prepared<unknown[], ContractRow>(
    db,
    `INSERT INTO contracts (number, application_id, scheme_version_id, template_id, template_version, status,
       pdf_sha256, created_at, updated_at, change_seq)
     VALUES (@number, @application_id, @scheme_version_id, @template_id, @template_version, @status,
       @pdf_sha256, @created_at, @updated_at, @change_seq)
     RETURNING *`,
  ).get(row)!;
}

export function setContractStatus(
  db: Db,
  id: number,
  status: ContractRow['status'],
  pdfSha256: string | null,
  at: string,
  changeSeq: number,
): void {
  prepared(
    db,
    'UPDATE contracts SET status = ?, pdf_sha256 = coalesce(?, pdf_sha256), updated_at = ?, change_seq = ? WHERE id = ?',
  ).run(status, pdfSha256, at, changeSeq, id);
}

export function contractsOf(db: Db, applicationId: number): ContractRow[] {
  return prepared<[number], ContractRow>(db, 'SELECT * FROM contracts WHERE application_id = ? ORDER BY id').all(
    applicationId,
  );
}

export interface DocumentRow {
  id: number;
  application_id: number | null;
  contract_id: number | null;
  kind: string;
  path: string;
  sha256: string;
  size: number;
  created_at: string;
  change_seq: number;
}

export function insertDocument(db: Db, row: Omit<DocumentRow, 'id'>): number {
  return Number(
    prepared(
      db,
      `INSERT INTO documents (application_id, contract_id, kind, path, sha256, size, created_at, change_seq)
       VALUES (@application_id, @contract_id, @kind, @path, @sha256, @size, @created_at, @change_seq)`,
    ).run(row).lastInsertRowid,
  );
}

export function insertPrint(
  db: Db,
  row: { document_id: number; printer: string | null; copies: number; user_id: string; at: string; change_seq: number },
): void {
  prepared(
    db,
    `INSERT INTO print_log (document_id, printer, copies, user_id, at, change_seq)
     VALUES (@document_id, @printer, @copies, @user_id, @at, @change_seq)`,
  ).run(row);
}
