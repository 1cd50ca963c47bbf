/** Title, section headings, numbered clauses and free paragraphs. */
import type { FontSet } from '../fonts';
import { CONTENT_BOTTOM, CONTENT_WIDTH, LINE_GAP, MARGIN, SIZE, ensureSpace } from './pageGeometry';
import type { LoadedFont } from '../fonts';
import { bodyLines } from './lineBreaks';
import { leadingLines, linesThatFit, pageBreaksOf } from './pageBreaks';
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
 * Who sets body text: pdfkit breaks the lines and the pages (layouts 1–4); we break the lines (5); we break the
 * lines and choose the page breaks, with widow and orphan control (6, layout/pageBreaks.ts).
 */
export type BodySetting = 'pdfkit' | 'lines' | 'pages';

export function bodySetting(layout: number): BodySetting {
  if (layout >= 6) return 'pages';
  return layout === 5 ? 'lines' : 'pdfkit';
}

/**
 * `keepWithLines`: layout 2 keeps the heading with the first two lines of body text that follow it (`kept`:
 * layout 6 keeps it with the text up to where its section may first break, `sectionLeadHeight`); layout 1
 * reserved a fixed 48 pt, which could leave a heading alone at the foot of a page.
 */
export function heading(
  doc: PDFKit.PDFDocument,
  fonts: FontSet,
  text: string,
  keepWithLines = false,
  kept = twoLines(doc, fonts),
): void {
  ensureSpace(doc, keepWithLines ? headingHeight(doc, fonts, text) + kept : 48);
  doc.y += 6;
  writeText(doc, fonts.heading, text, { x: MARGIN.left, y: doc.y, width: CONTENT_WIDTH, size: SIZE.heading });
  doc.y += 3;
}

/** Body text broken into lines by us (layouts 5 and 6), and the lines that start a new page (layout 6). */
interface SetLines {
  lines: string[];
  firsts: Set<number>;
  breaks: ReadonlySet<number>;
}

/** A line's height as pdfkit checks it against the page bottom, and the step from one line to the next. */
function lineMetrics(doc: PDFKit.PDFDocument, chain: readonly LoadedFont[], opts: TextOptions) {
  doc.font(chain[0]!.key).fontSize(opts.size);
  const height = doc.currentLineHeight(true);
  return { height, pitch: height + (opts.lineGap ?? 0) };
}

/**
 * Layout 6: the lines of `text` and where its pages break (pageBreaks.ts); when the text cannot start on this
 * page without a widow or an orphan, moves to the next page first (before a clause's number is drawn).
 */
function setLines(
  doc: PDFKit.PDFDocument,
  chain: readonly LoadedFont[],
  text: string,
  opts: TextOptions,
  setting: BodySetting,
): SetLines {
  const { lines, firsts } = bodyLines(doc, chain, text, opts);
  if (setting !== 'pages') return { lines, firsts, breaks: new Set() };
  const { height, pitch } = lineMetrics(doc, chain, opts);
  const room = linesThatFit(doc.y, CONTENT_BOTTOM, height, pitch);
  const perPage = linesThatFit(MARGIN.top, CONTENT_BOTTOM, height, pitch);
  const breaks = pageBreaksOf(lines.length, firsts, room, perPage, doc.y <= MARGIN.top);
  if (breaks[0] === 0) doc.addPage();
  return { lines, firsts, breaks: new Set(breaks.filter((line) => line > 0)) };
}

/**
 * Body text as the template's layout sets it: from layout 5 we break the lines (lineBreaks.ts) and hand pdfkit
 * one line at a time, a little wider than it is, so pdfkit never breaks it again, and from layout 6 we start
 * the new pages too; earlier layouts let pdfkit break the lines.
 */
function bodyText(
  doc: PDFKit.PDFDocument,
  chain: readonly LoadedFont[],
  text: string,
  opts: TextOptions & { x: number; y: number },
  set: SetLines | undefined,
): void {
  if (!set) return writeText(doc, chain, text, opts);
  set.lines.forEach((line, i) => {
    if (set.breaks.has(i)) doc.addPage();
    const indent = set.firsts.has(i) ? (opts.indent ?? 0) : 0;
    const width = opts.width - indent + opts.size;
    writeText(doc, chain, line, { ...opts, x: opts.x + indent, y: i === 0 ? opts.y : doc.y, width, indent: 0 });
  });
}

/** The height `bodyText` takes on one page. */
function bodyHeight(
  doc: PDFKit.PDFDocument,
  chain: readonly LoadedFont[],
  text: string,
  opts: TextOptions,
  setting: BodySetting,
): number {
  if (setting === 'pdfkit') return textHeight(doc, chain, text, opts);
  return bodyLines(doc, chain, text, opts).lines.length * lineMetrics(doc, chain, opts).pitch;
}

const PARAGRAPH_INDENT = 2 * SIZE.body;

/**
 * Before layout 6, a paragraph or clause started on a new page unless the page had room for this much of it
 * (about two lines); layout 6 decides line by line (setLines).
 */
function startRoom(
  doc: PDFKit.PDFDocument,
  chain: readonly LoadedFont[],
  text: string,
  opts: TextOptions,
  setting: BodySetting,
): SetLines | undefined {
  if (setting === 'pages') return setLines(doc, chain, text, opts, setting);
  ensureSpace(doc, Math.min(bodyHeight(doc, chain, text, opts, setting), 40));
  return setting === 'lines' ? setLines(doc, chain, text, opts, setting) : undefined;
}

/** `setting`: who breaks the lines and pages (bodySetting). */
export function paragraph(
  doc: PDFKit.PDFDocument,
  fonts: FontSet,
  text: string,
  bold = false,
  setting: BodySetting = 'pdfkit',
): void {
  const chain = bold ? fonts.heading : fonts.body;
  const opts = { width: CONTENT_WIDTH, size: SIZE.body, lineGap: LINE_GAP, align: 'left' as const };
  const indent = setting === 'pdfkit' ? 0 : PARAGRAPH_INDENT;
  const set = startRoom(doc, chain, text, { ...opts, indent }, setting);
  // First-line indent of two characters, as in Chinese prose.
  bodyText(doc, chain, text, { ...opts, x: MARGIN.left, y: doc.y, indent: PARAGRAPH_INDENT }, set);
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
  setting: BodySetting = 'pdfkit',
): void {
  const chain = bold ? fonts.heading : fonts.body;
  const hang = CLAUSE_HANG;
  const opts = { width: CONTENT_WIDTH - hang, size: SIZE.body, lineGap: LINE_GAP, align: 'left' as const };
  const set = startRoom(doc, chain, text, opts, setting);
  const top = doc.y;
  writeText(doc, fonts.body, number, { x: MARGIN.left + 4, y: top, width: hang, size: SIZE.body });
  bodyText(doc, chain, text, { ...opts, x: MARGIN.left + hang, y: top }, set);
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
  setting: BodySetting = 'pdfkit',
): number {
  return bodyHeight(doc, clauseChain(fonts, c), c.text, clauseOptions(numbered, setting), setting) + 2;
}

const clauseChain = (fonts: FontSet, c: { bold: boolean }) => (c.bold ? fonts.heading : fonts.body);

function clauseOptions(numbered: boolean, setting: BodySetting): TextOptions {
  const width = numbered ? CONTENT_WIDTH - CLAUSE_HANG : CONTENT_WIDTH;
  const indent = setting !== 'pdfkit' && !numbered ? PARAGRAPH_INDENT : 0;
  return { width, size: SIZE.body, lineGap: LINE_GAP, indent };
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
  setting: BodySetting = 'pdfkit',
): number {
  return clauses.reduce(
    (sum, c) => sum + clauseHeight(doc, fonts, c, clauses.length > 1, setting),
    headingHeight(doc, fonts, headingText),
  );
}

/**
 * Layout 6: what a section's heading keeps on its page: at least two lines of its text, up to the first place
 * its page may break without a widow or an orphan (a clause of three lines or fewer goes whole, pageBreaks.ts).
 */
export function sectionLeadHeight(
  doc: PDFKit.PDFDocument,
  fonts: FontSet,
  clauses: readonly { text: string; bold: boolean }[],
): number {
  const numbered = clauses.length > 1;
  let lines = 0;
  let height = 0;
  for (const c of clauses) {
    if (lines >= 2) break;
    const chain = clauseChain(fonts, c);
    const opts = clauseOptions(numbered, 'pages');
    const count = bodyLines(doc, chain, c.text, opts).lines.length;
    const leading = leadingLines(count);
    if (leading < count) return height + leading * lineMetrics(doc, chain, opts).pitch;
    height += clauseHeight(doc, fonts, c, numbered, 'pages');
    lines += count;
  }
  return Math.max(height, twoLines(doc, fonts));
}
