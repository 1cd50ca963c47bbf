/**
 * 产权分界示意图, the contract's annex: the place of performance is the ownership boundary (民法典 art 650), so the
 * contract shows it (REFERENCE.md §7.2, §7.3 A.8). One single-line diagram per source — substation → line →
 * boundary point → the customer's receiving point and transformers — drawn as pdfkit vector graphics from the
 * approved scheme, labelled through the same font chain as the text. No image files.
 */
import { VOLTAGE_LABELS } from '../../../shared/domain/labels';
import type { SupplyScheme } from '../../../shared/domain/scheme';
import { SOURCE_NATURE_LABELS } from '../../../shared/domain/schemeLabels';
import type { FontSet } from '../fonts';
import { CONTENT_WIDTH, MARGIN, SIZE, ensureSpace } from './pageGeometry';
import { textHeight, writeText } from './textRuns';

/** One source as the diagram labels it. */
export interface DiagramSource {
  title: string;
  substation: string;
  line: string;
  boundaryPoint: string;
}

export interface BoundaryDiagram {
  sources: DiagramSource[];
  receivingPoint: string;
  equipment: string;
}

/** What the diagram draws, from the approved scheme only (so a regenerated contract draws the same lines). */
export function boundaryDiagramOf(scheme: SupplyScheme): BoundaryDiagram {
  const transformers = (scheme.receiving?.transformers ?? []).map((t) => `${t.ratingKva}\u00a0kVA × ${t.count} 台`);
  const motors = scheme.receiving?.hvMotorKw ? [`高压电动机 ${scheme.receiving.hvMotorKw}\u00a0kW`] : [];
  return {
    sources: scheme.sources.map((source) => ({
      title: `第 ${source.no} 路\u3000${SOURCE_NATURE_LABELS[source.nature]}\u3000${VOLTAGE_LABELS[source.voltageCode]}`,
      substation: source.substation,
      line: source.line ?? '',
      boundaryPoint: source.boundaryPoint,
    })),
    receivingPoint: scheme.receiving?.pointType ?? '用电人受电点',
    equipment: ['受电变压器', ...transformers, ...motors].join('\n'),
  };
}

const ROW_HEIGHT = 168;
const LABEL = SIZE.small;
const X = {
  left: MARGIN.left,
  boxRight: MARGIN.left + 96,
  boundary: MARGIN.left + CONTENT_WIDTH * 0.5,
  bus: MARGIN.left + CONTENT_WIDTH * 0.7,
  right: MARGIN.left + CONTENT_WIDTH,
};

/** Writes a label without moving the flow: the diagram places every label itself. */
function label(
  doc: PDFKit.PDFDocument,
  fonts: FontSet,
  text: string,
  at: { x: number; y: number; width: number; align?: 'left' | 'center' | 'right'; bold?: boolean; size?: number },
): number {
  const chain = at.bold ? fonts.heading : fonts.body;
  const opts = { width: at.width, size: at.size ?? LABEL, lineGap: 1, align: at.align ?? 'center' };
  const height = textHeight(doc, chain, text, opts);
  const flowY = doc.y;
  writeText(doc, chain, text, { ...opts, x: at.x, y: at.y });
  doc.y = flowY;
  return height;
}

/** A two-winding transformer: two overlapping circles on the line. */
function transformerSymbol(doc: PDFKit.PDFDocument, x: number, y: number): void {
  doc.circle(x + 8, y, 8).stroke();
  doc.circle(x + 20, y, 8).stroke();
}

function sourceRow(doc: PDFKit.PDFDocument, fonts: FontSet, diagram: BoundaryDiagram, source: DiagramSource) {
  const top = doc.y;
  const lineY = top + 78;
  doc.save().lineWidth(0.8).strokeColor('black');
  label(doc, fonts, source.title, {
    x: X.left,
    y: top,
    width: CONTENT_WIDTH,
    align: 'left',
    bold: true,
    size: SIZE.body,
  });

  // Ownership on either side of the boundary.
  label(doc, fonts, '供电人产权（电源侧）', { x: X.left, y: top + 20, width: X.boundary - X.left - 8, align: 'right' });
  label(doc, fonts, '用电人产权（负荷侧）', {
    x: X.boundary + 8,
    y: top + 20,
    width: X.right - X.boundary - 8,
    align: 'left',
  });

  // Substation.
  doc.rect(X.left, lineY - 24, X.boxRight - X.left, 48).stroke();
  const boxWidth = X.boxRight - X.left - 6;
  const nameHeight = textHeight(doc, fonts.body, source.substation, { width: boxWidth, size: LABEL, lineGap: 1 });
  label(doc, fonts, source.substation, { x: X.left + 3, y: lineY - nameHeight / 2, width: boxWidth });

  // The line up to the boundary, named above it; then the customer's side up to the bus of the receiving point.
  doc.moveTo(X.boxRight, lineY).lineTo(X.bus, lineY).stroke();
  const lineWidth = X.boundary - X.boxRight - 20;
  const lineText = source.line || '供电线路';
  const lineHeight = textHeight(doc, fonts.body, lineText, { width: lineWidth, size: LABEL, lineGap: 1 });
  label(doc, fonts, lineText, { x: X.boxRight + 6, y: lineY - 4 - lineHeight, width: lineWidth });

  // The boundary: a dashed line across the row with the point marked on the line.
  doc
    .save()
    .lineWidth(1.4)
    .dash(4, { space: 3 })
    .moveTo(X.boundary, top + 34)
    .lineTo(X.boundary, lineY + 22)
    .stroke()
    .restore();
  doc.circle(X.boundary, lineY, 3.5).fill('black');
  label(doc, fonts, '产权分界点', { x: X.boundary - 60, y: lineY + 26, width: 120, bold: true });
  label(doc, fonts, source.boundaryPoint, { x: X.boundary - 90, y: lineY + 40, width: 180 });

  // The receiving point's bus and the transformers behind it.
  doc
    .lineWidth(2.4)
    .moveTo(X.bus, lineY - 26)
    .lineTo(X.bus, lineY + 26)
    .stroke()
    .lineWidth(0.8);
  label(doc, fonts, diagram.receivingPoint, { x: X.bus - 40, y: lineY + 30, width: 80 });
  doc
    .moveTo(X.bus, lineY)
    .lineTo(X.bus + 18, lineY)
    .stroke();
  transformerSymbol(doc, X.bus + 18, lineY);
  const equipmentX = X.bus + 52;
  label(doc, fonts, diagram.equipment, { x: equipmentX, y: lineY - 18, width: X.right - equipmentX, align: 'left' });
  doc.restore();
  doc.y = top + ROW_HEIGHT;
}

const LEGEND =
  '说明：图中点线为产权分界点。分界点电源侧的设施属供电人，由供电人运行维护；负荷侧的设施属用电人，由用电人运行维护。本图为示意，设备以批准的供电方案为准。';

export function drawBoundaryDiagram(doc: PDFKit.PDFDocument, fonts: FontSet, diagram: BoundaryDiagram): void {
  for (const source of diagram.sources) {
    ensureSpace(doc, ROW_HEIGHT);
    sourceRow(doc, fonts, diagram, source);
  }
  label(doc, fonts, LEGEND, { x: X.left, y: doc.y, width: CONTENT_WIDTH, align: 'left', size: SIZE.small });
}
