/** A4 in points and the margins every document shares (header above the top margin, footer below the bottom). */
export const PAGE = { width: 595.28, height: 841.89 } as const;
export const MARGIN = { top: 78, bottom: 64, left: 62, right: 62 } as const;
export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
export const CONTENT_BOTTOM = PAGE.height - MARGIN.bottom;

/** Type sizes in points: 小二 title, 小四 headings, 五号 body, 小五 tables and page furniture. */
export const SIZE = { title: 18, heading: 12, body: 10.5, table: 9.5, small: 8.5 } as const;
export const LINE_GAP = 3.5;

/** Starts a new page when fewer than `needed` points are left above the bottom margin. */
export function ensureSpace(doc: PDFKit.PDFDocument, needed: number): void {
  if (doc.y + needed > CONTENT_BOTTOM) doc.addPage();
}

/**
 * Like ensureSpace, for a block kept together with what follows it (a section and the first rows of its table);
 * a block taller than half a page is not worth a page break and flows as it comes.
 */
export function keepTogether(doc: PDFKit.PDFDocument, needed: number): void {
  if (needed <= (CONTENT_BOTTOM - MARGIN.top) / 2) ensureSpace(doc, needed);
}
