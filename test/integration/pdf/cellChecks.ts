/**
 * Table-cell checks on the page text as poppler reads it back (`pdftotext -bbox-layout`: every printed line with
 * its box): a word or a number with its unit split over two lines of one cell, and how far down page 1 the text
 * reaches.
 */
import { execFileSync } from 'node:child_process';
import { CONTENT_BOTTOM, MARGIN } from '../../../main/pdf/layout/pageGeometry';

export interface TextLine {
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
  /** The words joined by a space where a space glyph parts them, by a tab where a wider gap does (table cells). */
  spaced: string;
}

/** A gap between words wider than this (points) is no space glyph: a column or a hanging clause number. */
const SPACE_GAP = 5;

const attr = (tag: string, name: string) => Number(new RegExp(`${name}="([\\d.]+)"`).exec(tag)![1]);

export function textLines(file: string): TextLine[] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const lines: TextLine[] = [];
  xml
    .split('<page ')
    .slice(1)
    .forEach((page, p) => {
      for (const match of page.matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)) {
        const words = [...match[2]!.matchAll(/<word ([^>]*)>([^<]*)<\/word>/g)].map((w) => ({
          text: w[2]!,
          xMin: attr(w[1]!, 'xMin'),
          xMax: attr(w[1]!, 'xMax'),
        }));
        const [xMin, yMin, xMax, yMax] = ['xMin', 'yMin', 'xMax', 'yMax'].map((name) => attr(match[1]!, name));
        const spaced = words
          .map((w, i) => (i === 0 ? '' : w.xMin - words[i - 1]!.xMax > SPACE_GAP ? '\t' : ' ') + w.text)
          .join('');
        const text = words.map((w) => w.text).join(' ');
        lines.push({ page: p + 1, xMin: xMin!, yMin: yMin!, xMax: xMax!, yMax: yMax!, text, spaced });
      }
    });
  return lines;
}

/** Body text starts at the margin or at a clause's hanging indent; table cells start elsewhere. */
const BODY_X = [MARGIN.left, MARGIN.left + 22];

/** The line printed right below `line` in the same cell: left-aligned or centred under it, one line down. */
function nextInCell(line: TextLine, lines: readonly TextLine[]): TextLine | undefined {
  const centre = (l: TextLine) => (l.xMin + l.xMax) / 2;
  return lines.find(
    (other) =>
      other.page === line.page &&
      other.yMin >= line.yMax - 1 &&
      other.yMin <= line.yMax + 6 &&
      (Math.abs(other.xMin - line.xMin) < 1 || Math.abs(centre(other) - centre(line)) < 1),
  );
}

const squeeze = (text: string) => text.replace(/\s+/g, '');

/** The text of every table cell (and body paragraph), its lines joined: a line with none above it in its cell starts one. */
export function cellTexts(lines: readonly TextLine[]): string[] {
  const continued = new Set(lines.map((line) => nextInCell(line, lines)).filter((l) => l !== undefined));
  return lines
    .filter((line) => !continued.has(line))
    .map((line) => {
      const parts = [line.text];
      for (let next = nextInCell(line, lines); next; next = nextInCell(next, lines)) parts.push(next.text);
      return parts.join('');
    });
}

/**
 * Words of table cells printed across a line break within their cell: "变 / 电站", "160.00 元/ / kVA". `words`
 * are what must stay whole (spaces do not count).
 */
export function splitWordProblems(lines: readonly TextLine[], words: readonly string[]): string[] {
  const problems: string[] = [];
  for (const line of lines) {
    if (BODY_X.some((x) => Math.abs(line.xMin - x) < 1)) continue;
    const next = nextInCell(line, lines);
    if (!next) continue;
    const head = squeeze(line.text);
    const joined = head + squeeze(next.text);
    for (const word of words.map(squeeze)) {
      for (let at = joined.indexOf(word); at >= 0; at = joined.indexOf(word, at + 1)) {
        if (at < head.length && at + word.length > head.length)
          problems.push(`第 ${line.page} 页：“${word}”被拆在两行（“${line.text}” / “${next.text}”）`);
      }
    }
  }
  return problems;
}

const WORDS = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * Han text of table cells broken inside a word: where a cell's line ends and the next begins with Han characters,
 * ICU's dictionary (Intl.Segmenter) must start a word at the break ("客户电缆 / 连接处", not "客户电缆连 / 接处").
 */
export function wordBreakProblems(lines: readonly TextLine[]): string[] {
  const problems: string[] = [];
  for (const line of lines) {
    if (BODY_X.some((x) => Math.abs(line.xMin - x) < 1)) continue;
    const next = nextInCell(line, lines);
    const tail = /\p{Script=Han}+$/u.exec(squeeze(line.text))?.[0];
    const head = next && /^\p{Script=Han}+/u.exec(squeeze(next.text))?.[0];
    if (!tail || !head) continue;
    const starts = new Set([...WORDS.segment(tail + head)].map((segment) => segment.index));
    if (!starts.has(tail.length))
      problems.push(`第 ${line.page} 页：“${tail} / ${head}”在词中间换行（“${line.text}” / “${next.text}”）`);
  }
  return problems;
}

/** Labels of a drawing not printed whole on one line of the page: wrapped ("12# 环 / 网柜") or run into another. */
export function unwrappedLabelProblems(lines: readonly TextLine[], labels: readonly string[]): string[] {
  return labels
    .filter((label) => !lines.some((line) => squeeze(line.text).includes(squeeze(label))))
    .map((label) => `“${label}”没有印在一行上`);
}

/** Lines of text whose boxes overlap on the page (a label printed over another). */
export function overlapProblems(lines: readonly TextLine[]): string[] {
  const problems: string[] = [];
  lines.forEach((a, i) => {
    for (const b of lines.slice(i + 1)) {
      const apart = b.page !== a.page || a.xMax <= b.xMin + 0.5 || b.xMax <= a.xMin + 0.5;
      if (!apart && a.yMax > b.yMin + 0.5 && b.yMax > a.yMin + 0.5)
        problems.push(`第 ${a.page} 页：“${a.text}”与“${b.text}”重叠`);
    }
  });
  return problems;
}

/**
 * What must not be split in a table cell: short runs of Han characters (names, headers: 变电站, 计量箱) and
 * numbers with their units (2630 kVA, 160.00 元/kVA). A run of more than six Han characters is a phrase, which
 * Chinese typesetting breaks between any two characters.
 */
export function cellWords(cells: readonly string[]): string[] {
  const words = new Set<string>();
  for (const cell of cells) {
    for (const run of cell.match(/\p{Script=Han}{2,}/gu) ?? []) if (run.length <= 6) words.add(run);
    for (const value of cell.match(/\d[\d.,]*[\s\u00a0]*(?:元\/kVA|元|kVA|kW|kV|V|A)(?![A-Za-z])/g) ?? [])
      words.add(value);
  }
  return [...words];
}

/** How far down page 1's text area the text reaches, 0–1 (the page furniture below it not counted). */
export function firstPageFill(lines: readonly TextLine[]): number {
  const bottom = Math.max(...lines.filter((l) => l.page === 1 && l.yMax <= CONTENT_BOTTOM).map((l) => l.yMax));
  return (bottom - MARGIN.top) / (CONTENT_BOTTOM - MARGIN.top);
}

/** The line that continues `line`'s paragraph or cell: right below it, starting near where it starts. */
function continuation(line: TextLine, lines: readonly TextLine[]): TextLine | undefined {
  return (
    nextInCell(line, lines) ??
    lines.find(
      (other) =>
        other.page === line.page &&
        other.yMin >= line.yMax - 1 &&
        other.yMin <= line.yMax + 6 &&
        Math.abs(other.xMin - line.xMin) <= 25,
    )
  );
}

/** What no line break may fall inside, each with the problem it names. */
const UNBREAKABLE: ReadonlyArray<readonly [RegExp, string]> = [
  [/\d{4}年\d{1,2}月(?:\d{1,2}日)?|\d{1,2}月\d{1,2}日/gu, '日期'],
  [/[\d)](?:kVA|kvar|kWh|kW|kV|Hz|V|A|%|‰|℃|\p{Script=Han})/gu, '数字与单位'],
  [/[A-Za-z0-9]+(?:[/.×:-][A-Za-z0-9]+)+/g, '编号或比值'],
];
const CLOSING_MARK = /^[、，。；：！？）」』】》”%‰℃]/u;
const OPENING_MARK = /[（「『【《“]$/u;

/**
 * Line breaks, in body text and in table cells, that fall inside a date ("2027年8 / 月31日"), between a number and
 * its unit ("6050 / kVA", "3 / 份"), inside a code or ratio ("PT / 10000/100"), or against kinsoku (a line that
 * starts with ，。；：、）」 or ends with （「).
 */
export function lineBreakProblems(lines: readonly TextLine[]): string[] {
  const problems: string[] = [];
  for (const line of lines) {
    const next = continuation(line, lines);
    if (!next) continue;
    const tail = squeeze(line.text).slice(-16);
    const head = squeeze(next.text).slice(0, 16);
    const where = `第 ${line.page} 页（“${line.text.slice(-12)}” / “${next.text.slice(0, 12)}”）`;
    for (const [pattern, what] of UNBREAKABLE) {
      for (const match of (tail + head).matchAll(pattern)) {
        if (match.index < tail.length && match.index + match[0].length > tail.length)
          problems.push(`${where}：${what}“${match[0]}”被拆在两行`);
      }
    }
    if (CLOSING_MARK.test(head) || OPENING_MARK.test(tail)) problems.push(`${where}：标点违反避头尾规则`);
  }
  return problems;
}

/**
 * One spacing rule (layout 5) on every line of the page's text, the running header and footer left out: no space
 * between Chinese text and a number or Latin word, one space between a number and a Latin unit, none before %,
 * ‰, ℃ or 元.
 */
export function spacingProblems(lines: readonly TextLine[]): string[] {
  const rules: ReadonlyArray<readonly [RegExp, string]> = [
    [
      /[\p{Script=Han}，。；：、（）“”][ ]+[0-9A-Za-z±#]|[0-9A-Za-z%#][ ]+[\p{Script=Han}，。；：、（）“”]/u,
      '汉字与数字或字母之间有空格',
    ],
    [/[\d)](?:kVA|kvar|kWh|kW|kV|Hz|V|A)(?![A-Za-z])/, '数字与单位之间缺空格'],
    [/\d[ ]+[%‰℃元]/u, '%、℃或元之前有空格'],
  ];
  return lines
    .filter((line) => line.yMin >= MARGIN.top - 20 && line.yMax <= CONTENT_BOTTOM)
    .flatMap((line) =>
      rules.flatMap(([pattern, what]) => {
        const match = pattern.exec(line.spaced);
        return match ? [`第 ${line.page} 页“${line.text}”：${what}（“${match[0]}”）`] : [];
      }),
    );
}
