/** R-CHG-15 (并户 capacity, supply point) and R-CHG-16 (迁址 supply point) on a real store, through the service the UI and CLI use. */
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
const ruleProblems = (record: ApplicationInput, ruleId: string) =>
  problemsOf(record)
    .filter((p) => p.ruleId === ruleId)
    .map((p) => `${p.severity}:${p.field}`);

describe('并户 and 迁址 on the store', () => {
  it('refuses a 并户 above the sum of the merged accounts (R-CHG-15) and saves one at the sum', () => {
    const record = recordFor('MERGE', 'LVN', 11);
    const kw = record.requestedCapacityKw ?? 0;
    const half = kw / 2;
    const merging = (capacityKw: number): ApplicationInput => ({
      ...record,
      requestedCapacityKw: capacityKw,
      existing: {
        ...record.existing,
        capacityKw: half,
        mergedAccounts: [{ accountNo: '3201990000001', capacityKw: half }],
      },
    });
    expect(ruleProblems(merging(kw + 1), 'R-CHG-15')).toEqual(['error:requestedCapacityKw']);
    expect(createApplication(store.ctx('clerk'), merging(kw)).number).toBeTruthy();
  });

  it('refuses a 迁址 to another supply point (R-CHG-16: 新装)', () => {
    const record = recordFor('RELOC', 'LVN', 12);
    const moved: ApplicationInput = {
      ...record,
      site: { ...record.site, supplyPoint: '秣陵 2 号台区' },
      existing: { ...record.existing, supplyPoint: '东山 7 号台区' },
    };
    expect(ruleProblems(moved, 'R-CHG-16')).toEqual(['error:site.supplyPoint']);
  });
});
