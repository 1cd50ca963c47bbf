/** A stored document as data, for the web harness, where a download replaces printing. */
import fs from 'node:fs';
import path from 'node:path';
import type { DownloadedDocument } from '../../../shared/api/documents';
import { documentBySha } from '../../db/repositories/documentRepo';
import type { HandlerContext } from '../../ipc/context';
import { AppError } from '../errors';
import { documentPath } from './fileStore';

const MIME: Record<string, string> = { '.pdf': 'application/pdf', '.png': 'image/png', '.jpg': 'image/jpeg' };

/**
 * A recorded file, or one prepared for printing and not yet recorded (the 副本 of a signed contract gets its row
 * when its print is confirmed): both sit in the file store under their hash.
 */
export function downloadDocument(ctx: HandlerContext, sha256: string): DownloadedDocument {
  const row = documentBySha(ctx.db, sha256);
  const stored = row?.path ?? documentPath(sha256);
  const file = path.join(ctx.dataDir, stored);
  if (!fs.existsSync(file)) {
    if (!row) throw new AppError('NOT_FOUND', `找不到文件 ${sha256.slice(0, 16)}…：请重新生成该文书。`);
    throw new AppError('STORAGE', `文书文件 ${row.path} 不在数据目录中：请从备份恢复或重新生成。`);
  }
  const extension = path.extname(stored);
  return {
    fileName: `${row?.kind ?? 'print'}-${sha256.slice(0, 16)}${extension}`,
    mimeType: MIME[extension] ?? 'application/octet-stream',
    base64: fs.readFileSync(file).toString('base64'),
  };
}
