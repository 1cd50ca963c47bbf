/** 批量操作 on the rows selected in 申请查询, and the export of the current list. */
import { z } from 'zod';
import type { Stage } from '../domain/codes';
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

export const batchInputs = {
  advanceMany: z.object({ numbers }),
  assign: z.object({
    numbers,
    /** null clears the assignment. */
    assignee: z.string().trim().min(1, '请选择经办人').max(64).nullable().describe('经办人'),
  }),
  exportXlsx: savedQuerySchema,
};

/** What happened to one application of a batch: done (and where it stands now) or refused with the reason. */
export type BatchOutcome =
  | { number: string; ok: true; stage: Stage; assignee: string | null }
  | { number: string; ok: false; code: ErrorCode; message: string; problems?: FieldProblem[] };

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  base64: string;
  rows: number;
  /** True when the list had more than EXPORT_ROW_LIMIT rows and only the first were written. */
  truncated: boolean;
}
