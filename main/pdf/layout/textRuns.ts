/**
 * Writes text through a font chain: one pdfkit `text` call per run of characters drawn by the same font,
 * chained with `continued` so wrapping and alignment work across runs.
 */
import type { LoadedFont } from '../fonts';
import { splitRuns } from '../glyphRuns';

export interface TextOptions {
  x?: number;
  y?: number;
  width: number;
  size: number;
  align?: 'left' | 'center' | 'right' | 'justify';
  lineGap?: number;
  /** First-line indent in points. */
  indent?: number;
}

export function writeText(
  doc: PDFKit.PDFDocument,
  fonts: readonly LoadedFont[],
  text: string,
  opts: TextOptions,
): void {
  const runs = splitRuns(text, fonts);
  const { x, y, indent, ...rest } = opts;
  doc.fontSize(opts.size);
  runs.forEach((run, i) => {
    doc.font(run.font.key);
    // The indent belongs to the paragraph's first line only, not to each run.
    const options = { ...rest, indent: i === 0 ? indent : 0, continued: i < runs.length - 1 };
    if (i === 0 && x !== undefined) doc.text(run.text, x, y ?? doc.y, options);
    else doc.text(run.text, options);
  });
}

/** Height of the text when wrapped to `width`, measured with the chain's first font. */
export function textHeight(
  doc: PDFKit.PDFDocument,
  fonts: readonly LoadedFont[],
  text: string,
  opts: TextOptions,
): number {
  doc.font(fonts[0]!.key).fontSize(opts.size);
  return doc.heightOfString(text, { width: opts.width, lineGap: opts.lineGap, align: opts.align });
}
