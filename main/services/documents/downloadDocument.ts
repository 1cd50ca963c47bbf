/** A stored document as data, for the web harness, where a download replaces printing. */
import fs from 'node:fs';
import path from 'node:path';
import type { DownloadedDocument } from '../../../shared/api/documents';
import type { DocumentRow } from '../../db/repositories/contractRepo';
import { documentBySha, documentOwnerNumbers } from '../../db/repositories/documentRepo';
import type { Db } from '../../db/connection';
import type { HandlerContext } from '../../ipc/context';
import { AppError } from '../errors';
import { documentPath } from './fileStore';

const MIME: Record<string, string> = { '.pdf': 'application/pdf', '.png': 'image/png', '.jpg': 'image/jpeg' };

/** Document kinds by what the hall calls them, and whose number names the file. */
const FILE_TITLES: Record<string, [string, 'application' | 'contract']> = {
  'scheme-reply': ['供电方案答复单', 'application'],
  contract: ['供用电合同', 'contract'],
  'contract-scan': ['供用电合同签字扫描件', 'contract'],
  'work-sheet': ['装表接电工作单', 'application'],
};

/**
 * The name a download is saved under (the browser's and the desktop save dialog's default): 供电方案答复单-<申请编号>,
 * 供用电合同-<合同编号>, …; a file not yet recorded (a copy prepared for printing) is 文书-<hash>.
 */
export function documentFileName(db: Db, row: DocumentRow | undefined, sha256: string, extension: string): string {
  const title = row ? FILE_TITLES[row.kind] : undefined;
  const owner = row && title ? documentOwnerNumbers(db, row)[title[1]] : null;
  return title && owner ? `${title[0]}-${owner}${extension}` : `文书-${sha256.slice(0, 16)}${extension}`;
}

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
    fileName: documentFileName(ctx.db, row, sha256, extension),
    mimeType: MIME[extension] ?? 'application/octet-stream',
    base64: fs.readFileSync(file).toString('base64'),
  };
}
