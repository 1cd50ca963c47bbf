import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE } from '../../../shared/rules/profile/defaults';
import { loadProfile } from '../../../shared/rules/profile/loadProfile';
import type { RuleProfile } from '../../../shared/rules';
import { tariffCategoryOptions, voltageOptions } from '../../../renderer/src/forms/options';
import { rowsInForce } from '../../../renderer/src/pages/settings/profileRows';

/** A province that still bills 大工业 separately (the national default merged it into 工商业). */
function withLargeIndustry(): RuleProfile {
  const load = loadProfile({
    name: '试验省',
    tariff: { categories: ['RESIDENTIAL', 'AGRICULTURE', 'GENERAL_CI', 'LARGE_INDUSTRY'] },
  });
  if (!load.ok) throw new Error(load.problems.join('；'));
  return load.profile;
}

describe('option lists and settings rows follow the province profile in force', () => {
  it('offers 大工业 only when the profile uses it', () => {
    const labels = (profile: RuleProfile) => tariffCategoryOptions(profile).map((option) => option.label);
    expect(labels(DEFAULT_PROFILE)).toEqual(['居民生活', '农业生产', '工商业']);
    expect(labels(withLargeIndustry())).toEqual(['居民生活', '农业生产', '大工业', '一般工商业']);
  });

  it('shows the 大工业 threshold on 省级参数 only when the profile uses 大工业', () => {
    const keys = (profile: RuleProfile) => rowsInForce(profile).map((row) => row.key);
    expect(keys(DEFAULT_PROFILE)).not.toContain('tariff.largeIndustryFromKva');
    expect(keys(DEFAULT_PROFILE)).toContain('tariff.twoPartFromKva');
    expect(keys(withLargeIndustry())).toContain('tariff.largeIndustryFromKva');
  });

  it('offers the supply voltages of the profile, low ones to low-voltage and high ones to high-voltage customers', () => {
    const labels = (profile: RuleProfile, hv: boolean) => voltageOptions(profile, hv).map((option) => option.label);
    expect(labels(DEFAULT_PROFILE, false)).toEqual(['交流 220 V', '交流 380 V']);
    expect(labels(DEFAULT_PROFILE, true)).toContain('交流 27.5 kV');
    const load = loadProfile({ name: '试验省', supply: { voltages: ['AC03802', 'AC02202', 'AC00101', 'AC00351'] } });
    if (!load.ok) throw new Error(load.problems.join('；'));
    expect(labels(load.profile, true)).toEqual(['交流 10 kV', '交流 35 kV']);
    expect(labels(load.profile, false)).toEqual(['交流 220 V', '交流 380 V']);
  });

  it('refuses a voltage list without a low or without a high voltage, naming the key', () => {
    const load = loadProfile({ supply: { voltages: ['AC00101'] } });
    expect(load.ok).toBe(false);
    expect(load.ok ? [] : load.problems.join('；')).toMatch(/supply\.voltages.*须至少含一个低压等级/);
  });
});
