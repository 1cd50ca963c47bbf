/**
 * Header, footer and marks drawn on every buffered page once the body is laid out, because "共 y 页" is only
 * known at the end.
 */
import type { FontSet } from '../fonts';
import { CONTENT_WIDTH, MARGIN, PAGE, SIZE } from './pageGeometry';
import { writeText } from './textRuns';

export interface Furniture {
  hallLine: string;
  documentNo: string;
  /** Reprint of a signed contract: every page is marked 副本. */
  copy: boolean;
  /** Layout 2: the 校验码 in small type at the foot of every page (layout 1 printed it under the title). */
  checkLine?: string;
}

export function decoratePages(doc: PDFKit.PDFDocument, fonts: FontSet, furniture: Furniture): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing into the margins must not make pdfkit open a new page.
    const margins = { ...doc.page.margins };
    doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
    const headerY = MARGIN.top - 34;
    writeText(doc, fonts.body, furniture.hallLine, {
      x: MARGIN.left,
      y: headerY,
      width: CONTENT_WIDTH,
      size: SIZE.small,
    });
    writeText(doc, fonts.body, `编号：${furniture.documentNo}`, {
      x: MARGIN.left,
      y: headerY,
      width: CONTENT_WIDTH,
      size: SIZE.small,
      align: 'right',
    });
    doc
      .moveTo(MARGIN.left, headerY + 14)
      .lineTo(PAGE.width - MARGIN.right, headerY + 14)
      .lineWidth(0.8)
      .stroke('#000000');
    writeText(doc, fonts.body, `第 ${i - range.start + 1} 页 共 ${range.count} 页`, {
      x: MARGIN.left,
      y: PAGE.height - MARGIN.bottom + 24,
      width: CONTENT_WIDTH,
      size: SIZE.small,
      align: 'center',
    });
    if (furniture.checkLine) {
      writeText(doc, fonts.body, furniture.checkLine, {
        x: MARGIN.left,
        y: PAGE.height - MARGIN.bottom + 24,
        width: CONTENT_WIDTH,
        size: SIZE.small - 2,
        align: 'right',
      });
    }
    if (furniture.copy) copyMark(doc, fonts);
    doc.page.margins = margins;
  }
}

function copyMark(doc: PDFKit.PDFDocument, fonts: FontSet): void {
  const x = PAGE.width - MARGIN.right - 56;
  const y = 12;
  doc.save().lineWidth(1.2).rect(x, y, 56, 22).stroke('#c00000').restore();
  doc.fillColor('#c00000');
  writeText(doc, fonts.heading, '副本', { x, y: y + 5, width: 56, size: 11, align: 'center' });
  doc.fillColor('#000000');
}
