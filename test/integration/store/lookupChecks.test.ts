import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FieldProblem } from '../../../shared/api/result';
import { dispatch } from '../../../main/ipc/dispatch';
import { createApplication } from '../../../main/services/applications/createApplication';
import { hvNewConnection, openStore, type Store } from './storeFixture';

const record = hvNewConnection();

let store: Store;
beforeEach(() => {
  store = openStore();
});
afterEach(() => store.close());

const check = async (input: unknown): Promise<FieldProblem[]> => {
  const result = await dispatch(store.ctx('clerk'), 'applications.checkLookups', input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as FieldProblem[];
};

describe('applications.checkLookups: the database checks while the form is typed', () => {
  it('finds the duplicate open application from a half-typed record, with the rule id the save reports', async () => {
    const { number } = createApplication(store.ctx('clerk'), record);
    const typed = {
      businessType: 'NEW_HV',
      customerClass: 'HV',
      customer: { kind: 'ORG', idType: 'USCC', idNumber: record.customer.idNumber },
      site: { address: record.site.address },
    };
    const problems = await check({ record: typed });
    const duplicate = problems.find((p) => p.ruleId.startsWith('R-DUP-'));
    expect(duplicate).toMatchObject({ severity: 'warning' });
    expect(duplicate?.message).toContain(number);
    // Only what the database adds: the blanks of the half-typed record are the form's own business.
    expect(problems.every((p) => p.ruleId.startsWith('R-DUP-') || p.ruleId.startsWith('R-HH'))).toBe(true);

    // The application being corrected is not a duplicate of itself.
    expect(await check({ record: { ...record }, number })).toEqual([]);
    // A different address: no duplicate.
    expect(await check({ record: { ...typed, site: { address: '杭州市西湖区文三路 1 号' } } })).toEqual([]);
  });

  it('reports an unknown 户号 at its field before saving', async () => {
    const problems = await check({
      record: { businessType: 'INC_HV', customerClass: 'HV', accountNo: '9999999999', customer: {}, site: {} },
    });
    expect(problems.some((p) => p.field === 'accountNo')).toBe(true);
  });
});
