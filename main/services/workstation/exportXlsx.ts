/**
 * 导出 Excel: the current list of 申请查询 (same text, filters and order) as an .xlsx file, built in the
 * services (worker thread) and handed back as bytes so Electron and the web harness download it the same way.
 * ID numbers and phones stay masked for every role: a file leaves the hall's control once saved, and the
 * detail view is where a role that needs a full value reads it.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ApplicationSummary } from '../../../shared/api/applications';
import { EXPORT_ROW_LIMIT, type ExportedFile } from '../../../shared/api/batch';
import type { SavedQuery } from '../../../shared/api/savedFilters';
import {
  APPLICATION_STATUS_LABELS,
  BUSINESS_TYPE_INFO,
  CUSTOMER_CLASS_LABELS,
  STAGE_LABELS,
} from '../../../shared/domain/codes';
import { DEADLINE_STATE_LABELS } from '../../../shared/workflow/clock';
import type { HandlerContext } from '../../ipc/context';
import { listApplications } from '../applications/readApplications';
import { clockOf } from '../clock';
import { searchApplications } from '../search';

const PAGE_SIZE = 2000;
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Column header, width and cell text; dates are written as text so Excel never reformats them. */
const COLUMNS: { header: string; width: number; cell: (row: ApplicationSummary) => string }[] = [
  { header: '申请编号', width: 22, cell: (r) => r.number },
  { header: '户名', width: 24, cell: (r) => r.customerName },
  { header: '业务类型', width: 14, cell: (r) => BUSINESS_TYPE_INFO[r.businessType].label },
  { header: '用户分类', width: 10, cell: (r) => CUSTOMER_CLASS_LABELS[r.customerClass] },
  { header: '环节', width: 12, cell: (r) => STAGE_LABELS[r.stage] },
  { header: '状态', width: 8, cell: (r) => APPLICATION_STATUS_LABELS[r.status] },
  { header: '时限状态', width: 10, cell: (r) => DEADLINE_STATE_LABELS[r.deadlineState] },
  { header: '到期日', width: 12, cell: (r) => r.dueDate ?? '' },
  { header: '申请日期', width: 12, cell: (r) => r.applicationDate },
  { header: '证件号码', width: 22, cell: (r) => r.idNumber },
  { header: '联系电话', width: 15, cell: (r) => r.phone },
  { header: '经办人', width: 12, cell: (r) => r.assignee ?? '' },
  { header: '用电地址', width: 48, cell: (r) => r.address },
];

/** Every row of the query, page by page on the same keyset as the screen, up to `max`. */
function* rowsOf(ctx: HandlerContext, query: SavedQuery, max: number): Generator<ApplicationSummary> {
  const { text, ...filters } = query;
  let cursor: string | undefined;
  let count = 0;
  do {
    const input = { ...filters, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) };
    const page = text ? searchApplications(ctx, { ...input, text }) : listApplications(ctx, input);
    for (const item of page.items) {
      if (count++ >= max) return;
      yield item;
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

export async function exportApplicationsXlsx(ctx: HandlerContext, query: SavedQuery): Promise<ExportedFile> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  // The streaming writer keeps memory flat at the 200,000-row cap; shared strings off (inline text is smaller
  // to build and Excel, WPS and exceljs read it alike).
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('申请查询', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width, style: { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let rows = 0;
  let truncated = false;
  for (const row of rowsOf(ctx, query, EXPORT_ROW_LIMIT + 1)) {
    if (rows === EXPORT_ROW_LIMIT) {
      truncated = true;
      break;
    }
    sheet.addRow(COLUMNS.map((c) => c.cell(row))).commit();
    rows++;
  }
  if (truncated) {
    sheet
      .addRow([`仅导出前 ${EXPORT_ROW_LIMIT.toLocaleString('zh-CN')} 条，其余未导出：请缩小筛选范围后分批导出。`])
      .commit();
  }
  sheet.commit();
  await workbook.commit();
  const { today } = clockOf(ctx);
  return {
    fileName: `申请查询-${today}.xlsx`,
    mimeType: XLSX_MIME,
    base64: Buffer.concat(chunks).toString('base64'),
    rows,
    truncated,
  };
}
