/**
 * .xlsx of a 统计与风险 chart's data: the same tables as the CLI (shared/stats/tables.ts), built with exceljs and
 * handed back as bytes, as 申请查询's 导出 Excel does (workstation/exportXlsx.ts), so Electron and the web harness
 * download it the same way.
 */
import ExcelJS from 'exceljs';
import type { ExportedFile } from '../../../shared/api/batch';
import type { StatsTableRequest } from '../../../shared/api/stats';
import {
  connectionTable,
  forecastHistoryTable,
  forecastTable,
  stageTable,
  transitionTable,
  type Table,
} from '../../../shared/stats/tables';
import type { HandlerContext } from '../../ipc/context';
import { clockOf } from '../clock';
import { XLSX_MIME } from '../workstation/exportXlsx';
import { forecastReport } from './forecastReport';
import { processReport } from './processReport';

function tablesOf(ctx: HandlerContext, request: StatsTableRequest): Table[] {
  if (request.table === 'forecast') {
    const report = forecastReport(ctx);
    return [forecastTable(report), forecastHistoryTable(report)];
  }
  const report = processReport(ctx, request.filter ?? {});
  return [stageTable(report), connectionTable(report), transitionTable(report)];
}

/** The tables as one workbook, a sheet per table, handed back as a download named `<name>-<today>.xlsx`. */
export async function tablesXlsx(tables: readonly Table[], name: string, today: string): Promise<ExportedFile> {
  const workbook = new ExcelJS.Workbook();
  let rows = 0;
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.title, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.headers.map((header) => ({ header, width: Math.max(10, header.length * 2 + 2) }));
    sheet.getRow(1).font = { bold: true };
    sheet.addRows(table.rows);
    rows += table.rows.length;
  }
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return {
    fileName: `${name}-${today}.xlsx`,
    mimeType: XLSX_MIME,
    base64: bytes.toString('base64'),
    rows,
    truncated: false,
  };
}

export function statsXlsx(ctx: HandlerContext, request: StatsTableRequest): Promise<ExportedFile> {
  const name = request.table === 'forecast' ? '业务量预测' : '流程分析';
  return tablesXlsx(tablesOf(ctx, request), name, clockOf(ctx).today);
}
