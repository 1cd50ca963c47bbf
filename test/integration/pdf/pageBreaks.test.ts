/**
 * Layout 6: widow and orphan control. Every paper of every fixture and variant is read back with
 * `pdftotext -bbox-layout`: no page starts with a paragraph's last line alone, none ends with a paragraph's first
 * line alone, no heading ends a page without two lines of its text, and the signature page holds more than the
 * page before had room left for. The checks also run on the versions before, where they find the widow
 * ("供电。" opened page 3 of both temporary HV contracts).
 */
import { describe, expect, it } from 'vitest';
import { leadingLines, linesThatFit, pageBreaksOf } from '../../../main/pdf/layout/pageBreaks';
import { MARGIN } from '../../../main/pdf/layout/pageGeometry';
import { temporary } from '../../fixtures/pdf/papers';
import type { TextLine } from './cellChecks';
import { EVERY_PAPER, paperLines as linesOf } from './everyPaper';
import { trailingPageProblems, widowProblems } from './pageBreakChecks';

describe.each(EVERY_PAPER)('%s %s', (_, kind, record) => {
  const lines = linesOf(kind, record());

  it('leaves no paragraph line alone at the top or foot of a page, and no heading without its text', () => {
    expect(widowProblems(lines)).toEqual([]);
  });

  it('starts the signature page only when its content does not fit on the page before', () => {
    expect(trailingPageProblems(lines)).toEqual([]);
  });
});

describe('the checks find the defects of the versions before', () => {
  it('both temporary HV contracts (contract-hv 1.7.0) opened page 3 with "供电。" alone', () => {
    for (const businessType of ['NEW_TEMP', 'TEMP_EXTEND'] as const) {
      expect(widowProblems(linesOf('contract', temporary('hv', businessType), '1.7.0')), businessType).toEqual([
        '第 3 页以上页段落的最后一行“供电。”单独开头',
      ]);
    }
  });

  // Hand-made page text, as pdftotext reads back a clause (number and text on one line at x = 66, the lines
  // after it at 84) and a heading (17.4 pt high).
  const line = (page: number, y: number, xMin: number, text: string, height = 15.09): TextLine => ({
    page,
    xMin,
    yMin: y,
    xMax: 500,
    yMax: y + height,
    text,
    spaced: text,
  });

  it('names a first line alone at the foot of a page and a heading with one line of its text', () => {
    const orphan = [
      line(1, 700, 66, '1. 供电人连续向用电人供电。'),
      line(1, 740, 66, '2. 因电网事故或自然灾害等原因中断供电的，供电人按事先确定的限电序位'),
      line(2, MARGIN.top, 84, '执行并及时抢修，尽快恢复供电。'),
      line(2, MARGIN.top + 18.6, 84, '恢复供电的时间以供电人通知为准。'),
    ];
    expect(widowProblems(orphan)).toEqual([
      '第 1 页以段落的第一行“2. 因电网事故或自然灾害等原因中断供电的，供电人按事先确定的限电序位”单独结尾',
    ]);
    const heading = [
      line(1, 720, 62, '第六条 供电时间', 17.38),
      line(1, 745, 66, '1. 供电人连续向用电人供电。因供电设施计划检修需要停电的，供电人'),
      line(2, MARGIN.top, 84, '提前七日公告或通知用电人。'),
      line(2, MARGIN.top + 18.6, 84, '临时检修需要停电的，提前二十四小时通知。'),
    ];
    expect(widowProblems(heading)).toEqual([
      '第 1 页以段落的第一行“1. 供电人连续向用电人供电。因供电设施计划检修需要停电的，供电人”单独结尾',
      '第 1 页页尾的标题“第六条 供电时间”之后不足两行正文',
    ]);
  });

  it('names a signature page whose content fitted on the page before', () => {
    const pages = [
      line(1, 100, 62, '一、供电电源', 17.38),
      line(2, MARGIN.top, 62, '供电企业（盖章）：'),
      line(2, MARGIN.top, 300, '客户签收（盖章）：'),
    ];
    expect(trailingPageProblems(pages)).toEqual(['第 2 页的内容（30 pt）放得进第 1 页余下的 655 pt']);
  });
});

describe('the page breaker (layout/pageBreaks.ts)', () => {
  const one = new Set([0]);

  it('breaks a paragraph only with two lines or more on each side', () => {
    // Five lines, room for four: the fourth goes along with the last (no widow).
    expect(pageBreaksOf(5, one, 4, 40, false)).toEqual([3]);
    // Three lines, room for two: a break would leave one alone on a side, so the paragraph moves whole.
    expect(pageBreaksOf(3, one, 2, 40, false)).toEqual([0]);
    // Room for one line of four: no first line alone at the foot.
    expect(pageBreaksOf(4, one, 1, 40, false)).toEqual([0]);
    expect(pageBreaksOf(4, one, 2, 40, false)).toEqual([2]);
    expect(pageBreaksOf(3, one, 3, 40, false)).toEqual([]);
  });

  it('breaks between two paragraphs of one text freely, and a page-long paragraph where the page ends', () => {
    expect(pageBreaksOf(4, new Set([0, 3]), 3, 40, false)).toEqual([3]);
    expect(pageBreaksOf(4, new Set([0, 2]), 3, 40, false)).toEqual([2]);
    // 81 lines from the top of a page of 40: the second break moves up one line so that two go overleaf.
    expect(pageBreaksOf(81, one, 40, 40, true)).toEqual([40, 79]);
  });

  it('counts the lines that fit as pdfkit does, and what a heading keeps', () => {
    expect(linesThatFit(700, 778, 15, 18.5)).toBe(4);
    expect(linesThatFit(764, 778, 15, 18.5)).toBe(0);
    expect([1, 2, 3, 4, 9].map(leadingLines)).toEqual([1, 2, 3, 2, 2]);
  });
});
