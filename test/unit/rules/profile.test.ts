import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE, evaluate, loadProfile } from '../../../shared/rules';
import { ctx, suspensionApplication } from './fixtures';

describe('province profile', () => {
  it('takes its defaults from the copied rules-defaults.json', () => {
    expect(DEFAULT_PROFILE.tariff).toMatchObject({ singlePartOnlyMaxKva: 100, twoPartFromKva: 315 });
    expect(DEFAULT_PROFILE.tariff.categories).toEqual(['RESIDENTIAL', 'AGRICULTURE', 'COMMERCIAL_INDUSTRIAL']);
    expect(DEFAULT_PROFILE.changeOfUse).toMatchObject({ advanceNoticeWorkdays: 5, suspensionMaxDaysPerYear: 183 });
    expect(DEFAULT_PROFILE.accountNumber.lengths).toEqual([10, 13]);
  });

  it('overrides only the keys it names', () => {
    const load = loadProfile({
      name: '浙江',
      accountNumber: { prefix13: '330' },
      changeOfUse: { suspensionMaxPerYear: 2 },
    });
    expect(load.ok).toBe(true);
    expect(load.profile.name).toBe('浙江');
    expect(load.profile.accountNumber).toEqual({ lengths: [10, 13], prefix13: '330' });
    expect(load.profile.changeOfUse.suspensionMaxPerYear).toBe(2);
    expect(load.profile.changeOfUse.suspensionMinDays).toBe(15);
    expect(DEFAULT_PROFILE.accountNumber.prefix13).toBeNull();
  });

  it('refuses a bad profile, names the key, and keeps the defaults', () => {
    const load = loadProfile({ tariff: { twoPartFromKva: -5, bogus: 1 }, extra: true });
    expect(load.ok).toBe(false);
    expect(load.profile).toBe(DEFAULT_PROFILE);
    if (load.ok) return;
    expect(load.problems.join('\n')).toContain('“tariff.twoPartFromKva”');
    expect(load.problems.join('\n')).toContain('“tariff.bogus”不是可配置项');
    expect(load.problems.join('\n')).toContain('“extra”不是可配置项');
    expect(load.problems[0]).toContain('仍按原有规则执行');
  });

  it('sets the 客户画像 thresholds under portrait, within bounds', () => {
    const load = loadProfile({ portrait: { hvPlanningFraction: 0.9 } });
    expect(load.profile.portrait).toMatchObject({ hvPlanningFraction: 0.9, compoundMinCustomers: 5 });
    const bad = loadProfile({ portrait: { hvPlanningFraction: 1.5 } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.join('\n')).toContain('“portrait.hvPlanningFraction”');
  });

  it('changes what the rules enforce', () => {
    const app = suspensionApplication();
    app.existing = { ...app.existing, suspensionsThisYear: { count: 2, days: 30 } };
    const strict = loadProfile({ changeOfUse: { suspensionMaxPerYear: 2 } }).profile;
    expect(evaluate(app, 'ACCEPT', ctx()).issues.map((i) => i.ruleId)).not.toContain('R-CHG-06');
    expect(evaluate(app, 'ACCEPT', ctx({ profile: strict })).issues.map((i) => i.ruleId)).toContain('R-CHG-06');
  });

  it('lets a province replace a cell of the documents matrix', () => {
    const app = { ...suspensionApplication(), businessType: 'NEW_HV' as const, accountNo: undefined };
    app.documents = app.documents.filter((d) => d.code !== 'APPLICATION_FORM');
    const relaxed = loadProfile({ documents: { matrix: { HV_CONNECT: { APPLICATION_FORM: null } } } }).profile;
    expect(evaluate(app, 'ACCEPT', ctx()).issues.map((i) => i.ruleId)).toContain('R-DOC-01');
    expect(
      evaluate(app, 'ACCEPT', ctx({ profile: relaxed }))
        .issues.filter((i) => i.ruleId === 'R-DOC-01')
        .map((i) => i.message)
        .join(),
    ).not.toContain('用电申请书');
  });
});
