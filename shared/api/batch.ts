/** 批量操作 on the rows selected in 申请查询, and the export of the current list. */
import { z } from 'zod';
import type { Stage } from '../domain/codes';
import type { DownloadedDocument } from './documents';
import type { FieldProblem, ErrorCode } from './result';
import { savedQuerySchema } from './savedFilters';

/** One batch touches at most this many applications: a bigger selection is a filter, not a selection. */
export const BATCH_LIMIT = 500;
/** Rows per export file; beyond it the file says it was cut short and the list should be narrowed. */
export const EXPORT_ROW_LIMIT = 200_000;

const numbers = z
  .array(z.string().min(1).max(40))
  .min(1, '请先勾选申请')
  .max(BATCH_LIMIT, `一次最多处理 ${BATCH_LIMIT} 件申请，请分批操作`)
  .describe('所选申请');

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, '文件标识应为 64 位十六进制');

export const batchInputs = {
  advanceMany: z.object({ numbers }),
  schemeReplies: z.object({ numbers }).strict(),
  /** Generated replies (by file hash): to join into one PDF, or, after that file was printed, to log. */
  replyFiles: z
    .object({ documents: z.array(sha256).min(1, '请先生成答复单').max(BATCH_LIMIT).describe('答复单') })
    .strict(),
  assign: z.object({
    numbers,
    /** null clears the assignment. */
    assignee: z.string().trim().min(1, '请选择经办人').max(64).nullable().describe('经办人'),
  }),
  exportXlsx: savedQuerySchema,
};

/** An application a batch left alone, with the code and the Chinese reason the single action would give. */
export interface BatchRefusal {
  number: string;
  ok: false;
  code: ErrorCode;
  message: string;
  problems?: FieldProblem[];
}

/** What happened to one application of a batch: done (and where it stands now) or refused with the reason. */
export type BatchOutcome = { number: string; ok: true; stage: Stage; assignee: string | null } | BatchRefusal;

/** One application of 批量打印答复单: its reply was generated (to go into the merged file), or why it could not. */
export type ReplyOutcome =
  { number: string; ok: true; documentNo: string; sha256: string; pageCount: number } | BatchRefusal;

/** The generated replies as ONE PDF to print in one go, in the order selected. */
export type MergedReplies = DownloadedDocument & { pageCount: number };

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  base64: string;
  rows: number;
  /** True when the list had more than EXPORT_ROW_LIMIT rows and only the first were written. */
  truncated: boolean;
}
