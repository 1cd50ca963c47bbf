import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE } from '../../../shared/rules/profile/defaults';
import { loadProfile } from '../../../shared/rules/profile/loadProfile';
import type { RuleProfile } from '../../../shared/rules';
import { tariffCategoryOptions } from '../../../renderer/src/forms/options';
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
});
