/**
 * The real tools the PDF tests parse our output with: poppler's pdftotext, pdffonts and pdftoppm, and qpdf.
 * Page images are compared as 8-bit greyscale PGM, a format simple enough to read in a few lines.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function withTempPdf<T>(pdf: Buffer, use: (file: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yekuo-pdf-'));
  const file = path.join(dir, 'doc.pdf');
  fs.writeFileSync(file, pdf);
  try {
    return use(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const pdfText = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });

export interface FontRow {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
}

export function pdfFonts(file: string): FontRow[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
  return lines.map((line) => {
    const cols = line.trim().split(/\s+/);
    // name type… encoding emb sub uni id gen: read the yes/no flags from the end.
    const [emb, sub] = cols.slice(-5, -3);
    return { name: cols[0]!, type: cols.slice(1, -6).join(' '), embedded: emb === 'yes', subset: sub === 'yes' };
  });
}

/** qpdf --check exits non-zero on a structural error; its report is returned for the assertion message. */
export const qpdfCheck = (file: string) => execFileSync('qpdf', ['--check', file], { encoding: 'utf8' });

export const pdfInfo = (file: string) => execFileSync('pdfinfo', [file], { encoding: 'utf8' });

export interface GreyImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** Binary PGM (P5, maxval 255), as written by `pdftoppm -gray`. */
export function parsePgm(data: Buffer): GreyImage {
  const header = data.toString('latin1', 0, 64).match(/^P5\s+(\d+)\s+(\d+)\s+255\s/);
  if (!header) throw new Error('not an 8-bit binary PGM');
  const [whole, width, height] = header;
  return { width: Number(width), height: Number(height), pixels: data.subarray(whole!.length) };
}

export function renderFirstPage(file: string, dpi: number): Buffer {
  return execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', '1', '-l', '1', file]);
}

/** Share of pixels whose grey level differs by more than `threshold` (0–255). */
export function differingShare(a: GreyImage, b: GreyImage, threshold = 64): number {
  if (a.width !== b.width || a.height !== b.height) return 1;
  let differing = 0;
  for (let i = 0; i < a.pixels.length; i++) if (Math.abs(a.pixels[i]! - b.pixels[i]!) > threshold) differing++;
  return differing / a.pixels.length;
}

/** True when each needle occurs after the previous one. */
export function inOrder(text: string, needles: readonly string[]): string | null {
  let from = 0;
  for (const needle of needles) {
    const at = text.indexOf(needle, from);
    if (at < 0) return needle;
    from = at + needle.length;
  }
  return null;
}
