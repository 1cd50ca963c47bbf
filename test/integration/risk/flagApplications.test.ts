/**
 * A flag naming more applications than its evidence lists (recompute.ts LISTED_APPLICATIONS): the evidence lists
 * the first ones by id and gives the count, the flag links all of them (the application pages show it), and
 * `risk.applications` pages them all. Its hash covers every application, so a closed flag reopens when one
 * beyond the listed ones is replaced by another, although the list and the values stay the same.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApplicationInput } from '../../../shared/domain/application';
import type { RiskFlagApplications } from '../../../shared/api/risk';
import { createApplication } from '../../../main/services/applications/createApplication';
import { updateApplicationRecord } from '../../../main/services/applications/updateApplication';
import { dispatch } from '../../../main/ipc/dispatch';
import { LISTED_APPLICATIONS } from '../../../main/services/risk/recompute';
import { closeRiskFlag, listRiskFlags } from '../../../main/services/risk/flags';
import { openStore, type Store } from '../store/storeFixture';
import { flagsOf, otherCustomer } from './riskFixture';

let store: Store;
beforeEach(() => {
  store = openStore();
});
afterEach(() => store.close());

const CONTRACTOR = '江宁恒通电力安装有限公司';

/** A 高压新装 at its own address built by `contractor`. */
function works(n: number, contractor: string): ApplicationInput {
  const record = otherCustomer(n % 6, `浙江省杭州市西湖区文三路 ${n + 30} 号`);
  return {
    ...record,
    customerWorks: { contractor: { name: contractor, choice: 'CUSTOMER_CHOICE' } },
    acknowledgements: [...(record.acknowledgements ?? []), { ruleId: 'R-DUP-02', reason: '测试：同一客户再次申请' }],
  };
}

async function pageOf(id: number, offset: number, limit: number): Promise<RiskFlagApplications> {
  const result = await dispatch(store.ctx('supervisor'), 'risk.applications', { id, offset, limit });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as RiskFlagApplications;
}

describe('a flag naming more applications than its evidence lists', () => {
  it('lists the first ones, counts and links them all, pages them, and reopens when one beyond the list changes', async () => {
    const count = LISTED_APPLICATIONS + 2;
    const clerk = store.ctx('clerk');
    const numbers = Array.from({ length: count }, (_, n) => createApplication(clerk, works(n, CONTRACTOR)).number);

    const [flag] = flagsOf(store, 'RISK-PRC-01');
    expect(flag).toMatchObject({ applications: numbers.slice(0, LISTED_APPLICATIONS), applicationCount: count });
    expect(flag!.values).toMatchObject({ 承揽数: count });
    expect(await pageOf(flag!.id, 0, 200)).toEqual({ numbers, total: count });
    expect(await pageOf(flag!.id, LISTED_APPLICATIONS, 50)).toEqual({
      numbers: numbers.slice(LISTED_APPLICATIONS),
      total: count,
    });
    // The last application, beyond the listed ones, shows the flag on its own page.
    const onLast = listRiskFlags(store.ctx('supervisor'), { application: numbers.at(-1), offset: 0, limit: 50 });
    expect(onLast.items.map((f) => f.id)).toContain(flag!.id);

    closeRiskFlag(store.ctx('supervisor'), { id: flag!.id, reason: '已抽查，客户自主选择' });
    expect(flagsOf(store, 'RISK-PRC-01')[0]!.status).toBe('closed');
    // The last application gets another contractor and a new one this contractor: the same count, the same listed.
    updateApplicationRecord(clerk, numbers.at(-1)!, works(count - 1, '其他安装公司'));
    const added = createApplication(clerk, works(count, CONTRACTOR)).number;
    const [reopened] = flagsOf(store, 'RISK-PRC-01');
    expect(reopened).toMatchObject({
      id: flag!.id,
      status: 'open',
      applications: numbers.slice(0, LISTED_APPLICATIONS),
      applicationCount: count,
      values: flag!.values,
    });
    expect((await pageOf(flag!.id, 0, 200)).numbers).toEqual([...numbers.slice(0, -1), added]);
  }, 120_000);

  it('refuses a flag that does not exist', async () => {
    const result = await dispatch(store.ctx('supervisor'), 'risk.applications', { id: 999, offset: 0, limit: 10 });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
