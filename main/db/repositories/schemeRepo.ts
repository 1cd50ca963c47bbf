/**
 * 供电方案 supply-scheme versions: minimal storage for the PDF/scheme services. Approved versions are
 * immutable (trigger supply_scheme_versions_immutable); a change after approval is a new version with a reason.
 */
import type { Db } from '../connection';
import { prepared } from '../statements';

export interface SchemeVersionRow {
  id: number;
  application_id: number;
  version: number;
  status: 'draft' | 'approved' | 'superseded';
  content_json: string;
  change_reason: string | null;
  created_by: string;
  created_at: string;
  approved_by: string | null;
  approved_at: string | null;
  /** R-GATE-04: the last valid day after the one extension of an approved version (migration 0013). */
  extended_until: string | null;
  change_seq: number;
}

export function schemeVersionsOf(db: Db, applicationId: number): SchemeVersionRow[] {
  return prepared<[number], SchemeVersionRow>(
    db,
    'SELECT * FROM supply_scheme_versions WHERE application_id = ? ORDER BY version',
  ).all(applicationId);
}

export function insertSchemeVersion(
  db: Db,
  row: Omit<SchemeVersionRow, 'id' | 'version' | 'extended_until'>,
): SchemeVersionRow {
  return prepared<unknown[], SchemeVersionRow>(
    db,
    `INSERT INTO supply_scheme_versions
       (application_id, version, status, content_json, change_reason, created_by, created_at, approved_by, approved_at, change_seq)
     VALUES (@application_id,
       (SELECT coalesce(max(version), 0) + 1 FROM supply_scheme_versions WHERE application_id = @application_id),
       @status, @content_json, @change_reason, @created_by, @created_at, @approved_by, @approved_at, @change_seq)
     RETURNING *`,
  ).get(row)!;
}

/** Edits a draft; approved and superseded versions are refused by the trigger. */
export function updateDraftContent(db: Db, id: number, contentJson: string, changeSeq: number): boolean {
  return (
    prepared(
      db,
      "UPDATE supply_scheme_versions SET content_json = ?, change_seq = ? WHERE id = ? AND status = 'draft'",
    ).run(contentJson, changeSeq, id).changes === 1
  );
}

/** Approves a draft and supersedes the previously approved version of the same application. */
export function approveSchemeVersion(db: Db, id: number, userId: string, at: string, changeSeq: number): void {
  prepared(
    db,
    `UPDATE supply_scheme_versions SET status = 'superseded', change_seq = @change_seq
     WHERE status = 'approved' AND application_id = (SELECT application_id FROM supply_scheme_versions WHERE id = @id)`,
  ).run({ id, change_seq: changeSeq });
  prepared(
    db,
    `UPDATE supply_scheme_versions SET status = 'approved', approved_by = ?, approved_at = ?, change_seq = ?
     WHERE id = ? AND status = 'draft'`,
  ).run(userId, at, changeSeq, id);
}

/** Records the one extension of an approved version (the trigger refuses a second one or a draft). */
export function extendSchemeVersion(db: Db, id: number, until: string, changeSeq: number): void {
  prepared(db, 'UPDATE supply_scheme_versions SET extended_until = ?, change_seq = ? WHERE id = ?').run(
    until,
    changeSeq,
    id,
  );
}

export interface ApprovedSchemeOfActive {
  application_id: number;
  version: number;
  content_json: string;
  extended_until: string | null;
}

/** The approved scheme of every open application in the given stages (R-GATE-04 expiry list). */
export function approvedSchemesInStages(
  db: Db,
  stages: readonly string[],
  applicationIds?: readonly number[],
): ApprovedSchemeOfActive[] {
  const sql = `SELECT v.application_id, v.version, v.content_json, v.extended_until
     FROM applications a JOIN supply_scheme_versions v ON v.application_id = a.id AND v.status = 'approved'
     WHERE a.status IN ('ACTIVE', 'SUSPENDED') AND a.stage IN (${stages.map(() => '?').join(', ')})`;
  if (!applicationIds) return prepared<string[], ApprovedSchemeOfActive>(db, sql).all(...stages);
  return prepared<string[], ApprovedSchemeOfActive>(db, `${sql} AND a.id IN (SELECT value FROM json_each(?))`).all(
    ...stages,
    JSON.stringify(applicationIds),
  );
}

/** The newest approved scheme version of another application on the same 户号: the supply as the account has it. */
export function approvedSchemeOnAccount(
  db: Db,
  accountNo: string,
  applicationId: number,
): SchemeVersionRow | undefined {
  return prepared<[string, number], SchemeVersionRow>(
    db,
    `SELECT v.* FROM supply_scheme_versions v JOIN applications a ON a.id = v.application_id
     WHERE a.account_no = ? AND a.id <> ? AND v.status = 'approved' ORDER BY v.id DESC LIMIT 1`,
  ).get(accountNo, applicationId);
}
