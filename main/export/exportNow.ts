/** 立即导出 and 重新发送 as the 数据导出 page runs them: the next batch, then into the configured folder. */
import type { ExportBatchInfo, ExportRunResult } from '../../shared/api/export';
import type { HandlerContext } from '../ipc/context';
import { AppError } from '../services/errors';
import { createExportBatch } from './createBatch';
import { readExportSettings } from './exportSettings';
import { hallKeysOf } from './exportStatus';
import { deliverPendingToFolder, resendToFolder } from './folderDelivery';

export async function exportNow(ctx: HandlerContext): Promise<ExportRunResult> {
  const keys = hallKeysOf(ctx);
  const created = await createExportBatch(ctx, { keys });
  const folder = readExportSettings(ctx.db).folder;
  const delivered = folder ? deliverPendingToFolder(ctx, folder, keys).map((b) => b.batch) : [];
  return { created, delivered };
}

export function resendBatch(ctx: HandlerContext, batch: number): ExportBatchInfo {
  const folder = readExportSettings(ctx.db).folder;
  if (!folder) {
    throw new AppError('ILLEGAL_STATE', '尚未设置导出文件夹：请先在“导出设置”中填写导出文件夹（共享盘或 U 盘路径）。');
  }
  return resendToFolder(ctx, batch, folder, hallKeysOf(ctx));
}
