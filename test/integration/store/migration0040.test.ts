import { afterEach, describe, expect, it } from 'vitest';
import { FACTS_AT, FACTS_UNDER } from '../../../main/db/repositories/portraitRepo';
import { APPLICATIONS_BETWEEN, SUGGESTION_PAGE } from '../../../main/db/repositories/suggestionStoreRepo';
import { openStore, type Store } from './storeFixture';

let store: Store | undefined;
afterEach(() => store?.close());

describe('migration 0040 (客户画像 read indexes) and the day windows read by date', () => {
  it("reads a site's, a compound's and a day's applications through the address and date indexes", () => {
    store = openStore();
    const { db } = store.ctx();
    const plan = (sql: string, ...args: unknown[]) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((s) => s.detail).join(' | ');
    // Through the index of types instead, each took 1-2 s at 1,000,000 (every 临时用电 or 新装 of the hall); through
    // the address index and the rows, 120-140 ms for a compound (migration 0040 covers them).
    expect(plan(FACTS_AT, { address: '胜太路200号', types: '["NEW_TEMP"]' })).toMatch(
      /^SEARCH a USING COVERING INDEX applications_address_rules \(address=\? AND business_type=\?\)/,
    );
    expect(plan(FACTS_UNDER, { prefix: '翠湖新苑', types: '["NEW_LVR"]' })).toMatch(
      /^SEARCH a USING COVERING INDEX applications_address_rules \(address>\? AND address<\?\)/,
    );
    expect(plan(APPLICATIONS_BETWEEN, '2026-01-01', '2026-01-02', '["SUS"]')).toMatch(
      /^SEARCH applications USING INDEX applications_date_type/,
    );
  });

  it("filters 建议与潜在客户 by kind and joins the outcomes in the list's index, reading only the page's rows", () => {
    store = openStore();
    const plan = store
      .ctx()
      .db.prepare(`EXPLAIN QUERY PLAN ${SUGGESTION_PAGE}`)
      .all({ kind: 'EV_PV', status: 'open', limit: 10, offset: 0 }) as { detail: string }[];
    // With 0038's index (kind_rank, subject_key) a kind's page read every stored row: 0.9 s cold at 1,000,000.
    expect(plan.map((step) => step.detail)).toEqual([
      'SCAN s USING INDEX portrait_suggestions_page',
      'SEARCH o USING INDEX sqlite_autoindex_suggestion_outcomes_1 (kind=? AND subject_key=?) LEFT-JOIN',
    ]);
  });
});
