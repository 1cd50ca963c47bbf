/** R-IND-02 on a real store, through the service the UI and CLI use: held until acknowledged, then saved. */
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
});
