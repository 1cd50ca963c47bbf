/**
 * Lays a template out for one record and returns the PDF bytes. Deterministic: the creation date comes from the
 * record's issue date and the PDF ID from the document info, which carries the data hash, so the same record
 * and template version always give the same bytes.
 */
import PDFDocument from 'pdfkit';
import { documentDataHash, qrPayload, sha256Hex } from './dataHash';
import type { PaperRecord } from './documentRecord';
import { loadFontSet, type FontConfig, type FontSet } from './fonts';
import {
  bodySetting,
  clause,
  clauseHeight,
  heading,
  headingHeight,
  paragraph,
  sectionHeight,
  sectionLabel,
  sectionLeadHeight,
  title,
  twoLines,
} from './layout/blocks';
import { boundaryDiagramOf, drawBoundaryDiagram, typesetDiagram } from './layout/boundaryDiagram';
import type { CellBreaks } from './layout/cellLines';
import { decoratePages } from './layout/pageFurniture';
import { CONTENT_WIDTH, LINE_GAP, MARGIN, PAGE, SIZE, ensureSpace, keepTogether } from './layout/pageGeometry';
import { signatureBlock, signatureHeight, type SignatureParty } from './layout/signatures';
import { fieldsHeight, fieldsTable, fitGrid, gridLeadHeight, gridTable, type GridData } from './layout/tables';
import { textHeight, writeText } from './layout/textRuns';
import { drawQrCode } from './qrCode';
import { tableOf } from './tableSources';
import { isActive, resolveText, type ResolveOptions } from './templates/placeholders';
import { typeset } from './templates/typography';
import type { DocumentTemplate, TemplateBlock } from './templates/templateSchema';

export interface RenderOptions {
  fonts?: FontConfig;
  /** Reprint of a signed contract: every page is marked 副本. */
  copy?: boolean;
}

export interface RenderedDocument {
  pdf: Buffer;
  sha256: string;
  /** sha256 of the canonical JSON of application, scheme and template id/version; its first 16 hex are in the QR. */
  dataHash: string;
  documentNo: string;
  templateId: string;
  templateVersion: string;
  pageCount: number;
}

const QR_SIZE = 62;

function newDocument(record: PaperRecord, template: DocumentTemplate, dataHash: string, fonts: FontSet) {
  // Noon China time: the calendar date stays the same in every time zone a reader may use.
  const date = new Date(`${record.issuedOn}T12:00:00+08:00`);
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: template.title,
      Author: record.hall.utilityName,
      Subject: record.documentNo,
      Keywords: `${template.id}@${template.version} ${dataHash}`,
      Creator: 'Yekuo Desk',
      Producer: 'Yekuo Desk (pdfkit)',
      CreationDate: date,
      ModDate: date,
    },
  });
  for (const font of new Set([...fonts.body, ...fonts.heading])) doc.registerFont(font.key, font.font as never);
  return doc;
}

function firstPageTop(
  doc: PDFKit.PDFDocument,
  fonts: FontSet,
  record: PaperRecord,
  template: DocumentTemplate,
  dataHash: string,
) {
  const modern = template.layout >= 2;
  drawQrCode(
    doc,
    qrPayload(record.documentNo, dataHash, modern ? template : undefined),
    PAGE.width - MARGIN.right - QR_SIZE,
    MARGIN.top - 14,
    QR_SIZE,
  );
  doc.y = MARGIN.top + 2;
  title(doc, fonts, template.title);
  // Layout 2 keeps the template id off the customer's page (it is in the metadata and the QR code).
  const version =
    'schemeVersion' in record && record.schemeVersion ? `\u3000方案版本：第${record.schemeVersion}版` : '';
  const meta = modern
    ? `申请编号：${record.applicationNo}${version}`
    : [
        `申请编号：${record.applicationNo}\u3000方案版本：第 ${'schemeVersion' in record ? record.schemeVersion : ''} 版`,
        `模板：${template.id} v${template.version}\u3000校验码：${dataHash.slice(0, 16)}`,
      ].join('\n');
  writeText(doc, fonts.body, meta, {
    x: MARGIN.left,
    y: doc.y,
    width: CONTENT_WIDTH - QR_SIZE - 6,
    size: SIZE.small - 1,
  });
  doc.y = Math.max(doc.y, MARGIN.top - 14 + QR_SIZE) + 8;
}

/** Where the body breaks early so the signature block does not stand alone (second pass only). */
interface ForcedBreak {
  block: number;
  /** Before this clause of a section; absent: before the whole block. */
  clause?: number;
}

interface BlockContext {
  record: PaperRecord;
  template: DocumentTemplate;
  section: { n: number };
  /** The block after this one, for keeping a section with the table it introduces. */
  next: TemplateBlock | undefined;
  resolveOptions: ResolveOptions;
  /** Clause index of this section before which a page break is forced. */
  breakBeforeClause?: number;
}

/** The printed label of every section with an id, in this document: 第三条“供电方式”. */
export function clauseLabels(template: DocumentTemplate, record: PaperRecord): Map<string, string> {
  const labels = new Map<string, string>();
  let n = 0;
  for (const block of template.blocks) {
    if (block.type !== 'section' || !isActive(block.when, record)) continue;
    n += 1;
    if (block.id) labels.set(block.id, `${sectionLabel(template.numbering, n)}“${block.heading}”`);
  }
  return labels;
}

function activeClauses(block: Extract<TemplateBlock, { type: 'section' }>, record: PaperRecord) {
  return block.clauses.filter((c) => typeof c === 'string' || isActive(c.when, record));
}

function signatureParties(
  block: Extract<TemplateBlock, { type: 'signatures' }>,
  record: PaperRecord,
  resolve: (text: string) => string,
): SignatureParty[] {
  return block.parties.map(({ person, ...party }) => {
    const signs = person !== undefined && isActive(person.when, record);
    return { ...party, name: resolve(party.name), ...(signs ? { signs, seal: false, lines: person.lines } : {}) };
  });
}

/**
 * Layout 3 sets the line breaks of table cells itself (cellLines.ts); layout 4 breaks a phrase between words;
 * layout 5 also keeps numbers with their units, dates, codes and ratios whole (lineBreaks.ts `mayBreak`).
 */
function cellBreaks(template: DocumentTemplate): CellBreaks | undefined {
  if (template.layout >= 5) return 'units';
  if (template.layout === 4) return 'words';
  return template.layout === 3 ? 'phrases' : undefined;
}

/** A table as the template's layout prints it: layout 3 fits its columns to the content (layout/columnWidths.ts). */
function gridOf(
  doc: PDFKit.PDFDocument,
  fonts: FontSet,
  block: Extract<TemplateBlock, { type: 'table' }>,
  record: PaperRecord,
  template: DocumentTemplate,
): GridData {
  const grid = tableOf(block.source, record, template.layout);
  const breaks = cellBreaks(template);
  return breaks ? fitGrid(doc, fonts, grid, breaks) : grid;
}

/** Layout 3: what must share a page with the end of the text before a table: its heading, header and first row. */
function tableLeadHeight(
  doc: PDFKit.PDFDocument,
  fonts: FontSet,
  block: Extract<TemplateBlock, { type: 'table' }>,
  ctx: BlockContext,
  resolve: (text: string) => string,
): number {
  const grid = gridOf(doc, fonts, block, ctx.record, ctx.template);
  return gridLeadHeight(doc, fonts, grid) + (block.heading ? headingHeight(doc, fonts, resolve(block.heading)) : 0);
}

function renderBlock(doc: PDFKit.PDFDocument, fonts: FontSet, block: TemplateBlock, ctx: BlockContext) {
  const { record, template } = ctx;
  const modern = template.layout >= 2;
  const fitted = template.layout >= 3;
  const breaks = cellBreaks(template);
  // Layout 5 breaks body lines itself (lineBreaks.ts), layout 6 its pages too (pageBreaks.ts).
  const setting = bodySetting(template.layout);
  const resolve = (text: string) => resolveText(text, record, template.title, ctx.resolveOptions);
  switch (block.type) {
    case 'fields': {
      const rows = block.rows
        .filter((r) => isActive(r.when, record))
        .map((r) => ({ label: r.label, value: resolve(r.value), wide: r.wide }));
      if (block.heading) {
        const text = resolve(block.heading);
        // Layout 2: a short table (營业厅及联系方式, 现场记录) stays on one page with its heading.
        if (modern) keepTogether(doc, fieldsHeight(doc, fonts, rows, breaks) + 2 * SIZE.heading + 9);
        heading(doc, fonts, text, modern);
      }
      fieldsTable(doc, fonts, rows, breaks);
      doc.y += 6;
      return;
    }
    case 'table': {
      if (!isActive(block.when, record)) return;
      // Layout 3: a table's own heading stays with its header and first row.
      if (fitted && block.heading) ensureSpace(doc, tableLeadHeight(doc, fonts, block, ctx, resolve));
      if (block.heading) heading(doc, fonts, resolve(block.heading), modern);
      gridTable(doc, fonts, gridOf(doc, fonts, block, record, template));
      doc.y += 6;
      return;
    }
    case 'section': {
      if (!isActive(block.when, record)) return;
      ctx.section.n += 1;
      const headingText = `${sectionLabel(template.numbering, ctx.section.n)}${template.numbering === 'article' ? '\u3000' : ''}${block.heading}`;
      const clauses = activeClauses(block, record).map((c) =>
        typeof c === 'string' ? { text: resolve(c), bold: false } : { text: resolve(c.text), bold: !!c.bold },
      );
      const table = block.keepWithTable && ctx.next?.type === 'table' && isActive(ctx.next.when, record);
      const next = ctx.next as Extract<TemplateBlock, { type: 'table' }>;
      const lead = !table
        ? 0
        : fitted
          ? tableLeadHeight(doc, fonts, next, ctx, resolve)
          : gridLeadHeight(doc, fonts, tableOf(next.source, record, template.layout));
      // A section that introduces a table ("见下表") stays on the page of the table's first rows. Layout 3 keeps
      // only its last clause with them (the heading too when it is the only one), so the rest of the section
      // fills the page before; layouts 1 and 2 moved the whole section, which could leave most of a page empty.
      const last = clauses.length - 1;
      // Layout 4: the heading keeps two lines of its own text, so when the clauses before the last take less,
      // the whole section goes with the table (layout 3 left 第四条 and one line at the foot of the page).
      const before = clauses.slice(0, last).reduce((sum, c) => sum + clauseHeight(doc, fonts, c, true, setting), 0);
      const whole = !fitted || last === 0 || (template.layout >= 4 && before < twoLines(doc, fonts));
      if (table && whole) keepTogether(doc, sectionHeight(doc, fonts, headingText, clauses, setting) + lead);
      // Layout 6: the heading keeps its text up to where the section may first break (widow and orphan control).
      if (setting === 'pages') heading(doc, fonts, headingText, modern, sectionLeadHeight(doc, fonts, clauses));
      else heading(doc, fonts, headingText, modern);
      clauses.forEach((c, i) => {
        if (i === ctx.breakBeforeClause && i > 0) doc.addPage();
        if (table && !whole && i === last) keepTogether(doc, clauseHeight(doc, fonts, c, true, setting) + lead);
        if (clauses.length === 1) paragraph(doc, fonts, c.text, c.bold, setting);
        else clause(doc, fonts, `${i + 1}.`, c.text, c.bold, setting);
      });
      return;
    }
    case 'paragraph':
      if (isActive(block.when, record)) paragraph(doc, fonts, resolve(block.text), block.bold, setting);
      return;
    case 'diagram': {
      // Only a record with a scheme has sources to draw; the template schema admits the block in contracts only.
      if (!('scheme' in record)) return;
      doc.addPage();
      heading(doc, fonts, block.heading, modern);
      doc.y += 8;
      const drawn = boundaryDiagramOf(record.scheme);
      const diagram = template.layout >= 5 ? typesetDiagram(drawn, (text) => typeset(text, template.layout)) : drawn;
      drawBoundaryDiagram(doc, fonts, diagram, template.layout >= 4);
      return;
    }
    case 'signatures': {
      const parties = signatureParties(block, record, resolve);
      const pagesBefore = doc.bufferedPageRange().count;
      if (modern && template.numbering === 'article') endOfText(doc, fonts, signatureHeight(parties));
      const ownPage = signatureBlock(doc, fonts, parties, { circleAlways: !modern });
      // "（以下无正文）" alone above the block does not count as sharing the page with the text.
      return ownPage || doc.bufferedPageRange().count > pagesBefore;
    }
  }
}

const END_OF_TEXT = '（以下无正文）';

/** "（以下无正文）" closes the text of a contract or agreement, on the page of the signature block. */
function endOfText(doc: PDFKit.PDFDocument, fonts: FontSet, blockHeight: number) {
  const opts = { width: CONTENT_WIDTH, size: SIZE.body, lineGap: LINE_GAP };
  ensureSpace(doc, textHeight(doc, fonts.body, END_OF_TEXT, opts) + 2 + blockHeight);
  writeText(doc, fonts.body, END_OF_TEXT, { ...opts, x: MARGIN.left, y: doc.y, align: 'right' });
  doc.y += 2;
}

/**
 * Lays out the body; returns whether the signature block had to start a page of its own. The last block before
 * the signatures is where a second pass breaks the page instead (its last clause, or the whole block).
 */
function layoutBody(
  doc: PDFKit.PDFDocument,
  fonts: FontSet,
  record: PaperRecord,
  template: DocumentTemplate,
  forced?: ForcedBreak,
): boolean {
  const section = { n: 0 };
  const resolveOptions: ResolveOptions = { layout: template.layout, clauseLabels: clauseLabels(template, record) };
  let signaturesAlone = false;
  template.blocks.forEach((block, i) => {
    if (forced?.block === i && forced.clause === undefined) doc.addPage();
    const alone = renderBlock(doc, fonts, block, {
      record,
      template,
      section,
      next: template.blocks[i + 1],
      resolveOptions,
      ...(forced?.block === i && forced.clause !== undefined ? { breakBeforeClause: forced.clause } : {}),
    });
    if (alone === true) signaturesAlone = true;
  });
  return signaturesAlone;
}

/** The break that brings body text onto the signature page: before the last clause of the last block. */
function breakBeforeLastBlock(template: DocumentTemplate, record: PaperRecord): ForcedBreak | undefined {
  const sig = template.blocks.findIndex((b) => b.type === 'signatures');
  for (let i = sig - 1; i >= 0; i--) {
    const block = template.blocks[i]!;
    if ('when' in block && !isActive(block.when, record)) continue;
    if (block.type !== 'section') return { block: i };
    const count = activeClauses(block, record).length;
    return count > 1 ? { block: i, clause: count - 1 } : { block: i };
  }
  return undefined;
}

/**
 * The finished file, read synchronously: pdfkit pushes every chunk into the stream's buffer during end(), so
 * nothing is pending afterwards. Synchronous on purpose: the services render inside the transaction that
 * allocates the contract number, so a refused document never uses up a number.
 */
function drain(doc: PDFKit.PDFDocument): Buffer {
  const chunks: Buffer[] = [];
  for (let chunk = doc.read() as Buffer | null; chunk !== null; chunk = doc.read() as Buffer | null) chunks.push(chunk);
  return Buffer.concat(chunks);
}

export function renderDocument(
  source: DocumentTemplate,
  record: PaperRecord,
  options: RenderOptions = {},
): RenderedDocument {
  // The same clauses may print under another title for this record (临时供用电合同).
  const title = source.titles?.find((variant) => isActive(variant.when, record))?.title ?? source.title;
  const template = { ...source, title };
  const dataHash = documentDataHash({
    application: record.application,
    ...('scheme' in record ? { scheme: record.scheme } : { agreement: record.agreement }),
    templateId: template.id,
    templateVersion: template.version,
  });
  const fonts = loadFontSet(options.fonts);
  const start = () => {
    const fresh = newDocument(record, template, dataHash, fonts);
    firstPageTop(fresh, fonts, record, template, dataHash);
    return fresh;
  };
  let doc = start();
  const alone = layoutBody(doc, fonts, record, template);
  // Layout 2: a signature block never stands alone on its page; lay out again, breaking before the last clause.
  const forced = template.layout >= 2 && alone ? breakBeforeLastBlock(template, record) : undefined;
  if (forced) {
    doc = start();
    layoutBody(doc, fonts, record, template, forced);
  }
  const pageCount = doc.bufferedPageRange().count;
  decoratePages(doc, fonts, {
    hallLine: `${record.hall.utilityName}\u3000${record.hall.name}`,
    documentNo: record.documentNo,
    copy: Boolean(options.copy),
    ...(template.layout >= 2 ? { checkLine: `校验码 ${dataHash.slice(0, 16)}` } : {}),
  });
  doc.end();
  const pdf = drain(doc);
  return {
    pdf,
    sha256: sha256Hex(pdf),
    dataHash,
    documentNo: record.documentNo,
    templateId: template.id,
    templateVersion: template.version,
    pageCount,
  };
}
