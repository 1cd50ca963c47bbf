/** 导出状态: the ledger, the settings and what is still to export. */
import type { ExportStatus } from '../../shared/api/export';
import { currentChangeSeq } from '../db/repositories/changeCounter';
import { lastExportBatch, listExportBatches } from '../db/repositories/exportRepo';
import type { HandlerContext } from '../ipc/context';
import { requireHall } from '../services/hall';
import { loadOrCreateHallKeys, type HallKeys } from '../services/keys/hallKeys';
import { hallKeyStoreOfContext } from '../services/auditAnchors';
import { batchInfoOf } from './batchInfo';
import { readExportSettings } from './exportSettings';

/** The hall key pair: the desktop's safeStorage-backed store, else the data folder's key file. */
export function hallKeysOf(ctx: HandlerContext): HallKeys {
  return loadOrCreateHallKeys(hallKeyStoreOfContext(ctx));
}

export function exportStatus(ctx: HandlerContext, limit = 200): ExportStatus {
  const hall = requireHall(ctx);
  return {
    hallCode: hall.code,
    watermark: lastExportBatch(ctx.db)?.to_seq ?? 0,
    currentSeq: currentChangeSeq(ctx.db),
    batches: listExportBatches(ctx.db, limit).map(batchInfoOf),
    settings: readExportSettings(ctx.db),
    nextRun: null,
    overdueReceipts: [],
  };
}
