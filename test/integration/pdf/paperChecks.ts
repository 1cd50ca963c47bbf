/**
 * What a legal reviewer checks on the printed text, as functions over pdftotext output: cross-references that
 * name the clause they point at, no internal text on the customer's page, no number parted from its unit at a
 * line end, a signature block that shares its page with body text. Each returns the problems it found.
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

/**
 * Every "第N条" is either an article heading at the start of a line (第三条 供电方式) or a reference written as
 * 第三条“供电方式”, where article 三 really is 供电方式. A bare "第二条电源表" is a problem. `raw` is
 * `layoutText` output.
 */
export function crossReferenceProblems(raw: string): string[] {
  const lines = raw
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const headings = new Map<string, string>();
  const text = raw.replace(/\s+/g, '');
  for (const line of lines) {
    const match = new RegExp(`^第(${NUMERAL})条\\s+(\\S+)$`).exec(line);
    if (match) headings.set(match[1]!, match[2]!);
  }
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
  /\b[a-z]+\.[a-z]+[A-Za-z.]*\b/,
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

/**
 * The page the signature block is on carries body text too: beyond the running header and footer, the block's
 * own labels and "（以下无正文）", something of the document's text.
 */
export function signaturePageProblems(file: string, pageCount: number, signatureLabels: readonly string[]): string[] {
  const last = pageText(file, pageCount)
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const furniture = /^(编号：|第 \d+ 页 共 \d+ 页|校验码 |（以下无正文）$)/;
  const blockStart = last.findIndex((line) => signatureLabels.some((label) => line.startsWith(label)));
  if (blockStart < 0) return [`最后一页没有签署栏（${signatureLabels.join('、')}）`];
  const body = last.slice(1, blockStart).filter((line) => !furniture.test(line));
  return body.length === 0 ? ['签署栏独占最后一页，没有与正文同页'] : [];
}
