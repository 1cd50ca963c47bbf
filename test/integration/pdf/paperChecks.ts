/**
 * What a legal reviewer checks on the printed text, as functions over pdftotext output: cross-references that
 * name the clause they point at, no internal text on the customer's page, no number parted from its unit at a
 * line end, a signature block that shares its page with body text, headings kept with their text. Each returns the
 * problems it found.
 */
import { execFileSync } from 'node:child_process';

const pageText = (file: string, page: number) =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', String(page), '-l', String(page), file, '-'], {
    encoding: 'utf8',
  });

/** pdftotext -layout: lines in visual order, so a heading stays on its line even at the top of a page. */
export const layoutText = (file: string) =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', file, '-'], { encoding: 'utf8' });

const NUMERAL = '[一二三四五六七八九十]+';

/** The article headings of `layoutText` output: numeral → heading (第三条 供电方式 → 三 → 供电方式). */
export function articleHeadings(raw: string): Map<string, string> {
  const headings = new Map<string, string>();
  for (const line of raw.split('\n')) {
    const match = new RegExp(`^第(${NUMERAL})条\\s+(\\S+)$`).exec(line.trim());
    if (match) headings.set(match[1]!, match[2]!);
  }
  return headings;
}

/**
 * Every "第N条" is either an article heading at the start of a line (第三条 供电方式) or a reference written as
 * 第三条“供电方式”, where article 三 really is 供电方式. A bare "第二条电源表" is a problem. `raw` is
 * `layoutText` output.
 */
export function crossReferenceProblems(raw: string): string[] {
  const headings = articleHeadings(raw);
  const text = raw.replace(/\s+/g, '');
  const problems: string[] = [];
  for (const match of text.matchAll(new RegExp(`第(${NUMERAL})条(“([^”]+)”)?`, 'g'))) {
    const [whole, numeral, quoted, name] = match;
    const heading = headings.get(numeral!);
    if (quoted) {
      if (heading === undefined || !heading.startsWith(name!)) {
        problems.push(`${whole} 指向的条款实为“${heading ?? '不存在'}”`);
      }
    } else if (heading === undefined || !text.slice(match.index! + whole.length).startsWith(heading)) {
      problems.push(
        `${whole}${text.slice(match.index! + whole.length, match.index! + whole.length + 8)} 既非条标题也未写明所指条款`,
      );
    }
  }
  return problems;
}

/** Template ids and versions, field paths, English codes and unfilled placeholders. */
const INTERNAL = [
  /模板[:：]/,
  /\b(contract|scheme-reply|work-sheet|agreement|termination)-[a-z-]+\b/,
  /\bv\d+\.\d+\.\d+\b/,
  /\{\{|\}\}/,
  // A field path (application.customer); an e-mail address (notices go to one) is customer-facing text.
  /(?<![@.\w])[a-z]+\.[a-z]+[A-Za-z.]*\b(?!@)/,
  /\b(NEW|INC|TEMP|RED|SUS|TTX|AC0\d{4}|COMMERCIAL|RESIDENTIAL|TWO_PART|SINGLE|PERSON|ORG|USCC|RIC|NONE)\w*\b/,
];

export function internalTextProblems(raw: string): string[] {
  return INTERNAL.flatMap((pattern) => {
    const match = pattern.exec(raw);
    return match ? [`内部文字“${match[0]}”出现在页面上`] : [];
  });
}

/** A line that ends with a number whose unit starts the next line ("6050 /\n kVA"). */
export function unitBreakProblems(raw: string): string[] {
  const pattern = /([\d)])[ \u00a0]*\n\s*(kVA|kvar|kW|kV|Hz|V|A)(?![A-Za-z])/g;
  return [...raw.matchAll(pattern)].map((m) => `数字与单位被拆在两行：“${m[0].replace(/\s+/g, ' ')}”`);
}

const HEADING = new RegExp(`^(第${NUMERAL}条\\s+|${NUMERAL}、)\\S`);

/**
 * Headings not kept with the next two lines of their section (`layoutText` output, pages split at form feeds): a
 * heading that ends its page's text, or is followed there by a single line while its section goes on overleaf.
 */
export function orphanHeadingProblems(raw: string): string[] {
  const furniture = /(编号：|^第\s*\d+\s*页\s*共\s*\d+\s*页|校验码 )/;
  const pages = raw.split('\f').map((page) =>
    page
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !furniture.test(line)),
  );
  const problems: string[] = [];
  pages.forEach((lines, p) => {
    const next = pages[p + 1]?.[0];
    lines.forEach((line, i) => {
      const after = lines.length - 1 - i;
      if (!HEADING.test(line) || after >= 2 || next === undefined) return;
      if (after === 0 || !HEADING.test(next)) problems.push(`第 ${p + 1} 页：标题“${line}”与其后正文分在两页`);
    });
  });
  return problems;
}

/**
 * The page the signature block is on (the last, or the one before an annex page) carries body text too: beyond the running header and footer, the block's
 * own labels and "（以下无正文）", something of the document's text.
 */
export function signaturePageProblems(file: string, pageCount: number, signatureLabels: readonly string[]): string[] {
  const linesOf = (page: number) =>
    pageText(file, page)
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
  const startOf = (lines: string[]) => lines.findIndex((line) => signatureLabels.some((l) => line.startsWith(l)));
  // The block ends the text; only an annex (产权分界示意图) may follow it, on pages of its own.
  const page = [pageCount, pageCount - 1].find((n) => n > 0 && startOf(linesOf(n)) >= 0);
  if (page === undefined) return [`最后一页没有签署栏（${signatureLabels.join('、')}）`];
  const last = linesOf(page);
  const furniture = /^(编号：|第 \d+ 页 共 \d+ 页|校验码 |（以下无正文）$)/;
  const blockStart = startOf(last);
  const body = last.slice(1, blockStart).filter((line) => !furniture.test(line));
  return body.length === 0 ? ['签署栏独占最后一页，没有与正文同页'] : [];
}

/**
 * REFERENCE.md §7.1 (R-CON-01, after 民法典 art 649 and 条例 art 33): the twelve items every contract has an article
 * for, each recognised by the heading of the article that carries it.
 */
export const MANDATORY_ITEMS: ReadonlyArray<readonly [item: string, heading: RegExp]> = [
  ['供电方式', /供电方式/],
  ['供电质量', /供电质量/],
  ['供电时间', /供电时间/],
  ['用电容量', /容量/],
  ['用电地址', /用电地址/],
  ['用电性质', /用电性质/],
  ['计量方式', /计量/],
  ['电价、电费结算方式', /电价.*电费|电费.*结算/],
  ['供用电设施维护责任', /维护责任/],
  ['合同有效期限', /有效期|合同期限/],
  ['违约责任', /违约责任/],
  ['其他约定', /其他约定|特别约定/],
];

/** The §7.1 items no article heading of the contract covers. `raw` is `layoutText` output. */
export function mandatoryItemProblems(raw: string): string[] {
  const headings = [...articleHeadings(raw).values()];
  return MANDATORY_ITEMS.filter(([, pattern]) => !headings.some((heading) => pattern.test(heading))).map(
    ([item]) => `R-CON-01：合同缺少“${item}”条款`,
  );
}
