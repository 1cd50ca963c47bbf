/**
 * The batch summary's own xlsx writer, read back with exceljs: text that needs escaping, characters XML cannot
 * hold, spaces at the ends, numbers, many columns, and the same bytes for the same sheets.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeIo } from '../../../main/export/exportIo';
import { writeSummaryXlsx, type SummarySheet } from '../../../main/export/summaryXlsx';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function tempFile(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yekuo-xlsx-'));
  dirs.push(dir);
  return path.join(dir, name);
}

const sheets: SummarySheet[] = [
  {
    name: '甲 & <乙>',
    columns: [
      ['名称', 20],
      ['件数', 8],
    ],
    rows: [
      ['南京<某>公司 & "子"', 3],
      ['  前后空格  ', 0.5],
      ['控制\u0001字符\u001f', -2],
    ],
  },
  {
    name: '宽',
    columns: Array.from({ length: 28 }, (_, i): [string, number] => [`列${i + 1}`, 6]),
    rows: [Array.from({ length: 28 }, (_, i) => i + 1)],
  },
];

describe('summary xlsx writer', () => {
  it('writes cells exceljs reads back as written, with the header bold and frozen', async () => {
    const file = tempFile('a.xlsx');
    await writeSummaryXlsx(nodeIo, file, sheets);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['甲 & <乙>', '宽']);
    const first = workbook.worksheets[0]!;
    expect(
      first
        .getSheetValues()
        .slice(1)
        .map((row) => (row as ExcelJS.CellValue[]).slice(1)),
    ).toEqual([
      ['名称', '件数'],
      ['南京<某>公司 & "子"', 3],
      ['  前后空格  ', 0.5],
      ['控制字符', -2],
    ]);
    expect(first.getRow(1).getCell(2).font?.bold).toBe(true);
    expect(first.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(first.getColumn(1).width).toBe(20);
    const wide = workbook.worksheets[1]!;
    expect(wide.getCell('AB1').value).toBe('列28');
    expect(wide.getCell('Z2').value).toBe(26);
    expect(wide.getCell('AB2').value).toBe(28);
  });

  it('gives the same bytes for the same sheets', async () => {
    const [a, b] = [tempFile('a.xlsx'), tempFile('b.xlsx')];
    await writeSummaryXlsx(nodeIo, a, sheets);
    await writeSummaryXlsx(nodeIo, b, sheets);
    expect(fs.readFileSync(a).equals(fs.readFileSync(b))).toBe(true);
  });
});
