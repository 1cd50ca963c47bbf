/**
 * R-CHG-15 (并户) and R-CHG-16 (迁址) at their boundaries, and R-IMP-06 per pair of loads: each variant of the
 * message on a record that differs from a clean one in exactly the value the variant is about.
 */
import { describe, expect, it } from 'vitest';
import type { ApplicationInput } from '../../../shared/domain/application';
import { evaluate } from '../../../shared/rules';
import { ctx, hvApplication, lvrApplication } from './fixtures';

type App = ApplicationInput;

/** 高压并户 of the HV fixture (1260 kVA) into an account of 630 kVA, with a 630 kVA account merged in. */
function merge(): App {
  const a = hvApplication();
  return {
    ...a,
    businessType: 'MERGE',
    accountNo: '3301234567890',
    accountExternal: true,
    site: { ...a.site, supplyPoint: '文三变 文12线' },
    existing: {
      capacityKva: 630,
      voltageCode: 'AC00101',
      tariffCategory: 'COMMERCIAL_INDUSTRIAL',
      address: a.site.address,
      supplyPoint: '文三变 文12线',
      mergedAccounts: [{ accountNo: '3301234567891', capacityKva: 630 }],
      arrearsFen: 0,
    },
  };
}

/** 低压非居民迁址 of 30 kW within the same 台区. */
function relocate(): App {
  const a = lvrApplication();
  return {
    ...a,
    businessType: 'RELOC',
    accountNo: '1234567890',
    accountExternal: true,
    requestedCapacityKw: 8,
    site: { ...a.site, supplyPoint: '东四十条 3 号台区' },
    existing: { capacityKw: 8, address: '北京市东城区东四十条 10 号', supplyPoint: '东四十条3号台区' },
  };
}

const problems = (app: App, rule: string) =>
  evaluate(app, 'ACCEPT', ctx()).issues.filter((issue) => issue.ruleId === rule);

describe('R-CHG-15 并户', () => {
  it('accepts the sum of both accounts exactly (1260 = 630 + 630)', () => {
    expect(problems(merge(), 'R-CHG-15')).toEqual([]);
  });

  it('refuses one kVA above the sum, naming the sum and each part', () => {
    const app = merge();
    app.requestedCapacityKva = 1261;
    app.transformers = [
      { ratingKva: 630, count: 1 },
      { ratingKva: 631, count: 1 },
    ];
    const [issue, ...rest] = problems(app, 'R-CHG-15');
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ field: 'requestedCapacityKva', severity: 'error' });
    expect(issue?.message).toBe(
      '并户后的申请容量（kVA） 1261 超过各户容量之和 1260（本户 630，并入户 630），并户不能增加容量；超出部分请另办增容。',
    );
  });

  it('asks for the merged accounts when the capacity exceeds this account alone and none is listed', () => {
    const app = merge();
    delete app.existing?.mergedAccounts;
    const [issue] = problems(app, 'R-CHG-15');
    expect(issue?.message).toContain('请在原用电信息中登记并入户的户号和容量');
  });

  it('refuses another supply point, ignoring spaces', () => {
    const same = merge();
    same.site.supplyPoint = '文三变文12线';
    expect(problems(same, 'R-CHG-15')).toEqual([]);
    const other = merge();
    other.site.supplyPoint = '古荡变 古05线';
    const [issue] = problems(other, 'R-CHG-15');
    expect(issue).toMatchObject({ field: 'site.supplyPoint' });
    expect(issue?.message).toBe(
      '并户须为同一供电点的用户，供电点“古荡变 古05线”与原供电点“文三变 文12线”不同，请核对。',
    );
  });
});

describe('R-CHG-16 迁址', () => {
  it('accepts the same supply point and the same capacity', () => {
    expect(problems(relocate(), 'R-CHG-16')).toEqual([]);
  });

  it('sends a site on another supply point to 新装', () => {
    const app = relocate();
    app.site.supplyPoint = '东四十条 5 号台区';
    const [issue, ...rest] = problems(app, 'R-CHG-16');
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ field: 'site.supplyPoint', severity: 'error' });
    expect(issue?.message).toContain('迁往另一供电点的须按新装办理');
  });

  it('sends the capacity above the old one to 增容 (8.001 kW against 8 kW)', () => {
    const app = relocate();
    app.requestedCapacityKw = 8.001;
    const [issue] = problems(app, 'R-CHG-16');
    expect(issue).toMatchObject({ field: 'requestedCapacityKw' });
    expect(issue?.message).toContain('超出部分须另办增容');
  });

  it('says nothing of the supply point while either one is unknown', () => {
    const app = relocate();
    delete app.existing?.supplyPoint;
    app.site.supplyPoint = '别的台区';
    expect(problems(app, 'R-CHG-16')).toEqual([]);
  });
});

describe('R-IMP-06 负荷分回路', () => {
  const important = (): App => ({ ...hvApplication(), importance: '03', securityLoadKw: 100, emergencySourceKw: 150 });

  it('warns per pair not recorded as separate, from the scheme on', () => {
    const app = important();
    app.separateCircuits = { importantFromOrdinary: true };
    const found = evaluate(app, 'SCHEME', ctx()).issues.filter((i) => i.ruleId === 'R-IMP-06');
    expect(found.map((i) => [i.field, i.severity])).toEqual([['separateCircuits.productionFromLiving', 'warning']]);
    expect(found[0]?.message).toBe(
      '重要用户的生产负荷与生活负荷应分别由不同回路供电，生产负荷与生活负荷分回路未登记为已分开；请在方案中核实负荷分回路，确认并写明理由。',
    );
    expect(evaluate(app, 'SURVEY', ctx()).issues.filter((i) => i.ruleId === 'R-IMP-06')).toEqual([]);
  });

  it('is silent for a customer that is not important (05)', () => {
    const app = { ...important(), importance: '05' as const };
    expect(evaluate(app, 'SCHEME', ctx()).issues.filter((i) => i.ruleId === 'R-IMP-06')).toEqual([]);
  });
});
