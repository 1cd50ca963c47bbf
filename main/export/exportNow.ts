/** 立即导出 and 重新发送 as the 数据导出 page runs them: the next batch, then into the configured folder. */
import type { ExportBatchInfo, ExportProgress, ExportRunResult } from '../../shared/api/export';
import type { HandlerContext } from '../ipc/context';
import { AppError } from '../services/errors';
import { createExportBatch, type ExportRun } from './createBatch';
import { readExportSettings } from './exportSettings';
import { hallKeysOf } from './exportStatus';
import { deliverPendingToFolder, resendToFolder } from './folderDelivery';
import { deliverOutbox, NO_HQ_KEY } from './hqDelivery';

/** The export running on each data folder, as its last progress report: what `export.progress` answers. */
const running = new Map<string, ExportProgress>();

export function exportProgress(ctx: HandlerContext): ExportProgress | null {
  return running.get(ctx.dataDir) ?? null;
}

/**
 * The next batch, then every destination configured: the folder, and HQ's receiver (the whole outbox, or only
 * the batches whose retry is due when the scheduler runs it). Its progress is readable meanwhile
 * (exportProgress), from the first report until it ends.
 */
export async function exportNow(
  ctx: HandlerContext,
  { dueOnly = false, onProgress }: { dueOnly?: boolean; onProgress?: ExportRun['onProgress'] } = {},
): Promise<ExportRunResult> {
  const report = (progress: ExportProgress) => {
    running.set(ctx.dataDir, progress);
    onProgress?.(progress);
  };
  try {
    return await exportAndDeliver(ctx, dueOnly, report);
  } finally {
    running.delete(ctx.dataDir);
  }
}

async function exportAndDeliver(
  ctx: HandlerContext,
  dueOnly: boolean,
  report: (progress: ExportProgress) => void,
): Promise<ExportRunResult> {
  const keys = hallKeysOf(ctx);
  const created = await createExportBatch(ctx, { keys, onProgress: report });
  report({ phase: 'deliver', tablesDone: 0, tables: 0, rows: 0 });
  const settings = readExportSettings(ctx.db);
  const delivered = settings.folder ? deliverPendingToFolder(ctx, settings.folder, keys).map((b) => b.batch) : [];
  if (!settings.hqUrl) return { created, delivered, sent: [], sendError: null };
  if (!settings.hqPublicKey) return { created, delivered, sent: [], sendError: NO_HQ_KEY };
  const outbox = await deliverOutbox(ctx, { url: settings.hqUrl, hqPublicKey: settings.hqPublicKey, dueOnly });
  return { created, delivered, sent: outbox.delivered, sendError: outbox.failed?.message ?? null };
}

export function resendBatch(ctx: HandlerContext, batch: number): ExportBatchInfo {
  const folder = readExportSettings(ctx.db).folder;
  if (!folder) {
    throw new AppError('ILLEGAL_STATE', '尚未设置导出文件夹：请先在“导出设置”中填写导出文件夹（共享盘或 U 盘路径）。');
  }
  return resendToFolder(ctx, batch, folder, hallKeysOf(ctx));
}
