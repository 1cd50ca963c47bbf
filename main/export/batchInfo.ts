import type { DeliveryState, ExportBatchInfo } from '../../shared/api/export';
import type { ExportBatchRow } from '../db/repositories/exportRepo';

function deliveryOf(row: ExportBatchRow): DeliveryState {
  if (row.receipt_json) return 'RECEIPTED';
  return row.folder_at ? 'IN_FOLDER' : 'PENDING';
}

/** A ledger row as the page, the CLI and the handlers show it. */
export function batchInfoOf(row: ExportBatchRow): ExportBatchInfo {
  return {
    batch: row.batch_no,
    fromSeq: row.from_seq,
    toSeq: row.to_seq,
    file: row.file,
    sha256: row.sha256,
    size: row.size,
    createdAt: row.created_at,
    privacy: row.privacy === 'masked' ? 'masked' : 'full',
    rows: JSON.parse(row.row_counts_json) as Record<string, number>,
    auditHead: { id: row.audit_head_id, hash: row.audit_head_hash },
    delivery: deliveryOf(row),
    folder: row.folder,
    folderAt: row.folder_at,
    receiptAt: row.receipt_at,
    sendAttempts: row.send_attempts,
    nextSendAt: row.next_send_at,
    lastSendError: row.last_send_error,
  };
}
