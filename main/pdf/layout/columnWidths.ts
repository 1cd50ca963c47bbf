/**
 * Column widths of a layout-3 grid from its content, as a browser lays out an automatic table: each column gets
 * at least its widest unbreakable piece (a word, a number with its unit; cellLines.ts) and, of the width left,
 * a share in proportion to how much more it needs to print every line unbroken; a header stays on one line
 * when the headers and words fit that way. Fixed fractions gave 8 % to a column of substation names and broke
 * them inside the word.
 */
import { piecesOf, type CellBreaks, type Measure } from './cellLines';

/**
 * Column widths as fractions of `total` (they sum to 1), for cells with `pad` on each side; the first row is the
 * header.
 */
export function contentColumns(
  cells: readonly (readonly string[])[],
  total: number,
  pad: number,
  measure: Measure,
  size: number,
  breaks: CellBreaks,
): number[] {
  const count = cells[0]?.length ?? 0;
  const lineWidth = (line: string) => measure(line) + 2 * pad + 1;
  const natural = new Array<number>(count).fill(0);
  const least = new Array<number>(count).fill(0);
  // A line with another after it needs room for the newline too (cellLines.ts).
  const newline = measure('\n');
  for (const row of cells) {
    row.forEach((text, j) => {
      const lines = text.split('\n');
      const pieces = lines.flatMap((line) => piecesOf(line, measure, size, breaks));
      lines.forEach((line, i) => {
        natural[j] = Math.max(natural[j]!, lineWidth(line) + (i < lines.length - 1 ? newline : 0));
      });
      for (const piece of pieces)
        least[j] = Math.max(least[j]!, lineWidth(piece.text) + (pieces.length > 1 ? newline : 0));
    });
  }
  const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
  // A header on one line takes a row less, which can be what lets a table start on the page before.
  const header = cells[0] ?? [];
  const headerWhole = least.map((w, j) => Math.max(w, lineWidth(header[j] ?? '')));
  if (sum(headerWhole) <= total) headerWhole.forEach((w, j) => (least[j] = w));
  let widths: number[];
  if (sum(natural) <= total) {
    // Everything fits on one line: share the rest in proportion, so wide columns stay wide.
    widths = natural.map((w) => w + ((total - sum(natural)) * w) / sum(natural));
  } else if (sum(least) <= total) {
    const wants = natural.map((w, j) => w - least[j]!);
    widths = least.map((w, j) => w + ((total - sum(least)) * wants[j]!) / sum(wants));
  } else {
    // Not even the words fit: the widest break inside (cellLines.ts breakPiece).
    widths = least.map((w) => (total * w) / sum(least));
  }
  return widths.map((w) => w / total);
}
