/**
 * Industry codes on a real store, through the service the UI and CLI use: R-IND-01 refuses a division GB/T 4754
 * does not have (98), R-IND-03 one of another section, and R-IND-02 holds a mismatched 行业用电分类 until
 * acknowledged, then saves.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApplication } from '../../../main/services/applications/createApplication';
import type { ApplicationInput } from '../../../shared/domain/application';
import { creationProblems } from '../store/refusals';
import { openStore, recordFor, type Store } from '../store/storeFixture';

let store: Store;
beforeEach(() => {
  store = openStore();
});
afterEach(() => store.close());

const problemsOf = (record: ApplicationInput) => creationProblems(store, record);

describe('行业用电分类 vs GB/T 4754 on the store', () => {
  it('holds a 批发零售 utility class on a manufacturer until acknowledged (R-IND-02), then saves', () => {
    const record: ApplicationInput = { ...recordFor('NEW_LVN', 'LVN', 21), industryCode: 'C3411' };
    const mismatched = { ...record, utilityIndustryCode: 'H000' };
    expect(problemsOf(mismatched).map((p) => `${p.ruleId}:${p.severity}:${p.field}`)).toEqual([
      'R-IND-02:warning:utilityIndustryCode',
    ]);
    const acknowledged = {
      ...mismatched,
      acknowledgements: [
        ...(mismatched.acknowledgements ?? []),
        { ruleId: 'R-IND-02', reason: '客户兼营批发，按主营核对' },
      ],
    };
    expect(createApplication(store.ctx('clerk'), acknowledged).number).toBeTruthy();
  });

  it('saves a matching pair without a word', () => {
    const record: ApplicationInput = { ...recordFor('NEW_LVN', 'LVN', 22), industryCode: 'C3411' };
    expect(problemsOf({ ...record, utilityIndustryCode: 'C000' })).toEqual([]);
  });

  it('refuses a division that does not exist (R-IND-01) and one of another section (R-IND-03); T97 saves', () => {
    const record: ApplicationInput = recordFor('NEW_LVN', 'LVN', 23);
    const problems = (industryCode: string) =>
      problemsOf({ ...record, industryCode }).map((p) => `${p.ruleId}:${p.severity}:${p.field}`);
    expect(problems('T98')).toEqual(['R-IND-01:error:industryCode']);
    expect(problems('T96')).toEqual(['R-IND-03:error:industryCode']);
    expect(createApplication(store.ctx('clerk'), { ...record, industryCode: 'T97' }).number).toBeTruthy();
  });
});
