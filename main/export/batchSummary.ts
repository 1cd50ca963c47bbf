/**
 * summary-<hall>-<NNNNNN>.xlsx: the batch for people, beside the bundle (not part of the signed data). Sheets:
 * 概况 (hall, batch, range, rows per table), 统计 (every application by business type, stage and deadline state
 * on the day of the export) and 超期申请 (the overdue applications, longest overdue first). Streamed, so memory
 * stays flat for a hall of any size; written to a temp name, fsynced and renamed like the bundle.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { BUSINESS_TYPE_INFO, STAGE_LABELS, type BusinessType, type Stage } from '../../shared/domain/codes';
import { DEADLINE_STATE_LABELS, type DeadlineState } from '../../shared/workflow/clock';
import type { Db } from '../db/connection';
import { applicationCounts, iterateOverdue } from '../db/repositories/exportRepo';
import { fsyncFile, fsyncFolder, nodeIo } from './exportIo';
import type { Manifest } from './format';
import path from 'node:path';

const typeLabel = (code: string) => BUSINESS_TYPE_INFO[code as BusinessType]?.label ?? code;
const stageLabel = (code: string) => STAGE_LABELS[code as Stage] ?? code;
const stateLabel = (code: string) => DEADLINE_STATE_LABELS[code as DeadlineState] ?? code;

function sheetWith(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: [string, number][]) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map(([header, width]) => ({ header, width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  return sheet;
}

export async function writeBatchSummary(db: Db, target: string, manifest: Manifest, today: string): Promise<void> {
  const temp = `${target}.${process.pid}.tmp`;
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: temp,
      useStyles: true,
      useSharedStrings: false,
    });
    const overview = sheetWith(workbook, '概况', [
      ['项目', 24],
      ['内容', 48],
    ]);
    const facts: [string, string | number][] = [
      ['营业厅', `${manifest.hall.code} ${manifest.hall.name}`],
      ['批次', manifest.batch],
      ['变更序号', `${manifest.changeSeq.from}–${manifest.changeSeq.to}`],
      ['生成时间（UTC）', manifest.createdAt],
      ['统计日期', today],
      ['个人信息', manifest.privacy === 'masked' ? '脱敏' : '完整'],
      ...manifest.entries.flatMap((e): [string, number][] => (e.table ? [[`行数：${e.table}`, e.rows ?? 0]] : [])),
    ];
    for (const fact of facts) overview.addRow(fact).commit();
    overview.commit();

    const counts = sheetWith(workbook, '统计', [
      ['业务类型', 16],
      ['环节', 16],
      ['时限状态', 12],
      ['件数', 10],
    ]);
    for (const row of applicationCounts(db, today)) {
      counts.addRow([typeLabel(row.business_type), stageLabel(row.stage), stateLabel(row.state), row.n]).commit();
    }
    counts.commit();

    const overdue = sheetWith(workbook, '超期申请', [
      ['申请编号', 22],
      ['户名', 24],
      ['业务类型', 14],
      ['环节', 14],
      ['到期日', 12],
      ['经办人', 12],
    ]);
    for (const row of iterateOverdue(db, today)) {
      overdue
        .addRow([
          row.number,
          row.customer_name,
          typeLabel(row.business_type),
          stageLabel(row.stage),
          row.due_date,
          row.assignee ?? '',
        ])
        .commit();
    }
    overdue.commit();
    await workbook.commit();
    fsyncFile(nodeIo, temp);
    fs.renameSync(temp, target);
    fsyncFolder(path.dirname(target));
  } finally {
    fs.rmSync(temp, { force: true });
  }
}
