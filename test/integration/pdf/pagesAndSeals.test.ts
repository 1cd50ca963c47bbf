/**
 * Issue 12's layout list on every paper of every fixture and variant, on the real PDF: no table parts its header
 * from its first row and no table row is split across pages (every row's cells whole on one page, with the
 * header on the page of the first row); and the seal circle drawn only where a seal goes, read from the page
 * content streams (the circle is the only stroke dashed [2 2]).
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { renderKind, templateIdFor, type DocumentKind } from '../../../main/pdf/documents';
import type { PaperRecord } from '../../../main/pdf/documentRecord';
import { tableOf } from '../../../main/pdf/tableSources';
import { loadTemplate } from '../../../main/pdf/templates/loadTemplate';
import { isActive, resolveText } from '../../../main/pdf/templates/placeholders';
import { PAPER_VARIANTS, person } from '../../fixtures/pdf/papers';
import { loadRecord } from '../../fixtures/pdf/records';
import { cellTexts, textLines } from './cellChecks';
import { EVERY_PAPER } from './everyPaper';
import { withTempPdf } from './pdfTools';

const squeeze = (text: string) => text.replace(/\s+/g, '');

/** The rows of every table and field list the template prints for the record, each a list of cell texts. */
function tablesOf(
  kind: DocumentKind,
  record: PaperRecord,
  version?: string,
): { header?: string[]; rows: string[][] }[] {
  const template = loadTemplate(templateIdFor(kind, record.application), version);
  return template.blocks.flatMap((block) => {
    if (block.type === 'table' && isActive(block.when, record)) {
      const grid = tableOf(block.source, record, template.layout);
      return [{ header: grid.header, rows: grid.rows }];
    }
    if (block.type !== 'fields') return [];
    const resolve = (text: string) => resolveText(text, record, template.title, { layout: template.layout });
    const rows = block.rows.filter((r) => isActive(r.when, record)).map((r) => [r.label, resolve(r.value)]);
    return [{ rows }];
  });
}

/**
 * Rows of the document's tables that no page holds whole (a row split across pages), and tables whose header
 * is not on the page of their first row. A cell counts as on a page when one of the page's cells, its lines
 * joined (cellTexts), contains it.
 */
function tablePageProblems(file: string, tables: ReturnType<typeof tablesOf>): string[] {
  const lines = textLines(file);
  const pages = [...new Set(lines.map((l) => l.page))].map((page) =>
    cellTexts(lines.filter((l) => l.page === page)).map(squeeze),
  );
  const pagesWith = (cells: readonly string[]) =>
    pages.flatMap((page, p) =>
      cells.every((cell) => !squeeze(cell) || page.some((text) => text.includes(squeeze(cell)))) ? [p + 1] : [],
    );
  const problems: string[] = [];
  for (const table of tables) {
    table.rows.forEach((row, i) => {
      const on = pagesWith(row);
      if (on.length === 0) problems.push(`表格行“${row.join(' | ')}”没有完整地印在同一页上`);
      if (i === 0 && table.header && !on.some((page) => pagesWith(table.header!).includes(page)))
        problems.push(`表头“${table.header.join(' | ')}”与第一行不在同一页`);
    });
  }
  return problems;
}

describe.each(EVERY_PAPER)('%s %s', (_, kind, record) => {
  it('keeps every table row whole on one page and each header with its first row', () => {
    const paper = record();
    const doc = renderKind(kind, paper);
    expect(withTempPdf(doc.pdf, (file) => tablePageProblems(file, tablesOf(kind, paper)))).toEqual([]);
  });
});

/** How many dashed [2 2] strokes (seal circles) the pages draw, read from the uncompressed content streams. */
function sealCircles(pdf: Buffer): number {
  const qdf = withTempPdf(pdf, (file) =>
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, '-'], { maxBuffer: 64 << 20 }),
  );
  return qdf.toString('latin1').match(/\[2 2\] 0 d/g)?.length ?? 0;
}

describe('the seal circle (issue 12 item 5)', () => {
  const company = loadRecord('lvn');

  it('the 装表接电工作单 draws none, for a natural person or a company: both sides sign it (seal: false)', () => {
    expect(sealCircles(renderKind('work-sheet', person()).pdf)).toBe(0);
    expect(sealCircles(renderKind('work-sheet', company).pdf)).toBe(0);
  });

  it('work-sheet-meter 1.0.0 drew one for each side, seal: false or not', () => {
    expect(sealCircles(renderKind('work-sheet', person(), { templateVersion: '1.0.0' }).pdf)).toBe(2);
  });

  it('a contract draws both for a company and only the supplier’s for a natural person', () => {
    expect(sealCircles(renderKind('contract', PAPER_VARIANTS.lvn!()).pdf)).toBe(2);
    expect(sealCircles(renderKind('contract', person()).pdf)).toBe(1);
  });
});

describe('the table check finds a split table', () => {
  it('names a row that is not whole on any page and a header away from its first row', () => {
    const hv = loadRecord('hv');
    const tables = tablesOf('contract', hv);
    const moved = [{ header: ['不存在的表头'], rows: [['2630 kVA', '不存在的单元格']] }];
    const problems = withTempPdf(renderKind('contract', hv).pdf, (file) =>
      tablePageProblems(file, [...tables, ...moved]),
    );
    expect(problems).toEqual([
      '表格行“2630 kVA | 不存在的单元格”没有完整地印在同一页上',
      '表头“不存在的表头”与第一行不在同一页',
    ]);
  });
});
