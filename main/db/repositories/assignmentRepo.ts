import type { Db } from '../connection';
import { prepared } from '../statements';

/** Sets 经办人 under the same optimistic version check as every other edit; false when the row changed. */
export function setAssignee(
  db: Db,
  row: { id: number; version: number },
  change: { assignee: string | null; updatedAt: string; changeSeq: number },
): boolean {
  return (
    prepared(
      db,
      `UPDATE applications SET assignee = ?, updated_at = ?, change_seq = ?, version = version + 1
       WHERE id = ? AND version = ?`,
    ).run(change.assignee, change.updatedAt, change.changeSeq, row.id, row.version).changes === 1
  );
}
