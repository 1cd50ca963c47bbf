/**
 * The few parts of SpreadsheetML the batch summary needs, written straight as XML into the bundle's own zip writer
 * (zipBundle.ts): sheets of text and number cells, a bold first row frozen in place, column widths. No shared
 * strings (cells carry inline strings), one style besides the default. exceljs's streaming writer took 80–250 ms
 * for a summary of 2,700 rows, most of it waiting on its stream pipeline, in the incremental export's path
 * (docs/benchmarks.md); this writes the same workbook in a few milliseconds. Excel, WPS and exceljs read it.
 */
import type { ExportIo } from './exportIo';
import { writeZip } from './zipBundle';

export type SummaryCell = string | number;

export interface SummarySheet {
  name: string;
  /** Header text and column width (characters), in column order. */
  columns: [string, number][];
  rows: Iterable<SummaryCell[]>;
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const SHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

/** Characters to escape, and those XML 1.0 forbids even escaped (most control characters: dropped). */
// eslint-disable-next-line no-control-regex
const SPECIAL = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const SPECIALS = new RegExp(SPECIAL.source, 'g');
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

function escapeXml(text: string): string {
  // Most cells have nothing to escape: one test, no replace.
  return SPECIAL.test(text) ? text.replace(SPECIALS, (c) => ESCAPES[c] ?? '') : text;
}

/** A1-style column letters of the 0-based column `index`. */
function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function cellXml(ref: string, value: SummaryCell, style: string): string {
  if (typeof value === 'number') return `<c r="${ref}"${style}><v>${value}</v></c>`;
  const space = /^\s|\s$/.test(value) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${style} t="inlineStr"><is><t${space}>${escapeXml(value)}</t></is></c>`;
}

function rowXml(index: number, cells: readonly SummaryCell[], letters: readonly string[], style: string): string {
  let xml = `<row r="${index}">`;
  for (let i = 0; i < cells.length; i++) xml += cellXml(`${letters[i] ?? columnName(i)}${index}`, cells[i]!, style);
  return `${xml}</row>`;
}

function sheetXml(sheet: SummarySheet): string {
  const letters = sheet.columns.map((_, i) => columnName(i));
  const cols = sheet.columns
    .map(([, width], i) => `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`)
    .join('');
  const parts = [
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`,
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>',
    `<cols>${cols}</cols><sheetData>`,
    rowXml(
      1,
      sheet.columns.map(([header]) => header),
      letters,
      ' s="1"',
    ),
  ];
  let index = 1;
  for (const row of sheet.rows) parts.push(rowXml(++index, row, letters, ''));
  parts.push('</sheetData></worksheet>');
  return parts.join('');
}

const STYLES = `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">
<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

/** Writes the workbook to `file` (not fsynced: the caller makes it durable). */
export async function writeSummaryXlsx(io: ExportIo, file: string, sheets: readonly SummarySheet[]): Promise<void> {
  const numbered = sheets.map((sheet, i) => ({ sheet, n: i + 1 }));
  const text = (name: string, xml: string) => ({ name, bytes: Buffer.from(xml, 'utf8') });
  await writeZip(io, file, [
    text(
      '[Content_Types].xml',
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        numbered
          .map(({ n }) => `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="${SHEET_TYPE}"/>`)
          .join('') +
        '</Types>',
    ),
    text(
      '_rels/.rels',
      `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    text(
      'xl/workbook.xml',
      `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets>` +
        numbered
          .map(({ sheet, n }) => `<sheet name="${escapeXml(sheet.name)}" sheetId="${n}" r:id="rId${n}"/>`)
          .join('') +
        '</sheets></workbook>',
    ),
    text(
      'xl/_rels/workbook.xml.rels',
      `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL_NS}">` +
        numbered
          .map(({ n }) => `<Relationship Id="rId${n}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${n}.xml"/>`)
          .join('') +
        `<Relationship Id="rId${sheets.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`,
    ),
    text('xl/styles.xml', STYLES),
    ...numbered.map(({ sheet, n }) => text(`xl/worksheets/sheet${n}.xml`, sheetXml(sheet))),
  ]);
}
