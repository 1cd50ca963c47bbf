/**
 * Industry codes (REFERENCE.md §5.1.10, 附录 C/D): the GB/T 4754-2017 code exists (R-IND-01), its section letter
 * goes with its division (R-IND-03, 附录 D) and it agrees with the 行业用电分类 (R-IND-02). Where the division
 * table comes from and how it was checked: docs/rules-policy.md, "Industry codes".
 */
import type { Rule } from '../engine/types';
import { industrySection } from './facts';

/**
 * GB/T 4754-2017 (with amendment No. 1 of 2019) division ranges per section, REFERENCE.md 附录 D. The 97 divisions
 * are exactly 01–97 without gaps, so a division in 01–97 exists and belongs to exactly one section.
 */
const DIVISIONS: Readonly<Record<string, readonly [number, number]>> = {
  A: [1, 5],
  B: [6, 12],
  C: [13, 43],
  D: [44, 46],
  E: [47, 50],
  F: [51, 52],
  G: [53, 60],
  H: [61, 62],
  I: [63, 65],
  J: [66, 69],
  K: [70, 70],
  L: [71, 72],
  M: [73, 75],
  N: [76, 79],
  O: [80, 82],
  P: [83, 83],
  Q: [84, 85],
  R: [86, 90],
  S: [91, 96],
  T: [97, 97],
};
const LAST_DIVISION = 97;

/** A section letter and the 2-digit division, optionally the group and class digits: C38, C381, C3811. */
const SHAPE = /^[A-T]\d{2,4}$/;
const divisionOf = (code: string): number => Number(code.slice(1, 3));
const divisionExists = (division: number): boolean => division >= 1 && division <= LAST_DIVISION;
function inSection(code: string): boolean {
  const range = DIVISIONS[code[0] as string];
  const division = divisionOf(code);
  return range !== undefined && division >= range[0] && division <= range[1];
}

/** The profile's GB/T 4754 list as a set, built once per list (the rules run on every keystroke). */
const CLASS_SETS = new WeakMap<readonly string[], ReadonlySet<string>>();
function classCodeSet(codes: readonly string[]): ReadonlySet<string> {
  let set = CLASS_SETS.get(codes);
  if (!set) CLASS_SETS.set(codes, (set = new Set(codes)));
  return set;
}

export const industryRules: Rule[] = [
  {
    id: 'R-IND-03',
    implements: 'R-IND-01（代码格式与门类—大类对应：附录 D 的校验）',
    title: '国民经济行业分类代码为门类字母加 2–4 位数字，大类须属于该门类',
    severity: 'error',
    fields: ['industryCode'],
    source: 'REFERENCE §5.1.10, 附录 D; SRC-GB4754',
    messages: {
      main: '{field}“{code}”不正确：应为门类字母加大类 2 位数字，可续写中类、小类（如 C38、C381、C3811），且大类须属于该门类，请重新选择。',
    },
    check(app, _env, report) {
      const code = app.industryCode?.trim();
      if (!code) return;
      // A division that does not exist is R-IND-01's finding: one problem per cause.
      const wrong = !SHAPE.test(code) || (divisionExists(divisionOf(code)) && !inSection(code));
      if (wrong) report('industryCode', 'main', { code: code.slice(0, 12) });
    },
  },
  {
    id: 'R-IND-01',
    title: '国民经济行业分类代码须在 GB/T 4754-2017 中：大类（2 位）须存在；中类、小类在省级配置载入代码表时逐级检查',
    severity: 'error',
    fields: ['industryCode'],
    source: 'REFERENCE §5.1.10 R-IND-01, 附录 D; SRC-GB4754 [M]',
    messages: {
      main: '{field}“{code}”不在 GB/T 4754-2017《国民经济行业分类》代码表中（{level}“{part}”不存在），请从行业分类列表中重新选择。',
      division:
        '{field}“{code}”不在 GB/T 4754-2017《国民经济行业分类》中：大类“{part}”不存在（大类为 01–97），请从行业分类列表中重新选择。',
    },
    check(app, env, report) {
      const code = app.industryCode?.trim();
      if (!code || !SHAPE.test(code)) return;
      const division = code.slice(1, 3);
      if (!divisionExists(Number(division))) return report('industryCode', 'division', { code, part: division });
      const known = classCodeSet(env.profile.industry.classCodes);
      if (known.size === 0 || code.length < 4 || !inSection(code)) return;
      const group = code.slice(0, 4);
      if (!known.has(group)) return report('industryCode', 'main', { code, level: '中类', part: group });
      if (code.length === 5 && !known.has(code)) report('industryCode', 'main', { code, level: '小类', part: code });
    },
  },
  {
    id: 'R-IND-02',
    title: '国民经济行业分类须与行业用电分类相符',
    severity: 'warning',
    fields: ['industryCode', 'utilityIndustryCode'],
    source: 'REFERENCE §5.1.10 R-IND-02, 附录 C; SRC-SG-CODES [P]',
    messages: {
      main: '{field}“{utility}”对应国民经济行业分类 {sections} 门类，与所填“{code}”（{section} 门类）不符，请核对两项分类后确认。',
      residential: '{field}“{utility}”为城乡居民生活用电，不应填写国民经济行业分类“{code}”，请核对后确认。',
    },
    check(app, env, report) {
      const utility = app.utilityIndustryCode?.trim();
      const code = app.industryCode?.trim();
      const section = industrySection(code);
      if (!utility || !code || !section) return;
      const sections = env.profile.industry.utilityClassSections[utility];
      if (!sections || sections.includes(section)) return;
      if (sections.length === 0) return report('utilityIndustryCode', 'residential', { utility, code });
      report('utilityIndustryCode', 'main', { utility, code, section, sections: sections.join('、') });
    },
  },
];
