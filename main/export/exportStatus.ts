/** 导出状态: the ledger, the settings and what is still to export. */
import type { ExportStatus } from '../../shared/api/export';
import { currentChangeSeq } from '../db/repositories/changeCounter';
import { lastExportBatch, listExportBatches } from '../db/repositories/exportRepo';
import type { HandlerContext } from '../ipc/context';
import { requireHall } from '../services/hall';
import { loadOrCreateHallKeys, type HallKeys } from '../services/keys/hallKeys';
import { hallKeyStoreOf } from '../services/keys/fileKeyStore';
import { batchInfoOf } from './batchInfo';
import { readExportSettings } from './exportSettings';

/** The hall key pair of a data folder (file key store; the desktop's safeStorage store plugs in here). */
export function hallKeysOf(ctx: HandlerContext): HallKeys {
  return loadOrCreateHallKeys(hallKeyStoreOf(ctx.dataDir));
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
