/**
 * Industry codes: R-IND-03 (format, section vs division, 2 to 4 digits), R-IND-01 (group and class exist in the
 * profile's GB/T 4754-2017 list) and R-IND-02 (GB/T 4754 section vs 行业用电分类, REFERENCE.md 附录 C).
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
