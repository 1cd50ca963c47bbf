import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderRulesDoc } from '../../../scripts/rulesDoc';
import { REFERENCE_RULE_IDS } from '../../../scripts/referenceCoverage';
import { basisOf, citationOf, evaluate, PROVINCE_SETTING, RULES, RULES_BY_ID } from '../../../shared/rules';

const docs = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs');

describe('docs/rules.md', () => {
  it('is what `npm run docs:rules` generates from the catalogue (run it after changing a rule)', async () => {
    expect(fs.readFileSync(path.join(docs, 'rules.md'), 'utf8')).toBe(await renderRulesDoc());
  });
  it('lists every rule and links the hand-written policy', async () => {
    const text = await renderRulesDoc();
    for (const rule of RULES) expect(text).toMatch(new RegExp(`\\| ${rule.id}[ （]`));
    expect(text).toContain('(rules-policy.md)');
    expect(fs.existsSync(path.join(docs, 'rules-policy.md'))).toBe(true);
  });

  it('states for every REFERENCE §5 id whether and where it is implemented, or why not', async () => {
    const text = await renderRulesDoc();
    for (const id of REFERENCE_RULE_IDS) expect(text).toMatch(new RegExp(`\\| ${id} +\\| \\S`));
    expect(text).not.toContain('原因未登记');
    // Renamed or split rules stand beside the REFERENCE id they implement.
    expect(text).toContain('R-IND-03（实现 R-IND-01');
    expect(text).toContain('R-NUM-02（实现 REFERENCE §5.2');
    expect(text).toContain('R-CHG-20（实现 REFERENCE §2.2');
  });
});

describe('依据 of each rule', () => {
  it('names a regulation and article, or says the value is a province setting', () => {
    for (const rule of RULES) expect(basisOf(rule)).toMatch(/《|GB|DL\/T|国家电网|省级参数|申请记录格式|号段/);
    expect(basisOf(RULES_BY_ID.get('R-VC-06')!)).toBe('《供电营业规则》（1996年，电力工业部令第8号）第6条');
    expect(basisOf(RULES_BY_ID.get('R-CHG-13')!)).toBe(
      '《供电营业规则》（1996年，电力工业部令第8号）第29–32条；数值为省级参数（条文待核）',
    );
    expect(citationOf('REFERENCE §5.2')).toBe(PROVINCE_SETTING);
    expect(citationOf('SRC-GB50052 §3.0.2')).toBe('GB 50052-2009《供配电系统设计规范》第3.0.2条');
  });

  it('travels with every problem the engine reports', () => {
    const issues = evaluate({ businessType: 'NEW_LVR', customer: { idNumber: '11010519491231001X' } }, 'ACCEPT').issues;
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) expect(issue.basis).toBe(basisOf(RULES_BY_ID.get(issue.ruleId)!));
  });
});
