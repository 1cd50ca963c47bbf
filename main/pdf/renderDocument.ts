/**
 * Lays a template out for one record and returns the PDF bytes. Deterministic: the creation date comes from the
 * record's issue date and the PDF ID from the document info, which carries the data hash, so the same record
 * and template version always give the same bytes.
 */
import PDFDocument from 'pdfkit';
import { documentDataHash, qrPayload, sha256Hex } from './dataHash';
import type { DocumentRecord } from './documentRecord';
import { loadFontSet, type FontConfig, type FontSet } from './fonts';
import { clause, heading, paragraph, sectionHeight, sectionLabel, title } from './layout/blocks';
import { decoratePages } from './layout/pageFurniture';
import { CONTENT_WIDTH, MARGIN, PAGE, SIZE, keepTogether } from './layout/pageGeometry';
import { signatureBlock } from './layout/signatures';
import { fieldsTable, gridLeadHeight, gridTable } from './layout/tables';
import { writeText } from './layout/textRuns';
import { drawQrCode } from './qrCode';
import { TABLES } from './tableSources';
import { isActive, resolveText } from './templates/placeholders';
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

function newDocument(record: DocumentRecord, template: DocumentTemplate, dataHash: string, fonts: FontSet) {
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
  record: DocumentRecord,
  template: DocumentTemplate,
  dataHash: string,
) {
  drawQrCode(
    doc,
    qrPayload(record.documentNo, dataHash),
    PAGE.width - MARGIN.right - QR_SIZE,
    MARGIN.top - 14,
    QR_SIZE,
  );
  doc.y = MARGIN.top + 2;
  title(doc, fonts, template.title);
  const meta = [
    `申请编号：${record.applicationNo}\u3000方案版本：第 ${record.schemeVersion} 版`,
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

function renderBlock(
  doc: PDFKit.PDFDocument,
  fonts: FontSet,
  block: TemplateBlock,
  ctx: {
    record: DocumentRecord;
    template: DocumentTemplate;
    section: { n: number };
    /** The block after this one, for keeping a section with the table it introduces. */
    next: TemplateBlock | undefined;
  },
) {
  const { record, template } = ctx;
  const resolve = (text: string) => resolveText(text, record, template.title);
  switch (block.type) {
    case 'fields':
      if (block.heading) heading(doc, fonts, resolve(block.heading));
      fieldsTable(
        doc,
        fonts,
        block.rows
          .filter((r) => isActive(r.when, record))
          .map((r) => ({ label: r.label, value: resolve(r.value), wide: r.wide })),
      );
      doc.y += 6;
      return;
    case 'table': {
      if (!isActive(block.when, record)) return;
      if (block.heading) heading(doc, fonts, resolve(block.heading));
      gridTable(doc, fonts, TABLES[block.source](record));
      doc.y += 6;
      return;
    }
    case 'section': {
      if (!isActive(block.when, record)) return;
      ctx.section.n += 1;
      const headingText = `${sectionLabel(template.numbering, ctx.section.n)}${template.numbering === 'article' ? '\u3000' : ''}${block.heading}`;
      const clauses = block.clauses
        .filter((c) => typeof c === 'string' || isActive(c.when, record))
        .map((c) =>
          typeof c === 'string' ? { text: resolve(c), bold: false } : { text: resolve(c.text), bold: !!c.bold },
        );
      // A section that introduces a table ("见下表") stays on the page of the table's first rows.
      if (block.keepWithTable && ctx.next?.type === 'table' && isActive(ctx.next.when, record)) {
        const lead = gridLeadHeight(doc, fonts, TABLES[ctx.next.source](record));
        keepTogether(doc, sectionHeight(doc, fonts, headingText, clauses) + lead);
      }
      heading(doc, fonts, headingText);
      clauses.forEach((c, i) => {
        if (clauses.length === 1) paragraph(doc, fonts, c.text, c.bold);
        else clause(doc, fonts, `${i + 1}.`, c.text, c.bold);
      });
      return;
    }
    case 'paragraph':
      if (isActive(block.when, record)) paragraph(doc, fonts, resolve(block.text), block.bold);
      return;
    case 'signatures':
      signatureBlock(
        doc,
        fonts,
        block.parties.map((p) => ({ ...p, name: resolve(p.name) })),
      );
  }
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
  record: DocumentRecord,
  options: RenderOptions = {},
): RenderedDocument {
  // The same clauses may print under another title for this record (临时供用电合同).
  const title = source.titles?.find((variant) => isActive(variant.when, record))?.title ?? source.title;
  const template = { ...source, title };
  const dataHash = documentDataHash({
    application: record.application,
    scheme: record.scheme,
    templateId: template.id,
    templateVersion: template.version,
  });
  const fonts = loadFontSet(options.fonts);
  const doc = newDocument(record, template, dataHash, fonts);
  firstPageTop(doc, fonts, record, template, dataHash);
  const section = { n: 0 };
  template.blocks.forEach((block, i) => {
    renderBlock(doc, fonts, block, { record, template, section, next: template.blocks[i + 1] });
  });
  const pageCount = doc.bufferedPageRange().count;
  decoratePages(doc, fonts, {
    hallLine: `${record.hall.utilityName}\u3000${record.hall.name}`,
    documentNo: record.documentNo,
    copy: Boolean(options.copy),
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
