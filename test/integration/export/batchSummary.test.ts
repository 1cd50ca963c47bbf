/**
 * summary-<hall>-<batch>.xlsx beside each bundle, read back with exceljs: counts by business type, stage and
 * deadline state add up to the hall's applications, the overdue list is exactly the overdue ones, and the
 * folder delivery copies it beside the bundle.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { applicationCounts } from '../../../main/db/repositories/exportRepo';
import { DEADLINE_STATE_SQL } from '../../../main/db/repositories/workbenchRepo';
import { outboxDir } from '../../../main/export/createBatch';
import { hallKeysOf } from '../../../main/export/exportStatus';
import { deliverPendingToFolder } from '../../../main/export/folderDelivery';
import { openStore, type Store } from '../store/storeFixture';
import { addDemo, exportNow, tempDir } from './exportFixture';

const stores: Store[] = [];
afterEach(() => stores.splice(0).forEach((s) => s.close()));

const values = (sheet: ExcelJS.Worksheet) =>
  sheet
    .getSheetValues()
    .slice(2)
    .map((row) => (row as ExcelJS.CellValue[]).slice(1));

describe('batch summary workbook', () => {
  it('sits beside the bundle with counts equal to the hall’s and the overdue applications', async () => {
    const store = openStore({ now: '2026-03-02T01:00:00Z' });
    stores.push(store);
    addDemo(store.ctx(), 40);
    const batch = (await exportNow(store.ctx()))!;
    const file = path.join(outboxDir(store.dir), 'summary-NJ0101-000001.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['概况', '统计', '超期申请']);
    for (const sheet of workbook.worksheets) {
      // Header row bold and frozen, columns as wide as set.
      expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(sheet.getRow(2).getCell(1).font?.bold).toBeFalsy();
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    }
    expect(workbook.getWorksheet('超期申请')!.getColumn(2).width).toBe(24);
    expect(workbook.getWorksheet('超期申请')!.getRow(1).values).toEqual([
      undefined,
      '申请编号',
      '户名',
      '业务类型',
      '环节',
      '到期日',
      '经办人',
    ]);
    const overview = new Map(values(workbook.getWorksheet('概况')!).map(([k, v]) => [k, v]));
    expect(overview.get('批次')).toBe(1);
    expect(overview.get('变更序号')).toBe(`${batch.fromSeq}–${batch.toSeq}`);
    const db = store.ctx().db;
    const applications = db.prepare('SELECT count(*) FROM applications').pluck().get();
    expect(overview.get('行数：applications')).toBe(applications);
    const counts = values(workbook.getWorksheet('统计')!);
    expect(counts.reduce((sum, row) => sum + (row[3] as number), 0)).toBe(applications);
    const overdue = db
      .prepare("SELECT number FROM applications WHERE due_date < '2026-03-02' ORDER BY due_date, number")
      .pluck()
      .all();
    expect(overdue.length).toBeGreaterThan(0);
    expect(values(workbook.getWorksheet('超期申请')!).map((row) => row[0])).toEqual(overdue);
    const overdueCount = counts.filter((row) => row[2] === '超期').reduce((sum, row) => sum + (row[3] as number), 0);
    expect(overdueCount).toBe(overdue.length);

    const folder = tempDir('yekuo-summary-out-');
    deliverPendingToFolder(store.ctx(), folder, hallKeysOf(store.ctx()));
    expect(fs.readFileSync(path.join(folder, 'summary-NJ0101-000001.xlsx'))).toEqual(fs.readFileSync(file));
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('counts from the tally kept by triggers exactly what counting every application gives, after moves and cancellations', () => {
    const store = openStore({ now: '2026-03-02T01:00:00Z' });
    stores.push(store);
    addDemo(store.ctx(), 60, 7);
    const db = store.ctx().db;
    const everyApplication = db
      .prepare(
        `SELECT a.business_type, a.stage, ${DEADLINE_STATE_SQL} AS state, count(*) AS n FROM applications a
         GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      )
      .all({ today: '2026-03-02' });
    const states = new Set(everyApplication.map((row) => (row as { state: string }).state));
    expect([...states].sort()).toEqual(expect.arrayContaining(['NONE', 'NORMAL', 'OVERDUE']));
    expect(applicationCounts(db, '2026-03-02')).toEqual(everyApplication);
  });
});
