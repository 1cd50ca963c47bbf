/**
 * Ruled tables drawn cell by cell: pdfkit's own table does not know our font chains. Rows never split across
 * pages; a grid table repeats its header row after a page break.
 */
import type { FontSet } from '../fonts';
import { measureWith, wrapCell, type CellBreaks } from './cellLines';
import { contentColumns } from './columnWidths';
import { CONTENT_BOTTOM, CONTENT_WIDTH, MARGIN, SIZE, ensureSpace } from './pageGeometry';
import { textHeight, writeText } from './textRuns';

const PAD = 4;
const LABEL_FILL = '#efefef';

export interface Cell {
  text: string;
  /** Label cells are shaded and centred; they stay in the body face, which keeps the bold subset small. */
  label?: boolean;
  /** Number of column slots this cell spans. */
  span?: number;
}

function cellWidths(cells: readonly Cell[], columns: readonly number[]): number[] {
  let slot = 0;
  return cells.map((cell) => {
    const span = cell.span ?? 1;
    const width = columns.slice(slot, slot + span).reduce((a, b) => a + b, 0) * CONTENT_WIDTH;
    slot += span;
    return width;
  });
}

function rowHeight(doc: PDFKit.PDFDocument, fonts: FontSet, cells: readonly Cell[], widths: readonly number[]): number {
  const heights = cells.map((cell, i) => innerHeight(doc, fonts, cell, widths[i]!) + 2 * PAD);
  return Math.max(18, ...heights);
}

function innerHeight(doc: PDFKit.PDFDocument, fonts: FontSet, cell: Cell, width: number): number {
  return textHeight(doc, fonts.body, cell.text, { width: width - 2 * PAD, size: SIZE.table, lineGap: 2 });
}

function paintRow(
  doc: PDFKit.PDFDocument,
  fonts: FontSet,
  cells: readonly Cell[],
  widths: readonly number[],
  height: number,
) {
  const top = doc.y;
  let x = MARGIN.left;
  cells.forEach((cell, i) => {
    const width = widths[i]!;
    if (cell.label) doc.rect(x, top, width, height).fill(LABEL_FILL).fillColor('#000000');
    doc.rect(x, top, width, height).lineWidth(0.6).stroke('#000000');
    writeText(doc, fonts.body, cell.text, {
      x: x + PAD,
      y: top + (height - innerHeight(doc, fonts, cell, width)) / 2,
      width: width - 2 * PAD,
      size: SIZE.table,
      lineGap: 2,
      align: cell.label ? 'center' : 'left',
    });
    x += width;
  });
  doc.x = MARGIN.left;
  doc.y = top + height;
}

/** Layout 3: each cell's text with its line breaks, so that no word and no number with its unit is split. */
function wrapped(
  doc: PDFKit.PDFDocument,
  fonts: FontSet,
  cells: readonly Cell[],
  widths: readonly number[],
  breaks: CellBreaks,
): Cell[] {
  const measure = measureWith(doc, fonts.body, SIZE.table);
  return cells.map((cell, i) => ({
    ...cell,
    text: wrapCell(cell.text, widths[i]! - 2 * PAD, measure, SIZE.table, breaks),
  }));
}

function drawRow(
  doc: PDFKit.PDFDocument,
  fonts: FontSet,
  row: readonly Cell[],
  columns: readonly number[],
  wrap: CellBreaks | undefined,
): void {
  const widths = cellWidths(row, columns);
  const cells = wrap ? wrapped(doc, fonts, row, widths, wrap) : row;
  const height = rowHeight(doc, fonts, cells, widths);
  ensureSpace(doc, height);
  paintRow(doc, fonts, cells, widths, height);
}

/** A grid: `columns` are fractions of the width summing to 1, one header row, then the rows. */
export interface GridData {
  columns: number[];
  header: string[];
  rows: string[][];
}

const headerCellsOf = (header: readonly string[]): Cell[] => header.map((text) => ({ text, label: true }));

/**
 * Layout 3: the grid with column widths from its content and every cell's line breaks set (cellLines.ts,
 * columnWidths.ts), ready for gridTable.
 */
export function fitGrid(doc: PDFKit.PDFDocument, fonts: FontSet, grid: GridData, breaks: CellBreaks): GridData {
  const measure = measureWith(doc, fonts.body, SIZE.table);
  const columns = contentColumns([grid.header, ...grid.rows], CONTENT_WIDTH, PAD, measure, SIZE.table, breaks);
  const wrap = (row: readonly string[]) =>
    row.map((text, j) => wrapCell(text, columns[j]! * CONTENT_WIDTH - 2 * PAD, measure, SIZE.table, breaks));
  return { columns, header: wrap(grid.header), rows: grid.rows.map(wrap) };
}

/** The height of a grid's header row and first row, which are never parted. */
export function gridLeadHeight(doc: PDFKit.PDFDocument, fonts: FontSet, { columns, header, rows }: GridData): number {
  const headerCells = headerCellsOf(header);
  const firstRow = rows[0]?.map((text) => ({ text })) ?? [];
  return (
    rowHeight(doc, fonts, headerCells, cellWidths(headerCells, columns)) +
    rowHeight(doc, fonts, firstRow, cellWidths(firstRow, columns))
  );
}

/** A grid with a header row, repeated after a page break. */
export function gridTable(doc: PDFKit.PDFDocument, fonts: FontSet, grid: GridData): void {
  const { columns, header, rows } = grid;
  const headerCells = headerCellsOf(header);
  const headerWidths = cellWidths(headerCells, columns);
  const headerHeight = rowHeight(doc, fonts, headerCells, headerWidths);
  // Keep the header with the first row.
  ensureSpace(doc, gridLeadHeight(doc, fonts, grid));
  paintRow(doc, fonts, headerCells, headerWidths, headerHeight);
  for (const row of rows) {
    const cells = row.map((text) => ({ text }));
    const widths = cellWidths(cells, columns);
    const height = rowHeight(doc, fonts, cells, widths);
    if (doc.y + height > CONTENT_BOTTOM) {
      doc.addPage();
      paintRow(doc, fonts, headerCells, headerWidths, headerHeight);
    }
    paintRow(doc, fonts, cells, widths, height);
  }
}

export interface FieldRow {
  label: string;
  value: string;
  wide?: boolean;
}

const FIELD_COLUMNS = [0.16, 0.34, 0.16, 0.34];

/** The lines a list of label/value pairs takes: two pairs per line; a wide value takes the rest of its line. */
function fieldLines(rows: readonly FieldRow[]): Cell[][] {
  const lines: Cell[][] = [];
  let pending: Cell[] = [];
  const flush = () => {
    // A lone pair on the last line takes the whole line rather than leaving an empty pair of cells.
    if (pending.length === 2) pending[1] = { ...pending[1]!, span: 3 };
    if (pending.length) lines.push(pending);
    pending = [];
  };
  for (const row of rows) {
    if (row.wide) {
      flush();
      lines.push([
        { text: row.label, label: true },
        { text: row.value, span: 3 },
      ]);
    } else {
      pending.push({ text: row.label, label: true }, { text: row.value });
      if (pending.length === 4) flush();
    }
  }
  flush();
  return lines;
}

/** The height fieldsTable will take, for keeping a short table with its heading on one page. */
export function fieldsHeight(
  doc: PDFKit.PDFDocument,
  fonts: FontSet,
  rows: readonly FieldRow[],
  wrap?: CellBreaks,
): number {
  return fieldLines(rows).reduce((sum, line) => {
    const widths = cellWidths(line, FIELD_COLUMNS);
    return sum + rowHeight(doc, fonts, wrap ? wrapped(doc, fonts, line, widths, wrap) : line, widths);
  }, 0);
}

/**
 * Label/value pairs, two pairs per line; a wide value takes the rest of its line. `wrap` (layout 3 and later):
 * cells break only where cellLines.ts allows.
 */
export function fieldsTable(
  doc: PDFKit.PDFDocument,
  fonts: FontSet,
  rows: readonly FieldRow[],
  wrap?: CellBreaks,
): void {
  for (const cells of fieldLines(rows)) drawRow(doc, fonts, cells, FIELD_COLUMNS, wrap);
}
