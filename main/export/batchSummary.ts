/**
 * summary-<hall>-<NNNNNN>.xlsx: the batch for people, beside the bundle (not part of the signed data). Sheets:
 * 概况 (hall, batch, range, rows per table), 统计 (every application by business type, stage and deadline state
 * on the day of the export) and 超期申请 (the overdue applications, longest overdue first). Built in memory
 * (a hall's open applications do not accumulate: a few thousand rows, about 1 MB of XML) by summaryXlsx.ts,
 * written to a temp name, fsynced and renamed like the bundle.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BUSINESS_TYPE_INFO, STAGE_LABELS, type BusinessType, type Stage } from '../../shared/domain/codes';
import { DEADLINE_STATE_LABELS, type DeadlineState } from '../../shared/workflow/clock';
import type { Db } from '../db/connection';
import { applicationCounts, iterateOverdue } from '../db/repositories/exportRepo';
import { fsyncFolder } from '../services/durableFiles';
import { fsyncFile, nodeIo } from './exportIo';
import type { Manifest } from './format';
import { writeSummaryXlsx, type SummaryCell } from './summaryXlsx';

const typeLabel = (code: string) => BUSINESS_TYPE_INFO[code as BusinessType]?.label ?? code;
const stageLabel = (code: string) => STAGE_LABELS[code as Stage] ?? code;
const stateLabel = (code: string) => DEADLINE_STATE_LABELS[code as DeadlineState] ?? code;

function* overdueRows(db: Db, today: string): Iterable<SummaryCell[]> {
  for (const row of iterateOverdue(db, today)) {
    yield [
      row.number,
      row.customer_name,
      typeLabel(row.business_type),
      stageLabel(row.stage),
      row.due_date,
      row.assignee ?? '',
    ];
  }
}

export async function writeBatchSummary(db: Db, target: string, manifest: Manifest, today: string): Promise<void> {
  const temp = `${target}.${process.pid}.tmp`;
  try {
    const facts: [string, SummaryCell][] = [
      ['营业厅', `${manifest.hall.code} ${manifest.hall.name}`],
      ['批次', manifest.batch],
      ['变更序号', `${manifest.changeSeq.from}–${manifest.changeSeq.to}`],
      ['生成时间（UTC）', manifest.createdAt],
      ['统计日期', today],
      ['个人信息', manifest.privacy === 'masked' ? '脱敏' : '完整'],
      ...manifest.entries.flatMap((e): [string, number][] => (e.table ? [[`行数：${e.table}`, e.rows ?? 0]] : [])),
    ];
    await writeSummaryXlsx(nodeIo, temp, [
      {
        name: '概况',
        columns: [
          ['项目', 24],
          ['内容', 48],
        ],
        rows: facts,
      },
      {
        name: '统计',
        columns: [
          ['业务类型', 16],
          ['环节', 16],
          ['时限状态', 12],
          ['件数', 10],
        ],
        rows: applicationCounts(db, today).map((row) => [
          typeLabel(row.business_type),
          stageLabel(row.stage),
          stateLabel(row.state),
          row.n,
        ]),
      },
      {
        name: '超期申请',
        columns: [
          ['申请编号', 22],
          ['户名', 24],
          ['业务类型', 14],
          ['环节', 14],
          ['到期日', 12],
          ['经办人', 12],
        ],
        rows: overdueRows(db, today),
      },
    ]);
    fsyncFile(nodeIo, temp);
    fs.renameSync(temp, target);
    fsyncFolder(path.dirname(target));
  } finally {
    fs.rmSync(temp, { force: true });
  }
}
