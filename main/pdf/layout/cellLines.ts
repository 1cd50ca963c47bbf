/**
 * Table cells of layout 3 are wrapped here, not by pdfkit: pdfkit breaks between any two Han characters, so a
 * narrow cell printed "三墩 110 kV 变 / 电站" and "160.00 元/ / kVA". A cell breaks only
 * - at a space, unless a number precedes it or follows 第 ("160.00 元", "2 台", "第 1 项": a number stays with its
 *   unit, counter or ordinal; units proper are already glued with a no-break space),
 * - after a pause, closing or separating mark (、，；：）·…) and before an opening one (（「…),
 * - inside a run longer than LONG_RUN_EM characters, which is a phrase rather than a word ("间隔出线电缆终端头与客户
 *   电缆连接处"): layout 3 (`phrases`) between any two characters, which printed "客户电缆连 / 接处"; layout 4
 *   (`words`) only between the words ICU's dictionary finds in it (Intl.Segmenter: 客户|电缆|连接|处); never
 *   before a closing mark nor after an opening one,
 * and inside a word only when the word alone is wider than its column (the last resort of columnWidths.ts).
 * Each line then fits its cell, so pdfkit draws the lines as given. pdfkit measures a line's last word with the
 * newline after it, which the bundled faces draw 1 em wide: every line but the cell's last keeps that room.
 */
import type { LoadedFont } from '../fonts';
import { splitRuns } from '../glyphRuns';
import { mayBreak } from './lineBreaks';

/** A run of text wider than this many characters of the type size is a phrase, breakable inside. */
const LONG_RUN_EM = 10;

/**
 * Where a phrase may break: `phrases` (layout 3) between any two characters, `words` (layout 4) between words,
 * `units` (layout 5) between words and never where lineBreaks.ts `mayBreak` forbids it ("PT 10000/100", a date).
 */
export type CellBreaks = 'phrases' | 'words' | 'units';

const WORDS = new Intl.Segmenter('zh', { granularity: 'word' });

const CLOSING = '、，。；：！？）」』】”%‰·';
const OPENING = '（「『【“';
const BREAK_AFTER = new RegExp(`[${CLOSING}]`, 'u');
const BREAK_BEFORE = new RegExp(`[${OPENING}]`, 'u');
/** Inside a phrase: one Han character or one run of other characters, with the marks that may not part from it. */
const PHRASE_ATOM = new RegExp(
  `[${OPENING}]*(?:\\p{Script=Han}|[^\\p{Script=Han}${OPENING}${CLOSING}]+)[${CLOSING}]*|[${CLOSING}${OPENING}]+`,
  'gu',
);

/** A piece of a cell's text that never breaks, and whether a space separates it from the piece before. */
export interface Piece {
  text: string;
  spaced: boolean;
}

export interface Measure {
  (text: string): number;
}

/**
 * Width of `text` at `size` as writeText draws it: each run in the font of the chain that has its glyphs. Kept
 * per document and string: wrapping measures each line as it grows, and a grid is measured for its lead, then
 * drawn.
 */
const measures = new WeakMap<PDFKit.PDFDocument, Map<string, Measure>>();

export function measureWith(doc: PDFKit.PDFDocument, fonts: readonly LoadedFont[], size: number): Measure {
  const key = `${fonts.map((font) => font.key).join(',')}@${size}`;
  const ofDoc = measures.get(doc) ?? new Map<string, Measure>();
  measures.set(doc, ofDoc);
  const known = ofDoc.get(key);
  if (known) return known;
  const widths = new Map<string, number>();
  const measure: Measure = (text) => {
    let width = widths.get(text);
    if (width === undefined) {
      width = splitRuns(text, fonts).reduce(
        (sum, run) => sum + doc.font(run.font.key).fontSize(size).widthOfString(run.text),
        0,
      );
      widths.set(text, width);
    }
    return width;
  };
  ofDoc.set(key, measure);
  return measure;
}

/** The chunks of one line of text, split where a line may break. */
function chunksOf(line: string): Piece[] {
  const chunks: Piece[] = [];
  let text = '';
  let spaced = false;
  const flush = (nextSpaced: boolean) => {
    if (text) chunks.push({ text, spaced });
    text = '';
    spaced = nextSpaced;
  };
  const chars = [...line];
  chars.forEach((char, i) => {
    const prev = chars[i - 1] ?? '';
    if (char === ' ' && !/\d/.test(prev) && prev !== '第') return flush(true);
    if (BREAK_BEFORE.test(char) && text && !BREAK_BEFORE.test(prev)) flush(false);
    text += char;
    if (BREAK_AFTER.test(char) && !BREAK_AFTER.test(chars[i + 1] ?? '')) flush(false);
  });
  flush(false);
  return chunks;
}

/** Longest run of Han characters that layout 5 keeps whole in a cell: a name (振华路, 环网柜), not a phrase. */
const NAME_RUN = 6;

/**
 * The atoms of a phrase joined into its words: an atom that starts inside a word goes with the one before.
 * `names` (layout 5): a run of at most NAME_RUN Han characters between other characters is one word too, as
 * "振华路" in "10 kV振华A线振华路12#环网柜" (ICU split it 振华|路).
 */
function wordsOf(phrase: string, atoms: readonly string[], names: boolean): string[] {
  const starts = new Set([...WORDS.segment(phrase)].map((segment) => segment.index));
  if (names) {
    for (const run of phrase.matchAll(/\p{Script=Han}+/gu)) {
      if ([...run[0]].length > NAME_RUN) continue;
      for (let i = run.index + 1; i < run.index + run[0].length; i++) starts.delete(i);
    }
  }
  const words: string[] = [];
  let at = 0;
  for (const atom of atoms) {
    if (words.length > 0 && !starts.has(at)) words[words.length - 1] += atom;
    else words.push(atom);
    at += atom.length;
  }
  return words;
}

/** The unbreakable pieces of one line of text (no newline), as the wrapper and the column widths see them. */
export function piecesOf(line: string, measure: Measure, size: number, breaks: CellBreaks): Piece[] {
  const pieces = chunksOf(line).flatMap((chunk) => {
    if (measure(chunk.text) <= LONG_RUN_EM * size) return [chunk];
    const atoms = chunk.text.match(PHRASE_ATOM) ?? [chunk.text];
    const parts = breaks === 'phrases' ? atoms : wordsOf(chunk.text, atoms, breaks === 'units');
    return parts.map((text, i) => ({ text, spaced: i === 0 && chunk.spaced }));
  });
  return breaks === 'units' ? joinedWhereUnbreakable(pieces) : pieces;
}

/** Layout 5: a piece joined to the one before where no line may break between them. */
function joinedWhereUnbreakable(pieces: readonly Piece[]): Piece[] {
  const joined: Piece[] = [];
  for (const piece of pieces) {
    const last = joined[joined.length - 1];
    if (last && !mayBreak(last.text, piece.text, piece.spaced))
      joined[joined.length - 1] = { ...last, text: last.text + (piece.spaced ? ' ' : '') + piece.text };
    else joined.push(piece);
  }
  return joined;
}

/** A piece wider than the line: broken between characters, the last resort. */
export function breakPiece(text: string, width: number, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  for (const char of text) {
    if (line && measure(line + char) > width) {
      lines.push(line);
      line = '';
    }
    line += char;
  }
  return [...lines, line];
}

/** The cell's text with a newline at every break, each line no wider than `width`. */
export function wrapCell(text: string, width: number, measure: Measure, size: number, breaks: CellBreaks): string {
  const lines: string[] = [];
  const newline = measure('\n');
  const paragraphs = text.split('\n').map((paragraph) => piecesOf(paragraph, measure, size, breaks));
  paragraphs.forEach((pieces, p) => {
    let line = '';
    pieces.forEach((piece, i) => {
      // Only the line that ends the cell has no newline after it.
      const room = p === paragraphs.length - 1 && i === pieces.length - 1 ? width : width - newline;
      const joined = line ? line + (piece.spaced ? ' ' : '') + piece.text : piece.text;
      if (measure(joined) <= room) {
        line = joined;
        return;
      }
      if (line) lines.push(line);
      const parts = measure(piece.text) <= room ? [piece.text] : breakPiece(piece.text, width - newline, measure);
      lines.push(...parts.slice(0, -1));
      line = parts[parts.length - 1]!;
    });
    lines.push(line);
  });
  return lines.join('\n');
}
