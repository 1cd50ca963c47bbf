/** Statements both HQ stores run the same way (`?` placeholders; the PostgreSQL store numbers them). */
import type { Manifest } from '../export/format';
import type { SqlValue } from './hqStore';
import type { Row } from './readBundle';

export type Exec = (sql: string, params: SqlValue[]) => Promise<unknown> | unknown;

/** Records the imported batch, its signed audit head, and the gaps it reveals; a batch that fills a gap clears it. */
export async function recordBatch(
  exec: Exec,
  manifest: Manifest,
  bundleSha: string,
  importedAt: string,
  gaps: number[],
) {
  const rows: Record<string, number> = {};
  for (const entry of manifest.entries) if (entry.table) rows[entry.table] = entry.rows ?? 0;
  await exec(
    `INSERT INTO hq_batches (hall_code, batch_no, from_seq, to_seq, bundle_sha256, created_at, imported_at, privacy,
       schema_version, audit_first_id, audit_first_prev, audit_head_id, audit_head_hash, row_counts)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      manifest.hall.code,
      manifest.batch,
      manifest.changeSeq.from,
      manifest.changeSeq.to,
      bundleSha,
      manifest.createdAt,
      importedAt,
      manifest.privacy,
      manifest.schemaVersion,
      manifest.audit.first?.id ?? null,
      manifest.audit.first?.prevHash ?? null,
      manifest.audit.head.id,
      manifest.audit.head.hash,
      JSON.stringify(rows),
    ],
  );
  const signed = manifest.audit.signedHead;
  if (signed) {
    await exec(
      `INSERT INTO hq_audit_anchors (hall_code, batch_no, entry_id, entry_hash, reason, at, key_fingerprint, signature)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        manifest.hall.code,
        manifest.batch,
        signed.entryId,
        signed.entryHash,
        signed.reason,
        signed.at,
        signed.keyFingerprint,
        signed.signature,
      ],
    );
  }
  await exec('DELETE FROM hq_gaps WHERE hall_code = ? AND batch_no = ?', [manifest.hall.code, manifest.batch]);
  for (const gap of gaps) {
    await exec('INSERT INTO hq_gaps (hall_code, batch_no, detected_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [
      manifest.hall.code,
      gap,
      importedAt,
    ]);
  }
}

/**
 * An application's checklist is rewritten whole at the hall (one change_seq for all its rows): stored rows of
 * the applications in this chunk with an older change_seq are dropped before the new ones are merged.
 */
export async function dropStaleChecklists(exec: Exec, hallCode: string, rows: Row[]) {
  const newest = new Map<number, number>();
  for (const row of rows) {
    const id = row.application_id as number;
    newest.set(id, Math.max(newest.get(id) ?? 0, row.change_seq as number));
  }
  for (const [applicationId, changeSeq] of newest) {
    await exec('DELETE FROM hq_required_documents WHERE hall_code = ? AND application_id = ? AND change_seq < ?', [
      hallCode,
      applicationId,
      changeSeq,
    ]);
  }
}
