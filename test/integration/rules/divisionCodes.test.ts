/** R-AD-02 and R-ID-05 on a real store, through the service the UI and CLI use. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApplication } from '../../../main/services/applications/createApplication';
import type { ApplicationInput } from '../../../shared/domain/application';
import { ricCheckChar } from '../../../shared/rules';
import { creationProblems } from '../store/refusals';
import { openStore, recordFor, type Store } from '../store/storeFixture';

let store: Store;
beforeEach(() => {
  store = openStore();
});
afterEach(() => store.close());

const problemsOf = (record: ApplicationInput) => creationProblems(store, record);

describe('GB/T 2260 division codes', () => {
  it('refuses a service address county that is not in the list (R-AD-02), whatever is acknowledged', () => {
    const record = recordFor('NEW_LVR', 'LVR', 7);
    const problems = problemsOf({ ...record, site: { ...record.site, regionCode: '320199' } });
    expect(problems.filter((p) => p.ruleId === 'R-AD-02')).toEqual([
      expect.objectContaining({
        severity: 'error',
        field: 'site.regionCode',
        message: expect.stringContaining('“320199”'),
      }),
    ]);
  });

  it('holds a historic county code in an ID number until acknowledged (R-ID-05), then saves', () => {
    const record = recordFor('NEW_LVR', 'LVR', 8);
    const body = '11010319700101001';
    const historic = { ...record, customer: { ...record.customer, idNumber: body + ricCheckChar(body) } };
    expect(problemsOf(historic).map((p) => `${p.ruleId}:${p.severity}`)).toEqual(['R-ID-05:warning']);
    const acknowledged = {
      ...historic,
      acknowledgements: [
        ...(historic.acknowledgements ?? []),
        { ruleId: 'R-ID-05', reason: '已核对身份证原件，崇文区旧代码' },
      ],
    };
    expect(createApplication(store.ctx('clerk'), acknowledged).number).toBeTruthy();
  });
});
