/** Issue 13: the normalised identity is what gets stored, so the same person typed twice is one customer. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApplication } from '../../../main/services/applications/createApplication';
import { AppError } from '../../../main/services/errors';
import type { ApplicationInput } from '../../../shared/domain/application';
import { openStore, recordFor, type Store } from '../store/storeFixture';

let store: Store;
beforeEach(() => {
  store = openStore();
});
afterEach(() => store.close());

function withCustomer(idNumber: string, name: string, address: string): ApplicationInput {
  const base = recordFor('NEW_LVR', 'LVR');
  return {
    ...base,
    customer: { ...base.customer, kind: 'PERSON', idType: 'RIC', idNumber, name },
    site: { ...base.site, address },
  };
}

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('normalisation before rules and storage', () => {
  it('stores the upper-case half-width ID and the tidy name, and finds the duplicate when typed differently', () => {
    const first = withCustomer('１１０１０５１９４９１２３１００２x', ' 阿依古丽•买买提 ', '江宁区　天元中路  1号');
    createApplication(store.ctx(), first);
    const db = store.ctx().db;
    expect(db.prepare('SELECT name, id_number FROM customers').all()).toEqual([
      { name: '阿依古丽·买买提', id_number: '11010519491231002X' },
    ]);
    const row = db.prepare('SELECT id_number, customer_name, address, record_json FROM applications').get() as {
      record_json: string;
    };
    expect(row).toMatchObject({
      id_number: '11010519491231002X',
      customer_name: '阿依古丽·买买提',
      address: '江宁区 天元中路 1号',
    });
    expect(JSON.parse(row.record_json).customer.idNumber).toBe('11010519491231002X');

    // The same person, upper-case X, katakana dot, same address typed with other spaces: the duplicate warning.
    const again = withCustomer('11010519491231002X', '阿依古丽・买买提', '江宁区 天元中路 1号');
    const refused = refusal(() => createApplication(store.ctx(), again));
    expect(refused.problems?.map((p) => p.ruleId)).toContain('R-DUP-02');
    createApplication(store.ctx(), {
      ...again,
      acknowledgements: [{ ruleId: 'R-DUP-02', reason: '客户另有一处用电' }],
    });
    expect(db.prepare('SELECT count(*) AS n FROM customers').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT count(DISTINCT customer_id) AS n FROM applications').get()).toEqual({ n: 1 });
  });
});
