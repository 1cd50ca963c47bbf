import { afterEach, describe, expect, it } from 'vitest';
import { FIRST_FLAGS } from '../../../main/db/repositories/riskFlagRepo';
import { openStore, type Store } from './storeFixture';

let store: Store | undefined;
afterEach(() => store?.close());

describe('migration 0026 (risk flag list index)', () => {
  it('the first page of risk.list reads risk_flags_list in order, without sorting every flag', () => {
    store = openStore();
    const plan = store
      .ctx()
      .db.prepare(`EXPLAIN QUERY PLAN ${FIRST_FLAGS} LIMIT 50`)
      .all({ detector: null, status: null, application: null }) as { detail: string }[];
    const steps = plan.map((step) => step.detail);
    expect(steps).toContain('SCAN risk_flags USING INDEX risk_flags_list');
    expect(steps.filter((step) => step.includes('TEMP B-TREE'))).toEqual([]);
  });
});
