/**
 * Page-break checks on the page text as poppler reads it back (`pdftotext -bbox-layout`, cellChecks.ts
 * `textLines`): a paragraph's last line alone at the top of a page (widow), its first line alone at the foot of
 * a page (orphan), a heading without two lines of its text below it at the foot of a page, and a signature page
 * whose whole content would have fitted in the room left on the page before.
 */
import { CONTENT_BOTTOM, MARGIN, SIZE } from '../../../main/pdf/layout/pageGeometry';
import type { TextLine } from './cellChecks';

/** Body text at 10.5 pt reads back about 15.1 pt high (15.2 in the bold face); table cells 13.7, headings 17.4. */
const isBodyHeight = (line: TextLine) => Math.abs(line.yMax - line.yMin - 15.15) < 0.4;
const isHeading = (line: TextLine) =>
  Math.abs(line.xMin - MARGIN.left) < 1 && Math.abs(line.yMax - line.yMin - 17.38) < 0.4;

const near = (a: number, b: number) => Math.abs(a - b) < 0.6;

/**
 * How a line of body text starts: a paragraph's first line is indented two characters (x = 83) or carries its
 * clause number (x = 66, the number and text read back as one line); a following line starts at the margin
 * (x = 62) or at the clause's hanging indent (x = 84). Anything else (cells, signatures, the diagram) is not body.
 */
function bodyKind(line: TextLine, page: readonly TextLine[]): 'first' | 'next' | undefined {
  if (!isBodyHeight(line)) return undefined;
  // Two columns on one line: the signature block.
  if (page.some((other) => other !== line && other.yMin < line.yMax - 1 && line.yMin < other.yMax - 1))
    return undefined;
  if (near(line.xMin, MARGIN.left + 4) || near(line.xMin, MARGIN.left + 2 * SIZE.body)) return 'first';
  if (near(line.xMin, MARGIN.left) || near(line.xMin, MARGIN.left + 22)) return 'next';
  return undefined;
}

/** The text area's lines of every page, top to bottom (the running header and footer left out). */
function pagesOf(lines: readonly TextLine[]): TextLine[][] {
  const pages: TextLine[][] = [];
  for (const line of lines) {
    if (line.yMin < MARGIN.top - 2 || line.yMax > CONTENT_BOTTOM + 1) continue;
    (pages[line.page - 1] ??= []).push(line);
  }
  return [...pages].map((page) => (page ?? []).sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin));
}

/** Whether `below` continues the paragraph of `line`, right under it on the same page. */
const continues = (line: TextLine, below: TextLine | undefined, page: readonly TextLine[]) =>
  below !== undefined && bodyKind(below, page) === 'next' && below.yMin > line.yMax - 1 && below.yMin < line.yMax + 6;

/**
 * Widows and orphans: a page that starts with the last line of a paragraph begun on the page before, alone; a
 * page that ends with the first line of a paragraph that goes on overleaf, alone; a heading at the foot of a page
 * with fewer than two lines of its text after it.
 */
export function widowProblems(lines: readonly TextLine[]): string[] {
  const pages = pagesOf(lines);
  const problems: string[] = [];
  pages.forEach((page, p) => {
    const next = pages[p + 1];
    const top = page[0];
    if (p > 0 && top && bodyKind(top, page) === 'next' && !continues(top, page[1], page))
      problems.push(`第 ${p + 1} 页以上页段落的最后一行“${top.text}”单独开头`);
    const overleaf = next?.[0] && bodyKind(next[0], next);
    if (!overleaf) return;
    const last = page[page.length - 1];
    if (overleaf === 'next' && last && bodyKind(last, page) === 'first')
      problems.push(`第 ${p + 1} 页以段落的第一行“${last.text}”单独结尾`);
    const heading = page.findLastIndex(isHeading);
    if (heading >= 0 && page.length - 1 - heading < 2 && page.slice(heading + 1).every((l) => bodyKind(l, page)))
      problems.push(`第 ${p + 1} 页页尾的标题“${page[heading]!.text}”之后不足两行正文`);
  });
  return problems;
}

/** Below the text of its last line the signature block still draws its rule and ends (signatures.ts). */
const SIGNATURE_BELOW_TEXT = 15;

/**
 * The signature page (the page of the last line naming a party to seal or sign, "（盖章）：" or "（签字）：") holds
 * no more than the room left at the foot of the page before could have taken: then the break before it was not
 * needed. `gap` is the space the layout keeps between blocks.
 */
export function trailingPageProblems(lines: readonly TextLine[], gap = 6): string[] {
  const pages = pagesOf(lines);
  const signatures = lines.filter((line) => /（(?:盖章|签字)）：/u.test(line.text));
  const page = signatures[signatures.length - 1]?.page;
  if (page === undefined || page < 2) return [];
  const bottom = (p: number) => Math.max(...(pages[p - 1] ?? []).map((l) => l.yMax));
  const needed = bottom(page) + SIGNATURE_BELOW_TEXT - MARGIN.top;
  const room = CONTENT_BOTTOM - bottom(page - 1) - gap;
  return needed < room
    ? [`第 ${page} 页的内容（${needed.toFixed(0)} pt）放得进第 ${page - 1} 页余下的 ${room.toFixed(0)} pt`]
    : [];
}
