/**
 * Signature and seal block: two columns (供电人 / 用电人), each with a seal circle and lines to sign on. It is
 * always the last thing on the last page and never splits from it.
 */
import type { FontSet } from '../fonts';
import { CONTENT_WIDTH, MARGIN, SIZE, ensureSpace } from './pageGeometry';
import { writeText } from './textRuns';

export interface SignatureParty {
  role: string;
  name: string;
  lines: readonly string[];
  seal?: boolean;
  /** A natural person: "用电人（签字）" and no seal. */
  signs?: boolean;
}

export interface SignatureOptions {
  /** Layout 1 drew the seal circle even for `seal: false`; kept for documents of those template versions. */
  circleAlways: boolean;
}

const LINE_HEIGHT = 22;

export function signatureHeight(parties: readonly SignatureParty[]): number {
  return 12 + 64 + LINE_HEIGHT * Math.max(...parties.map((p) => p.lines.length));
}

/** Draws the block; returns true when it had to start a page of its own. */
export function signatureBlock(
  doc: PDFKit.PDFDocument,
  fonts: FontSet,
  parties: readonly SignatureParty[],
  options: SignatureOptions = { circleAlways: true },
): boolean {
  const height = signatureHeight(parties) - 12;
  const pageBefore = doc.bufferedPageRange().count;
  ensureSpace(doc, height + 12);
  const ownPage = doc.bufferedPageRange().count > pageBefore;
  doc.y += 12;
  const top = doc.y;
  const column = CONTENT_WIDTH / parties.length;
  parties.forEach((party, i) => {
    const x = MARGIN.left + i * column;
    const seal = party.seal !== false && !party.signs;
    const how = party.signs ? '（签字）' : seal ? '（盖章）' : '';
    writeText(doc, fonts.heading, `${party.role}${how}：`, {
      x,
      y: top,
      width: column - 10,
      size: SIZE.body,
    });
    writeText(doc, fonts.body, party.name, { x, y: top + 18, width: column - 80, size: SIZE.body });
    // Seal area: a dashed circle marks where the 合同专用章 goes.
    if (seal || options.circleAlways) {
      doc
        .save()
        .dash(2, { space: 2 })
        .lineWidth(0.5)
        .circle(x + column - 48, top + 30, 30)
        .stroke('#999999')
        .undash();
      doc.restore();
    }
    party.lines.forEach((line, j) => {
      const y = top + 56 + j * LINE_HEIGHT;
      writeText(doc, fonts.body, `${line}：`, { x, y, width: column - 10, size: SIZE.body });
      doc.moveTo(x + 6 + line.length * SIZE.body + 12, y + SIZE.body + 2).lineTo(x + column - 16, y + SIZE.body + 2);
      doc.lineWidth(0.5).stroke('#000000');
    });
  });
  doc.x = MARGIN.left;
  doc.y = top + height;
  return ownPage;
}
