/** 导出状态: the ledger, the settings, what is still to export, and what is late. */
import type { ExportSettings, ExportStatus } from '../../shared/api/export';
import { currentChangeSeq } from '../db/repositories/changeCounter';
import { lastExportBatch, listExportBatches, unacknowledgedBatches } from '../db/repositories/exportRepo';
import type { HandlerContext } from '../ipc/context';
import { clockOf, shanghaiDate, type Clock } from '../services/clock';
import { requireHall } from '../services/hall';
import { loadOrCreateHallKeys, publicKeyFingerprint, type HallKeys } from '../services/keys/hallKeys';
import { hallKeyStoreOfContext } from '../services/auditAnchors';
import { batchInfoOf } from './batchInfo';
import { readExportSettings } from './exportSettings';
import { lastExportAt, nextRunOf } from './schedule';

/** The hall key pair: the desktop's safeStorage-backed store, else the data folder's key file. */
export function hallKeysOf(ctx: HandlerContext): HallKeys {
  return loadOrCreateHallKeys(hallKeyStoreOfContext(ctx));
}

/** True when more than `workdays` working days have passed since the instant `since` (Shanghai dates). */
function lateBy(clock: Clock, since: string, workdays: number): boolean {
  return clock.calendar.addWorkdays(shanghaiDate(new Date(since)), workdays) < clock.today;
}

function fingerprintOf(settings: ExportSettings): string | null {
  if (!settings.hqPublicKey) return null;
  try {
    return publicKeyFingerprint(settings.hqPublicKey);
  } catch {
    return null;
  }
}

export function exportStatus(ctx: HandlerContext, limit = 200): ExportStatus {
  const hall = requireHall(ctx);
  const settings = readExportSettings(ctx.db);
  const clock = clockOf(ctx);
  const last = lastExportBatch(ctx.db);
  const watermark = last?.to_seq ?? 0;
  const currentSeq = currentChangeSeq(ctx.db);
  // Receipts are only expected from HQ's receiver; a folder is picked up without an answer.
  const overdueReceipts = settings.hqUrl
    ? unacknowledgedBatches(ctx.db)
        .filter((row) => lateBy(clock, row.created_at, settings.receiptWorkdays))
        .map((row) => row.batch_no)
    : [];
  const hasDestination = settings.hqUrl !== '' || settings.folder !== '';
  const sinceInstant = last?.created_at ?? null;
  const exportOverdue =
    hasDestination &&
    currentSeq > watermark &&
    (sinceInstant === null || lateBy(clock, sinceInstant, settings.receiptWorkdays));
  const now = ctx.now?.() ?? new Date();
  const nextRun = nextRunOf(settings.schedule, lastExportAt(ctx.db), now);
  return {
    hallCode: hall.code,
    watermark,
    currentSeq,
    batches: listExportBatches(ctx.db, limit).map(batchInfoOf),
    settings,
    nextRun: nextRun?.toISOString() ?? null,
    overdueReceipts,
    exportOverdue,
    hqKeyFingerprint: fingerprintOf(settings),
  };
}
