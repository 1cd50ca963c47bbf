/**
 * Industry codes: R-IND-03 (format, section vs division, 2 to 4 digits), R-IND-01 (the division exists, 01–97;
 * group and class exist in the profile's GB/T 4754-2017 list) and R-IND-02 (GB/T 4754 section vs 行业用电分类, REFERENCE.md 附录 C).
 */
import { describe, expect, it } from 'vitest';
import type { ApplicationInput } from '../../../shared/domain/application';
import { evaluate, loadProfile, type RuleContext } from '../../../shared/rules';
import { ctx, hvApplication } from './fixtures';

const withList = (classCodes: string[]): RuleContext => {
  const load = loadProfile({ industry: { classCodes } });
  if (!load.ok) throw new Error(load.problems.join('\n'));
  return ctx({ profile: load.profile });
};
/** Test list: the 中类 C341 and one of its 小类 (not a claim about the whole standard). */
const LIST = withList(['C341', 'C3411']);

const found = (patch: Partial<ApplicationInput>, context: RuleContext = LIST) =>
  evaluate({ ...hvApplication(), ...patch }, 'ACCEPT', context)
    .issues.filter((i) => i.ruleId.startsWith('R-IND-'))
    .map((i) => `${i.ruleId}:${i.severity}:${i.message}`);

describe('R-IND-03 and R-IND-01', () => {
  it('accepts a division, a group and a class that exist', () => {
    for (const industryCode of ['C34', 'C341', 'C3411']) expect(found({ industryCode })).toEqual([]);
  });

  it('refuses a group or a class missing from the list, naming the missing level', () => {
    expect(found({ industryCode: 'C342' })).toEqual([
      'R-IND-01:error:国民经济行业分类“C342”不在 GB/T 4754-2017《国民经济行业分类》代码表中（中类“C342”不存在），请从行业分类列表中重新选择。',
    ]);
    expect(found({ industryCode: 'C3412' })).toEqual([
      'R-IND-01:error:国民经济行业分类“C3412”不在 GB/T 4754-2017《国民经济行业分类》代码表中（小类“C3412”不存在），请从行业分类列表中重新选择。',
    ]);
  });

  it('reports a wrong section or format once, as R-IND-03, not again as R-IND-01', () => {
    for (const industryCode of ['A3411', 'C3', 'C34111', 'c3411'])
      expect(found({ industryCode }).map((f) => f.slice(0, 14))).toEqual(['R-IND-03:error']);
  });

  it('checks only the division while the profile carries no list', () => {
    expect(found({ industryCode: 'C3499' }, ctx())).toEqual([]);
    expect(found({ industryCode: 'C4499' }, ctx()).map((f) => f.slice(0, 8))).toEqual(['R-IND-03']);
  });

  it('R-IND-01: the division exists at its boundaries (01 and 97), and 00, 98, 99 do not — with or without a list', () => {
    for (const industryCode of ['A01', 'A0111', 'T97', 'T9700'])
      expect(found({ industryCode }, ctx()), industryCode).toEqual([]);
    for (const [industryCode, part] of [
      ['A00', '00'],
      ['T98', '98'],
      ['C99', '99'],
      ['C9911', '99'],
    ] as const) {
      const expected = `R-IND-01:error:国民经济行业分类“${industryCode}”不在 GB/T 4754-2017《国民经济行业分类》中：大类“${part}”不存在（大类为 01–97），请从行业分类列表中重新选择。`;
      expect(found({ industryCode }, ctx())).toEqual([expected]);
      expect(found({ industryCode })).toEqual([expected]);
    }
  });

  it('R-IND-03: each section boundary of 附录 D, the division on either side of it', () => {
    const sectionEdges: [string, string][] = [
      ['A05', 'A06'],
      ['B06', 'A06'],
      ['B12', 'B13'],
      ['C13', 'B13'],
      ['C43', 'C44'],
      ['D44', 'E46'],
      ['E47', 'D47'],
      ['F52', 'F53'],
      ['K70', 'K71'],
      ['P83', 'P84'],
      ['S96', 'T96'],
    ];
    for (const [good, bad] of sectionEdges) {
      expect(found({ industryCode: good }, ctx()), good).toEqual([]);
      expect(
        found({ industryCode: bad }, ctx()).map((f) => f.slice(0, 14)),
        bad,
      ).toEqual(['R-IND-03:error']);
    }
  });

  it('refuses a profile list entry that is not a group or class code', () => {
    const load = loadProfile({ industry: { classCodes: ['C34'] } });
    expect(load.ok).toBe(false);
  });
});

describe('R-IND-02', () => {
  it('accepts a 行业用电分类 whose 门类 matches, and one the mapping does not know', () => {
    expect(found({ utilityIndustryCode: 'C000' }, ctx())).toEqual([]);
    expect(found({ utilityIndustryCode: 'GG00' }, ctx())).toEqual([]);
    expect(found({ utilityIndustryCode: '3411' }, ctx())).toEqual([]);
  });

  it('takes a mapping of several 门类 at both ends (M000 公共服务: M–T), not one beside them', () => {
    for (const industryCode of ['M73', 'T97'])
      expect(found({ industryCode, utilityIndustryCode: 'M000' }, ctx()), industryCode).toEqual([]);
    expect(found({ industryCode: 'L72', utilityIndustryCode: 'M000' }, ctx())).toEqual([
      'R-IND-02:warning:行业用电分类“M000”对应国民经济行业分类 M、N、O、P、Q、R、S、T 门类，与所填“L72”（L 门类）不符，请核对两项分类后确认。',
    ]);
    // A member listed on its own (6561 充换电服务业, under 批发零售) follows its own entry.
    expect(found({ industryCode: 'F5265', utilityIndustryCode: '6561' }, ctx())).toEqual([]);
    expect(found({ industryCode: 'G5411', utilityIndustryCode: '6561' }, ctx()).map((f) => f.slice(0, 16))).toEqual([
      'R-IND-02:warning',
    ]);
  });

  it('warns when the 门类 differs, naming both', () => {
    expect(found({ utilityIndustryCode: 'H000' }, ctx())).toEqual([
      'R-IND-02:warning:行业用电分类“H000”对应国民经济行业分类 F 门类，与所填“C3411”（C 门类）不符，请核对两项分类后确认。',
    ]);
  });

  it('warns when a residential class carries an industry', () => {
    expect(found({ utilityIndustryCode: '9910' }, ctx())).toEqual([
      'R-IND-02:warning:行业用电分类“9910”为城乡居民生活用电，不应填写国民经济行业分类“C3411”，请核对后确认。',
    ]);
  });

  it('follows a province mapping added in the profile', () => {
    const load = loadProfile({ industry: { utilityClassSections: { '3411': ['F'] } } });
    if (!load.ok) throw new Error('profile refused');
    expect(found({ utilityIndustryCode: '3411' }, ctx({ profile: load.profile })).map((f) => f.slice(0, 16))).toEqual([
      'R-IND-02:warning',
    ]);
  });
});
