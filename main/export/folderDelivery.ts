/**
 * 写入文件夹: copies recorded bundles (with hall-<code>.pub beside them) into a delivery folder — a shared
 * drive or a USB disk — through a temp name, fsync and rename, so HQ never picks up half a file. Only recorded
 * batches leave the outbox, so a bundle in the folder is always one the hall has counted.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ExportBatchInfo } from '../../shared/api/export';
import {
  exportBatch,
  markFolderDelivery,
  unacknowledgedBatches,
  type ExportBatchRow,
} from '../db/repositories/exportRepo';
import type { HandlerContext } from '../ipc/context';
import { fsyncFile, fsyncFolder } from '../services/durableFiles';
import { AppError } from '../services/errors';
import { requireHall } from '../services/hall';
import type { HallKeys } from '../services/keys/hallKeys';
import { sha256OfFile } from '../services/sha256OfFile';
import { batchInfoOf } from './batchInfo';
import { outboxDir, writeFileDurably } from './createBatch';
import { publicKeyFileName } from './format';

/** The recorded bundle in the outbox, checked against the ledger: a re-send is provably the same bytes. */
export function storedBundle(ctx: HandlerContext, row: ExportBatchRow): string {
  const file = path.join(outboxDir(ctx.dataDir), row.file);
  if (!fs.existsSync(file)) {
    throw new AppError(
      'NOT_FOUND',
      `第 ${row.batch_no} 批的导出文件 ${row.file} 已不在数据目录的 exports 文件夹中：请从备份恢复该文件后再重新发送。`,
    );
  }
  if (sha256OfFile(file) !== row.sha256) {
    throw new AppError(
      'CONFLICT',
      `第 ${row.batch_no} 批的导出文件 ${row.file} 与导出记录的校验值不符（文件被改动或损坏），未发送：请从备份恢复该文件。`,
    );
  }
  return file;
}

function copyDurably(source: string, target: string): void {
  const temp = `${target}.${process.pid}.tmp`;
  try {
    fs.copyFileSync(source, temp);
    fsyncFile(temp);
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    const code = (error as { code?: string }).code;
    if (code === 'ENOSPC')
      throw new AppError('STORAGE', `导出文件夹 ${path.dirname(target)} 磁盘空间不足：请清理后重试。`);
    throw error;
  }
}

function deliverRow(ctx: HandlerContext, row: ExportBatchRow, folder: string, keys: HallKeys): ExportBatchInfo {
  const source = storedBundle(ctx, row);
  copyDurably(source, path.join(folder, row.file));
  const summary = path.join(outboxDir(ctx.dataDir), summaryOf(row.file));
  if (fs.existsSync(summary)) copyDurably(summary, path.join(folder, summaryOf(row.file)));
  writeFileDurably(path.join(folder, publicKeyFileName(requireHall(ctx).code)), keys.publicKeyPem);
  fsyncFolder(folder);
  markFolderDelivery(ctx.db, row.batch_no, folder, (ctx.now?.() ?? new Date()).toISOString());
  return batchInfoOf(exportBatch(ctx.db, row.batch_no)!);
}

/** summary-<code>-<NNNNNN>.xlsx beside yekuo-<code>-<NNNNNN>.zip. */
export function summaryOf(bundleFile: string): string {
  return bundleFile.replace(/^yekuo-/, 'summary-').replace(/\.zip$/, '.xlsx');
}

function ensureFolder(folder: string): string {
  const dir = path.resolve(folder);
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    throw new AppError('BAD_INPUT', `导出文件夹 ${dir} 无法创建或不可写：请检查路径、U 盘或网络盘是否已连接。`);
  }
  return dir;
}

/** Copies one recorded batch (again) into `folder`: 重新发送, byte-identical. */
export function resendToFolder(ctx: HandlerContext, batchNo: number, folder: string, keys: HallKeys): ExportBatchInfo {
  const row = exportBatch(ctx.db, batchNo);
  if (!row) throw new AppError('NOT_FOUND', `没有第 ${batchNo} 批导出记录：请用 yekuo export status 查看已有批次。`);
  return deliverRow(ctx, row, ensureFolder(folder), keys);
}

/**
 * Copies every batch not yet in a folder (and not yet receipted by HQ) into `folder`, oldest first: the new
 * batch, and any batch whose copy a crash interrupted.
 */
export function deliverPendingToFolder(ctx: HandlerContext, folder: string, keys: HallKeys): ExportBatchInfo[] {
  const dir = ensureFolder(folder);
  return unacknowledgedBatches(ctx.db)
    .filter((row) => row.folder_at === null || row.folder !== dir)
    .map((row) => deliverRow(ctx, row, dir, keys));
}
