/**
 * Layout 5 (issue 12 layout): body text broken into lines by us, not pdfkit, so that a number stays with its unit
 * and a date stays whole ("至2027年8 / 月31日止" in both temporary contracts), codes and ratios stay whole in
 * table cells ("PT / 10000/100"), Chinese marks follow kinsoku; and one spacing rule for template text and
 * filled-in values. Every paper of every fixture and variant is read back with `pdftotext -bbox-layout`; each
 * check also runs on the template versions before, where it finds the defects it was written for.
 */
import { describe, expect, it } from 'vitest';
import { atomsOf, breakLines } from '../../../main/pdf/layout/lineBreaks';
import { spaceText } from '../../../main/pdf/templates/typography';
import { temporary } from '../../fixtures/pdf/papers';
import { loadRecord } from '../../fixtures/pdf/records';
import { lineBreakProblems, spacingProblems } from './cellChecks';
import { EVERY_PAPER, paperLines as linesOf } from './everyPaper';

describe.each(EVERY_PAPER)('%s %s', (_, kind, record) => {
  const lines = linesOf(kind, record());

  it('breaks no line inside a date, a number with its unit, a code or a ratio, nor against kinsoku', () => {
    expect(lineBreakProblems(lines)).toEqual([]);
  });

  it('spaces numbers and Latin words one way (no space next to Chinese, one before a Latin unit)', () => {
    expect(spacingProblems(lines)).toEqual([]);
  });
});

describe('the checks find the defects of the versions before', () => {
  it('both temporary contracts (contract-hv 1.6.0, contract-lv-nonresidential 1.5.0) split 2027年8 / 月31日', () => {
    for (const [fixture, version] of [
      ['hv', '1.6.0'],
      ['lvn', '1.5.0'],
    ] as const) {
      const problems = lineBreakProblems(linesOf('contract', temporary(fixture, 'NEW_TEMP'), version)).join('\n');
      expect(problems, fixture).toContain('日期“2027年8月31日”被拆在两行');
      expect(problems, fixture).toContain('数字与单位“8月”被拆在两行');
    }
  });

  it('scheme-reply-hv 1.6.0, contract-hv 1.6.0 and work-sheet-meter 1.3.0 split PT / 10000/100 in a cell', () => {
    const hv = loadRecord('hv');
    for (const [kind, version] of [
      ['scheme-reply', '1.6.0'],
      ['contract', '1.6.0'],
      ['work-sheet', '1.3.0'],
    ] as const) {
      expect(lineBreakProblems(linesOf(kind, hv, version)).join('\n'), kind).toContain(
        '编号或比值“PT10000/100”被拆在两行',
      );
    }
  });

  it('contract-hv 1.6.0 spaced template text ("不低于 0.95") and not filled-in values ("为2630kVA"-style)', () => {
    const problems = spacingProblems(linesOf('contract', loadRecord('hv'), '1.6.0')).join('\n');
    expect(problems).toContain('不低于 0.95');
    expect(problems).toContain('汉字与数字或字母之间有空格');
  });
});

describe('the line breaker (layout/lineBreaks.ts)', () => {
  const atoms = (text: string) => atomsOf(text).map((atom) => atom.text);
  // One point per character: Han, digit or letter alike.
  const measure = (text: string) => [...text].length;

  it('keeps a date, a number with its unit, a code and a labelled ratio whole', () => {
    expect(atoms('至2027年8月31日止')).toEqual(['至', '2027年8月31日', '止']);
    expect(atoms('为2630 kVA，')).toEqual(['为', '2630 kVA，']);
    expect(atoms('一式3份')).toEqual(['一', '式', '3份']);
    expect(atoms('PT 10000/100；')).toEqual(['PT 10000/100；']);
    expect(atoms('型号S13-M-1250/10')).toEqual(['型', '号', 'S13-M-1250/10']);
  });

  it('starts no line with a closing mark and ends none with an opening one', () => {
    expect(breakLines('甲乙丙，丁（戊）', 3, 0, measure)).toEqual(['甲乙', '丙，丁', '（戊）']);
    expect(breakLines('甲乙（丙丁', 3, 0, measure)).toEqual(['甲乙', '（丙丁']);
    // Book-title marks too: the 终止协议 printed "民法典》《 / 供电营业规则》" before they were in the sets.
    expect(breakLines('甲乙《丙丁》', 3, 0, measure)).toEqual(['甲乙', '《丙', '丁》']);
  });

  it('ends no paragraph on a widow narrower than three characters', () => {
    expect(breakLines('甲乙丙丁戊己庚辛。', 4, 0, measure)).toEqual(['甲乙丙丁', '戊己', '庚辛。']);
  });

  it('drops the space at a break and indents the first line', () => {
    expect(breakLines('甲乙 abc def', 7, 2, measure)).toEqual(['甲乙', 'abc def']);
  });

  it('spaces one way (typography.ts spaceText)', () => {
    expect(spaceText('不低于 0.95，为2630kVA，以 交流 220 V 电压，95 %，2 台')).toBe(
      '不低于0.95，为2630 kVA，以交流220 V电压，95%，2台',
    );
    expect(spaceText('中国建设银行 3305 0161 6200')).toBe('中国建设银行3305 0161 6200');
  });
});
