/**
 * Layout 3 (issue 12 layout): table columns as wide as their content needs, cells broken only between words, and
 * the text before a table kept with its header and first row only — parsed back with poppler. Each check also
 * runs on the template version before, where it finds the defect it was written for.
 */
import { describe, expect, it } from 'vitest';
import { renderKind, templateIdFor, type DocumentKind } from '../../../main/pdf/documents';
import { tableOf } from '../../../main/pdf/tableSources';
import { loadTemplate } from '../../../main/pdf/templates/loadTemplate';
import type { DocumentRecord } from '../../../main/pdf/documentRecord';
import { FIXTURE_NAMES, loadRecord } from '../../fixtures/pdf/records';
import { cellWords, firstPageFill, splitWordProblems, textLines, wordBreakProblems, type TextLine } from './cellChecks';
import { withTempPdf } from './pdfTools';

const KINDS = ['scheme-reply', 'contract', 'work-sheet'] as const;

/** Every word of every table the template prints for the record. */
function tableWords(kind: DocumentKind, record: DocumentRecord): string[] {
  const template = loadTemplate(templateIdFor(kind, record.application));
  const cells = template.blocks.flatMap((block) => {
    if (block.type !== 'table') return [];
    const grid = tableOf(block.source, record, 3);
    return [...grid.header, ...grid.rows.flat()];
  });
  return cellWords(cells);
}

const linesOf = (kind: DocumentKind, record: DocumentRecord, templateVersion?: string) =>
  withTempPdf(renderKind(kind, record, templateVersion ? { templateVersion } : {}).pdf, textLines);

/** The pages with tables: the HV contract's annex 产权分界示意图 labels its drawing, it has no table cells. */
function tablePages(lines: readonly TextLine[]): TextLine[] {
  const annex = lines.find((l) => /^附件(\s|$)/.test(l.text))?.page;
  return lines.filter((l) => l.page !== annex);
}

describe.each(FIXTURE_NAMES)('tables of the %s fixture', (fixture) => {
  const record = loadRecord(fixture);
  it.each(KINDS)('%s: no word and no number with its unit split over two lines of a cell', (kind) => {
    const words = tableWords(kind, record);
    expect(splitWordProblems(tablePages(linesOf(kind, record)), words)).toEqual([]);
  });

  it.each(KINDS)('%s: a phrase in a cell breaks between words (layout 4)', (kind) => {
    expect(wordBreakProblems(tablePages(linesOf(kind, record)))).toEqual([]);
  });
});

describe('the checks find the defects of the versions before', () => {
  const hv = loadRecord('hv');

  it('scheme-reply-hv 1.3.0 split 变电站 in the sources table and 160.00 元/kVA in the fees table', () => {
    const problems = splitWordProblems(linesOf('scheme-reply', hv, '1.3.0'), tableWords('scheme-reply', hv)).join('\n');
    expect(problems).toContain('“变电站”被拆在两行');
    expect(problems).toContain('“160.00元/kVA”被拆在两行');
    expect(splitWordProblems(linesOf('scheme-reply', hv), tableWords('scheme-reply', hv))).toEqual([]);
  });

  it('layout 3 (contract-hv 1.5.0, work-sheet-meter 1.2.0) broke a long phrase inside a word: 客户电缆连 / 接处', () => {
    for (const [kind, version] of [
      ['contract', '1.5.0'],
      ['work-sheet', '1.2.0'],
    ] as const) {
      const problems = wordBreakProblems(tablePages(linesOf(kind, hv, version))).join('\n');
      expect(problems, `${kind} ${version}`).toContain('在词中间换行');
    }
  });

  it('work-sheet-meter 1.1.0 split the meter and the substation in their cells', () => {
    const problems = splitWordProblems(linesOf('work-sheet', hv, '1.1.0'), tableWords('work-sheet', hv)).join('\n');
    expect(problems).toContain('“变电站”被拆在两行');
    expect(problems).toContain('“电能表”被拆在两行');
  });
});

describe('a section kept with its table (LV non-residential contract, page 1)', () => {
  const lvn = loadRecord('lvn');

  // With the customer's 通讯地址 and 开户银行及账号 (required on this contract) the header and first row no longer
  // fit under 第四条 on page 1. Its first clause is one line, and a heading keeps two lines of its text, so the
  // whole 第四条 goes to page 2 with them; page 1 ends with 第三条. Layout 3 (1.4.0) left 第四条 and that one line
  // at the foot of page 1.
  it('page 1 ends with 第三条; 第四条, the table header and first row share page 2', () => {
    const lines = linesOf('contract', lvn);
    expect(firstPageFill(lines)).toBeGreaterThan(0.75);
    const pageOf = (start: string) => lines.find((l) => l.text.startsWith(start))?.page;
    expect(pageOf('第三条')).toBe(1);
    expect(pageOf('第四条')).toBe(2);
    expect(pageOf('1. 计量装置安装于')).toBe(2);
    expect(pageOf('计量点')).toBe(2);
    expect(lines.find((l) => l.text.includes('商铺外墙计量箱') && l.page === 2)).toBeDefined();
    const before = linesOf('contract', lvn, '1.4.0');
    expect(before.find((l) => l.text.startsWith('第四条'))?.page).toBe(1);
    expect(before.find((l) => l.text.startsWith('计量点'))?.page).toBe(2);
  });

  it('contract-lv-nonresidential 1.3.0 moved the whole 第四条 to page 2 and left page 1 a quarter empty', () => {
    const lines = linesOf('contract', lvn, '1.3.0');
    expect(firstPageFill(lines)).toBeLessThan(0.8);
    expect(lines.find((l) => l.text.startsWith('第四条'))?.page).toBe(2);
  });

  // Contracts and replies flow; a work sheet's page 2 starts with 现场记录, kept whole with the signatures.
  it.each(FIXTURE_NAMES.flatMap((f) => (['scheme-reply', 'contract'] as const).map((k) => [f, k] as const)))(
    '%s %s: page 1 is more than 80 %% full when there is a page 2',
    (fixture, kind) => {
      const lines = linesOf(kind, loadRecord(fixture));
      if (lines.some((l) => l.page === 2)) expect(firstPageFill(lines)).toBeGreaterThan(0.8);
    },
  );
});

// A work sheet's 现场记录 is filled in and signed on site: kept whole with the signatures it is signed under, it
// takes page 2 when both do not fit under 三、作业要求, which page 1 then ends with, whole.
describe.each(FIXTURE_NAMES)('the %s work sheet', (fixture) => {
  it('keeps 现场记录 whole with the signatures, and 三、作业要求 whole before them', () => {
    const lines = linesOf('work-sheet', loadRecord(fixture));
    const pageOf = (start: string) => lines.find((l) => l.text.startsWith(start))?.page;
    const record = pageOf('现场记录');
    expect(pageOf('三、作业要求')).toBe(pageOf('3. 接电前检查'));
    for (const label of ['电能表资产编号', '装表日期', '装表接电人员', '客户确认'])
      expect(pageOf(label), label).toBe(record);
  });
});
