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
import { measureWith, wrapCell } from './cellLines';
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

/** The diagram with every label passed through `typeset` (layout 5's spacing rule, typography.ts). */
export function typesetDiagram(diagram: BoundaryDiagram, typeset: (text: string) => string): BoundaryDiagram {
  return {
    sources: diagram.sources.map((source) => ({
      title: typeset(source.title),
      substation: typeset(source.substation),
      line: typeset(source.line),
      boundaryPoint: typeset(source.boundaryPoint),
    })),
    receivingPoint: typeset(diagram.receivingPoint),
    equipment: diagram.equipment.split('\n').map(typeset).join('\n'),
  };
}

const ROW_HEIGHT = 168;
const LABEL = SIZE.small;
/** A fitted label shrinks down to this size before it breaks, between words, onto a second line. */
const MIN_LABEL = 6;
const LINE_GAP_LABEL = 1;
const X = {
  left: MARGIN.left,
  boxRight: MARGIN.left + 96,
  boundary: MARGIN.left + CONTENT_WIDTH * 0.5,
  bus: MARGIN.left + CONTENT_WIDTH * 0.7,
  right: MARGIN.left + CONTENT_WIDTH,
};

interface Label {
  text: string;
  x: number;
  y: number;
  width: number;
  align?: 'left' | 'center' | 'right';
  bold?: boolean;
  size?: number;
}

/** Where one source's row draws its lines and labels, relative to nothing: every coordinate is on the page. */
interface RowPlan {
  title: Label;
  owners: [Label, Label];
  box: { right: number; top: number; height: number };
  substation: Label;
  lineY: number;
  line: Label;
  boundary: { x: number; top: number; bottom: number };
  boundaryMark: Label;
  boundaryPoint: Label;
  bus: number;
  receivingPoint: Label;
  equipment: Label;
  height: number;
}

/** Writes a label without moving the flow: the diagram places every label itself. */
function label(doc: PDFKit.PDFDocument, fonts: FontSet, at: Label): void {
  const chain = at.bold ? fonts.heading : fonts.body;
  const flowY = doc.y;
  writeText(doc, chain, at.text, {
    width: at.width,
    size: at.size ?? LABEL,
    lineGap: LINE_GAP_LABEL,
    align: at.align ?? 'center',
    x: at.x,
    y: at.y,
  });
  doc.y = flowY;
}

const heightOf = (doc: PDFKit.PDFDocument, fonts: FontSet, text: string, width: number, size: number = LABEL) =>
  textHeight(doc, fonts.body, text, { width, size, lineGap: LINE_GAP_LABEL });

/** Layout 3's row: fixed places, each label wrapped by pdfkit to the width of its place. */
function fixedPlan(doc: PDFKit.PDFDocument, fonts: FontSet, diagram: BoundaryDiagram, source: DiagramSource): RowPlan {
  const top = doc.y;
  const lineY = top + 78;
  const boxWidth = X.boxRight - X.left - 6;
  const nameHeight = heightOf(doc, fonts, source.substation, boxWidth);
  const lineWidth = X.boundary - X.boxRight - 20;
  const lineText = source.line || '供电线路';
  const lineHeight = heightOf(doc, fonts, lineText, lineWidth);
  const equipmentX = X.bus + 52;
  return {
    title: { text: source.title, x: X.left, y: top, width: CONTENT_WIDTH, align: 'left', bold: true, size: SIZE.body },
    owners: [
      { text: '供电人产权（电源侧）', x: X.left, y: top + 20, width: X.boundary - X.left - 8, align: 'right' },
      { text: '用电人产权（负荷侧）', x: X.boundary + 8, y: top + 20, width: X.right - X.boundary - 8, align: 'left' },
    ],
    box: { right: X.boxRight, top: lineY - 24, height: 48 },
    substation: { text: source.substation, x: X.left + 3, y: lineY - nameHeight / 2, width: boxWidth },
    lineY,
    line: { text: lineText, x: X.boxRight + 6, y: lineY - 4 - lineHeight, width: lineWidth },
    boundary: { x: X.boundary, top: top + 34, bottom: lineY + 22 },
    boundaryMark: { text: '产权分界点', x: X.boundary - 60, y: lineY + 26, width: 120, bold: true },
    boundaryPoint: { text: source.boundaryPoint, x: X.boundary - 90, y: lineY + 40, width: 180 },
    bus: X.bus,
    receivingPoint: { text: diagram.receivingPoint, x: X.bus - 40, y: lineY + 30, width: 80 },
    equipment: { text: diagram.equipment, x: equipmentX, y: lineY - 18, width: X.right - equipmentX, align: 'left' },
    height: ROW_HEIGHT,
  };
}

/** A label's text and size to fit `width` on one line (each of its lines), or broken between words at MIN_LABEL. */
function fitted(doc: PDFKit.PDFDocument, fonts: FontSet, text: string, width: number): { text: string; size: number } {
  const measure = measureWith(doc, fonts.body, LABEL);
  // pdfkit measures a line with the newline after it, 1 em wide in the bundled faces: keep that room.
  const widest = Math.max(...text.split('\n').map((line) => measure(line))) + LABEL;
  if (widest <= width) return { text, size: LABEL };
  const size = Math.floor((LABEL * width * 10) / widest) / 10;
  if (size >= MIN_LABEL) return { text, size };
  const small = measureWith(doc, fonts.body, MIN_LABEL);
  return { text: wrapCell(text, width - MIN_LABEL, small, MIN_LABEL, 'words'), size: MIN_LABEL };
}

/**
 * Layout 4's row: places from the measured labels, so that none wraps inside a word or overlaps another. The
 * substation box is as wide as its name; the equipment list takes the width it needs at the right, the bus
 * before it; the boundary stands where the line's name ends (between the box and the bus); the boundary point's
 * text is centred under it, moved left when it would reach the equipment, and the row is as tall as its labels.
 */
function measuredPlan(
  doc: PDFKit.PDFDocument,
  fonts: FontSet,
  diagram: BoundaryDiagram,
  source: DiagramSource,
): RowPlan {
  const top = doc.y;
  const measure = measureWith(doc, fonts.body, LABEL);
  const em = LABEL;
  /** The width a fitted label takes: its widest line with the room pdfkit keeps for a newline. */
  const span = (label: { text: string; size: number }) =>
    Math.max(...label.text.split('\n').map((line) => measureWith(doc, fonts.body, label.size)(line))) + label.size + 1;
  const boxWidth = Math.min(Math.max(96, measure(source.substation) + 2 * em), CONTENT_WIDTH * 0.24);
  const boxRight = X.left + boxWidth;
  const substation = fitted(doc, fonts, source.substation, boxWidth - 6);
  const equipment = fitted(doc, fonts, diagram.equipment, CONTENT_WIDTH * 0.26);
  const equipmentWidth = span(equipment);
  const equipmentX = X.right - equipmentWidth;
  const bus = equipmentX - 52;
  // The line's name takes what is left between the box and the bus, the boundary standing where the name ends.
  const line = fitted(doc, fonts, source.line || '供电线路', bus - 48 - boxRight - 16);
  const lineWidth = span(line);
  const boundary = Math.max(boxRight + 16 + lineWidth, (boxRight + bus) / 2);
  const lineHeight = heightOf(doc, fonts, line.text, lineWidth, line.size);
  const lineY = Math.max(top + 78, top + 40 + lineHeight + 4);
  const substationHeight = heightOf(doc, fonts, substation.text, boxWidth - 6, substation.size);
  const equipmentHeight = heightOf(doc, fonts, equipment.text, equipmentWidth, equipment.size);
  // The boundary point's text: centred under the boundary, within the page and left of the equipment.
  const pointRoom = bus + 40 - X.left;
  const point = fitted(doc, fonts, source.boundaryPoint, pointRoom);
  const pointWidth = Math.min(pointRoom, span(point));
  const pointX = Math.max(X.left, Math.min(boundary - pointWidth / 2, bus + 40 - pointWidth));
  const pointY = lineY + 40;
  const pointHeight = heightOf(doc, fonts, point.text, pointWidth, point.size);
  const receivingWidth = measure(diagram.receivingPoint) + em + 1;
  const bottom = Math.max(pointY + pointHeight, lineY - 18 + equipmentHeight, lineY + 26 + em);
  return {
    title: { text: source.title, x: X.left, y: top, width: CONTENT_WIDTH, align: 'left', bold: true, size: SIZE.body },
    owners: [
      { text: '供电人产权（电源侧）', x: X.left, y: top + 20, width: boundary - X.left - 8, align: 'right' },
      { text: '用电人产权（负荷侧）', x: boundary + 8, y: top + 20, width: X.right - boundary - 8, align: 'left' },
    ],
    box: { right: boxRight, top: lineY - 24, height: 48 },
    substation: { ...substation, x: X.left + 3, y: lineY - substationHeight / 2, width: boxWidth - 6 },
    lineY,
    line: { ...line, x: boxRight + 6, y: lineY - 4 - lineHeight, width: lineWidth },
    boundary: { x: boundary, top: top + 34, bottom: lineY + 22 },
    boundaryMark: { text: '产权分界点', x: boundary - 40, y: lineY + 26, width: 80, bold: true },
    boundaryPoint: { ...point, x: pointX, y: pointY, width: pointWidth },
    bus,
    // Above the bus: below it the boundary point's text may pass.
    receivingPoint: { text: diagram.receivingPoint, x: bus - receivingWidth / 2, y: lineY - 40, width: receivingWidth },
    equipment: { ...equipment, x: equipmentX, y: lineY - 18, width: equipmentWidth, align: 'left' },
    height: Math.max(ROW_HEIGHT - 20, bottom - top + 24),
  };
}

/** A two-winding transformer: two overlapping circles on the line. */
function transformerSymbol(doc: PDFKit.PDFDocument, x: number, y: number): void {
  doc.circle(x + 8, y, 8).stroke();
  doc.circle(x + 20, y, 8).stroke();
}

function sourceRow(doc: PDFKit.PDFDocument, fonts: FontSet, plan: RowPlan) {
  const top = doc.y;
  const { lineY } = plan;
  doc.save().lineWidth(0.8).strokeColor('black');
  label(doc, fonts, plan.title);

  // Ownership on either side of the boundary.
  label(doc, fonts, plan.owners[0]);
  label(doc, fonts, plan.owners[1]);

  // Substation.
  doc.rect(X.left, plan.box.top, plan.box.right - X.left, plan.box.height).stroke();
  label(doc, fonts, plan.substation);

  // The line up to the boundary, named above it; then the customer's side up to the bus of the receiving point.
  doc.moveTo(plan.box.right, lineY).lineTo(plan.bus, lineY).stroke();
  label(doc, fonts, plan.line);

  // The boundary: a dashed line across the row with the point marked on the line.
  doc
    .save()
    .lineWidth(1.4)
    .dash(4, { space: 3 })
    .moveTo(plan.boundary.x, plan.boundary.top)
    .lineTo(plan.boundary.x, plan.boundary.bottom)
    .stroke()
    .restore();
  doc.circle(plan.boundary.x, lineY, 3.5).fill('black');
  label(doc, fonts, plan.boundaryMark);
  label(doc, fonts, plan.boundaryPoint);

  // The receiving point's bus and the transformers behind it.
  doc
    .lineWidth(2.4)
    .moveTo(plan.bus, lineY - 26)
    .lineTo(plan.bus, lineY + 26)
    .stroke()
    .lineWidth(0.8);
  label(doc, fonts, plan.receivingPoint);
  doc
    .moveTo(plan.bus, lineY)
    .lineTo(plan.bus + 18, lineY)
    .stroke();
  transformerSymbol(doc, plan.bus + 18, lineY);
  label(doc, fonts, plan.equipment);
  doc.restore();
  doc.y = top + plan.height;
}

const LEGEND =
  '说明：图中点线为产权分界点。分界点电源侧的设施属供电人，由供电人运行维护；负荷侧的设施属用电人，由用电人运行维护。本图为示意，设备以批准的供电方案为准。';

/**
 * The annex's rows and legend. `measured` (layout 4) places the labels from their measured widths; layout 3 drew
 * them at fixed places, where pdfkit wrapped a long line name or boundary point ("12# 环 / 网柜") over the bus label.
 */
export function drawBoundaryDiagram(
  doc: PDFKit.PDFDocument,
  fonts: FontSet,
  diagram: BoundaryDiagram,
  measured: boolean,
): void {
  for (const source of diagram.sources) {
    const plan = () => (measured ? measuredPlan : fixedPlan)(doc, fonts, diagram, source);
    ensureSpace(doc, measured ? plan().height : ROW_HEIGHT);
    sourceRow(doc, fonts, plan());
  }
  label(doc, fonts, { text: LEGEND, x: X.left, y: doc.y, width: CONTENT_WIDTH, align: 'left', size: SIZE.small });
}
