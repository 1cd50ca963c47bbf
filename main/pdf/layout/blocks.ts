/** Title, section headings, numbered clauses and free paragraphs. */
import type { FontSet } from '../fonts';
import { CONTENT_WIDTH, LINE_GAP, MARGIN, SIZE, ensureSpace } from './pageGeometry';
import type { LoadedFont } from '../fonts';
import { bodyLines } from './lineBreaks';
import { textHeight, writeText, type TextOptions } from './textRuns';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 12 → 十二, 20 → 二十, 23 → 二十三 (articles never reach 100). */
export function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

export function sectionLabel(numbering: 'article' | 'chapter', n: number): string {
  return numbering === 'article' ? `第${chineseNumeral(n)}条` : `${chineseNumeral(n)}、`;
}

export function title(doc: PDFKit.PDFDocument, fonts: FontSet, text: string): void {
  // Short titles are letter-spaced like printed forms; the QR code at the right leaves the centre free.
  const spaced = [...text].length <= 8 ? [...text].join(' ') : text;
  writeText(doc, fonts.heading, spaced, {
    x: MARGIN.left,
    y: doc.y,
    width: CONTENT_WIDTH,
    size: SIZE.title,
    align: 'center',
  });
  doc.y += 12;
}

/**
 * `keepWithLines`: layout 2 keeps the heading with the first two lines of body text that follow it; layout 1
 * reserved a fixed 48 pt, which could leave a heading alone at the foot of a page.
 */
export function heading(doc: PDFKit.PDFDocument, fonts: FontSet, text: string, keepWithLines = false): void {
  ensureSpace(doc, keepWithLines ? headingHeight(doc, fonts, text) + twoLines(doc, fonts) : 48);
  doc.y += 6;
  writeText(doc, fonts.heading, text, { x: MARGIN.left, y: doc.y, width: CONTENT_WIDTH, size: SIZE.heading });
  doc.y += 3;
}

/**
 * Body text as the template's layout sets it: layout 5 (`own`) breaks the lines itself (lineBreaks.ts) and hands
 * pdfkit one line at a time, a little wider than it is, so pdfkit never breaks it again; earlier layouts let
 * pdfkit break the lines.
 */
function bodyText(
  doc: PDFKit.PDFDocument,
  chain: readonly LoadedFont[],
  text: string,
  opts: TextOptions & { x: number; y: number },
  own: boolean,
): void {
  if (!own) return writeText(doc, chain, text, opts);
  const { lines, firsts } = bodyLines(doc, chain, text, opts);
  lines.forEach((line, i) => {
    const indent = firsts.has(i) ? (opts.indent ?? 0) : 0;
    const width = opts.width - indent + opts.size;
    writeText(doc, chain, line, { ...opts, x: opts.x + indent, y: i === 0 ? opts.y : doc.y, width, indent: 0 });
  });
}

/** The height `bodyText` takes. */
function bodyHeight(
  doc: PDFKit.PDFDocument,
  chain: readonly LoadedFont[],
  text: string,
  opts: TextOptions,
  own: boolean,
): number {
  if (!own) return textHeight(doc, chain, text, opts);
  const { lines } = bodyLines(doc, chain, text, opts);
  doc.font(chain[0]!.key).fontSize(opts.size);
  return lines.length * (doc.currentLineHeight(true) + (opts.lineGap ?? 0));
}

const PARAGRAPH_INDENT = 2 * SIZE.body;

/** `own`: layout 5 sets the line breaks (bodyText). */
export function paragraph(doc: PDFKit.PDFDocument, fonts: FontSet, text: string, bold = false, own = false): void {
  const chain = bold ? fonts.heading : fonts.body;
  const opts = { width: CONTENT_WIDTH, size: SIZE.body, lineGap: LINE_GAP, align: 'left' as const };
  ensureSpace(doc, Math.min(bodyHeight(doc, chain, text, { ...opts, indent: own ? PARAGRAPH_INDENT : 0 }, own), 40));
  // First-line indent of two characters, as in Chinese prose.
  bodyText(doc, chain, text, { ...opts, x: MARGIN.left, y: doc.y, indent: PARAGRAPH_INDENT }, own);
  doc.y += 2;
}

const CLAUSE_HANG = 22;

/** A numbered clause with a hanging number, so wrapped lines align with the text, not the number. */
export function clause(
  doc: PDFKit.PDFDocument,
  fonts: FontSet,
  number: string,
  text: string,
  bold = false,
  own = false,
): void {
  const chain = bold ? fonts.heading : fonts.body;
  const hang = CLAUSE_HANG;
  const opts = { width: CONTENT_WIDTH - hang, size: SIZE.body, lineGap: LINE_GAP, align: 'left' as const };
  ensureSpace(doc, Math.min(bodyHeight(doc, chain, text, opts, own), 40));
  const top = doc.y;
  writeText(doc, fonts.body, number, { x: MARGIN.left + 4, y: top, width: hang, size: SIZE.body });
  bodyText(doc, chain, text, { ...opts, x: MARGIN.left + hang, y: top }, own);
  doc.y += 2;
}

export function headingHeight(doc: PDFKit.PDFDocument, fonts: FontSet, text: string): number {
  return 6 + textHeight(doc, fonts.heading, text, { width: CONTENT_WIDTH, size: SIZE.heading }) + 3;
}

/** The height of two lines of body text: what a heading keeps with it. */
export function twoLines(doc: PDFKit.PDFDocument, fonts: FontSet): number {
  return textHeight(doc, fonts.body, '字\n字', { width: CONTENT_WIDTH, size: SIZE.body, lineGap: LINE_GAP }) + 2;
}

/** The height of one clause of a section as `paragraph` (the only clause) or `clause` (one of several) draws it. */
export function clauseHeight(
  doc: PDFKit.PDFDocument,
  fonts: FontSet,
  c: { text: string; bold: boolean },
  numbered: boolean,
  own = false,
): number {
  const width = numbered ? CONTENT_WIDTH - CLAUSE_HANG : CONTENT_WIDTH;
  const indent = own && !numbered ? PARAGRAPH_INDENT : 0;
  const chain = c.bold ? fonts.heading : fonts.body;
  return bodyHeight(doc, chain, c.text, { width, size: SIZE.body, lineGap: LINE_GAP, indent }, own) + 2;
}

/**
 * The height a section takes as `heading` and then `paragraph` (one clause) or `clause` (several) draw it, for
 * keeping it on the page of what follows it.
 */
export function sectionHeight(
  doc: PDFKit.PDFDocument,
  fonts: FontSet,
  headingText: string,
  clauses: readonly { text: string; bold: boolean }[],
  own = false,
): number {
  return clauses.reduce(
    (sum, c) => sum + clauseHeight(doc, fonts, c, clauses.length > 1, own),
    headingHeight(doc, fonts, headingText),
  );
}
