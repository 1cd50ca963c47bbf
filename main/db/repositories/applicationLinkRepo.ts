/** Links between applications (migration 0006): the 销户 (CLOSE) of a 迁址's (RELOC) old site. */
import type { Db } from '../connection';
import { prepared } from '../statements';

export type LinkKind = 'RELOC_OLD_SITE';

export interface LinkedApplicationRow {
  id: number;
  number: string;
  business_type: string;
  stage: string;
  status: string;
  kind: LinkKind;
  /** Whether the other application is the link's `application_id` side (the 迁址) rather than its `linked_id`. */
  is_owner: 0 | 1;
}

export function insertLink(
  db: Db,
  link: { application_id: number; linked_id: number; kind: LinkKind; created_at: string; change_seq: number },
): void {
  prepared(
    db,
    `INSERT INTO application_links (application_id, linked_id, kind, created_at, change_seq)
     VALUES (@application_id, @linked_id, @kind, @created_at, @change_seq)`,
  ).run(link);
}

/** The applications linked to `id`, from either side of the link. */
export function linkedApplications(db: Db, id: number): LinkedApplicationRow[] {
  return prepared<[number, number], LinkedApplicationRow>(
    db,
    `SELECT a.id, a.number, a.business_type, a.stage, a.status, l.kind, 0 AS is_owner
       FROM application_links l JOIN applications a ON a.id = l.linked_id WHERE l.application_id = ?
     UNION ALL
     SELECT a.id, a.number, a.business_type, a.stage, a.status, l.kind, 1 AS is_owner
       FROM application_links l JOIN applications a ON a.id = l.application_id WHERE l.linked_id = ?
     ORDER BY 1`,
  ).all(id, id);
}
