/**
 * Layout 5 sets the line breaks of body text itself, as layout 3 does for table cells (cellLines.ts): pdfkit's
 * line breaker breaks between a digit and the Han character after it, which printed "至2027年8 / 月31日止", and a
 * word joiner (U+2060) reads back as a space and has no glyph in the bundled faces. Here a line may break
 * between two Han characters or at a space, except where `mayBreak` says no:
 * - a number and its unit, counter or date part: "2630 kVA", "95%", "3 份", "2 台", "2027年8月31日" (a date is
 *   kept whole), "第3项";
 * - a code or ratio, which has no space inside: "10000/100", "S13-M-1250/10", and an abbreviation with the value
 *   it labels: "PT 10000/100", "CT 0.2S级";
 * - kinsoku: no line starts with a closing or pausing mark (，。；：、）」…) and none ends with an opening one (（「…).
 * Each line is then handed to pdfkit alone, so pdfkit never breaks it again.
 */
import type { LoadedFont } from '../fonts';
import { breakPiece, measureWith, type Measure } from './cellLines';

export const CLOSING = '、，。；：！？）」』】》〉”’%‰℃·…—';
export const OPENING = '（「『【《〈“‘';
const CLOSING_START = new RegExp(`^[${CLOSING}]`, 'u');
const OPENING_END = new RegExp(`[${OPENING}]$`, 'u');
const NUMBER_END = /[\d)]$/u;
/** What follows a number without a break: a Han unit or counter (kVA, 元, 年, 台, 份…) or a sign. */
const UNIT_START = /^(?:kVA|kvar|kWh|kW|kV|Hz|V|A|mm²|mm|km|m)(?![A-Za-z])|^[\p{Script=Han}%‰℃]/u;
const DATE_PART_END = /\d[年月]$/u;
const ABBREVIATION_END = /(?:^|[^A-Za-z])[A-Z]{1,4}$/u;
const WORD_CHAR = /[^\s\p{Script=Han}、，。；：！？）」』】》〉”’（「『【《〈“‘…—]/u;

/** Whether a line may break between `before` and `after` (`spaced`: a space separates them in the text). */
export function mayBreak(before: string, after: string, spaced: boolean): boolean {
  if (!before || !after) return true;
  if (CLOSING_START.test(after) || OPENING_END.test(before)) return false;
  if (NUMBER_END.test(before) && UNIT_START.test(after)) return false;
  if (/^\d/.test(after) && (DATE_PART_END.test(before) || before.endsWith('第'))) return false;
  if (spaced) return !(ABBREVIATION_END.test(before) && /^\d/.test(after));
  // Two runs of Latin letters, digits and signs with no space between them are one word ("10000/100").
  return !(WORD_CHAR.test(before.slice(-1)) && WORD_CHAR.test(after[0]!));
}

/** A piece of text no line breaks inside; `spaced` when a space separates it from the piece before. */
export interface Atom {
  text: string;
  spaced: boolean;
}

/** Each Han character or mark alone, each run of other characters whole; spaces only mark the next as spaced. */
const TOKEN = new RegExp(
  `( +)|([\\p{Script=Han}${CLOSING}${OPENING}])|([^ \\p{Script=Han}${CLOSING}${OPENING}]+)`,
  'gu',
);

/** The text's unbreakable atoms: tokens joined wherever `mayBreak` forbids a break between them. */
export function atomsOf(text: string): Atom[] {
  const atoms: Atom[] = [];
  let spaced = false;
  for (const match of text.matchAll(TOKEN)) {
    if (match[1]) {
      spaced = atoms.length > 0;
      continue;
    }
    const last = atoms[atoms.length - 1];
    if (last && !mayBreak(last.text, match[0], spaced)) last.text += (spaced ? ' ' : '') + match[0];
    else atoms.push({ text: match[0], spaced });
    spaced = false;
  }
  return atoms;
}

/** A line's atoms joined, with the space before each but the first. */
const joinAtoms = (atoms: readonly Atom[]) => atoms.map((a, i) => (i > 0 && a.spaced ? ' ' : '') + a.text).join('');

/**
 * The lines of one paragraph (no newline in `text`): as many atoms on each as fit `width`, the first line
 * `indent` narrower. The space before an atom that starts a line is dropped. A last line narrower than three
 * Han characters ("任。") takes the last atom of the line before with it, so no paragraph ends on a widow.
 */
export function breakLines(text: string, width: number, indent: number, measure: Measure): string[] {
  const lines: Atom[][] = [[]];
  const room = () => (lines.length === 1 ? width - indent : width);
  for (const atom of atomsOf(text)) {
    const line = lines[lines.length - 1]!;
    if (measure(joinAtoms([...line, atom])) <= room()) {
      line.push(atom);
      continue;
    }
    if (line.length > 0) lines.push([]);
    if (measure(atom.text) <= room()) {
      lines[lines.length - 1]!.push(atom);
      continue;
    }
    const parts = breakPiece(atom.text, room(), measure);
    lines.pop();
    lines.push(...parts.map((part) => [{ text: part, spaced: false }]));
  }
  const last = lines[lines.length - 1]!;
  const before = lines[lines.length - 2];
  if (before && before.length > 2 && measure(joinAtoms(last)) < measure('字字字')) last.unshift(before.pop()!);
  return lines.map(joinAtoms);
}

/** The lines of `text` (newlines kept as paragraph breaks, each paragraph's first line indented). */
export function bodyLines(
  doc: PDFKit.PDFDocument,
  fonts: readonly LoadedFont[],
  text: string,
  opts: { width: number; size: number; indent?: number },
): { lines: string[]; firsts: Set<number> } {
  const measure = measureWith(doc, fonts, opts.size);
  const lines: string[] = [];
  const firsts = new Set<number>();
  for (const paragraph of text.split('\n')) {
    firsts.add(lines.length);
    lines.push(...breakLines(paragraph, opts.width, opts.indent ?? 0, measure));
  }
  return { lines, firsts };
}
