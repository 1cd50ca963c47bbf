import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApplicationInput, CustomerWorks } from '../../../shared/domain/application';
import { createApplication } from '../../../main/services/applications/createApplication';
import { openStore, type Store } from '../store/storeFixture';
import { flagsOf, otherCustomer } from './riskFixture';

let store: Store;
beforeEach(() => {
  store = openStore();
});
afterEach(() => store.close());

const chosen = (name: string) => ({ name, choice: 'CUSTOMER_CHOICE' as const });

/** A 高压新装 at its own address with these receiving-works parties. */
function withWorks(n: number, customerWorks: CustomerWorks, acks: string[] = []): ApplicationInput {
  const record = otherCustomer(n % 6, `浙江省杭州市西湖区文三路 ${n + 30} 号`);
  const acknowledgements = [
    ...(record.acknowledgements ?? []),
    ...acks.map((ruleId) => ({ ruleId, reason: '已核实' })),
  ];
  return { ...record, customerWorks, acknowledgements };
}

describe('采购 (三不指定) detectors', () => {
  it('RISK-PRC-01 flags a 施工单位 with more than 30 % of the quarter’s works; the spread designers are not flagged', () => {
    const numbers = Array.from({ length: 10 }, (_, n) => {
      const contractor = n < 4 ? '江宁恒通电力安装有限公司' : `施工单位${n}`;
      return createApplication(
        store.ctx('clerk'),
        withWorks(n, { designer: chosen(`设计院${n}`), contractor: chosen(contractor) }),
      ).number;
    });

    const flags = flagsOf(store, 'RISK-PRC-01');
    expect(flags.map((f) => [f.subject, f.applications])).toEqual([
      ['contractor:江宁恒通电力安装有限公司', numbers.slice(0, 4)],
    ]);
    expect(flags[0]!.summary).toBe(
      '施工单位 江宁恒通电力安装有限公司 承揽 2025-12-02 以来 10 项工程中的 4 项（40.0%，阈值 30%）',
    );
  });

  it('RISK-PRC-02 flags works whose 施工单位 is not recorded as the customer’s choice; chosen ones are not flagged', () => {
    const { number: other } = createApplication(
      store.ctx('clerk'),
      withWorks(1, { contractor: { name: '供电所推荐的安装队', choice: 'OTHER' } }, ['R-GATE-05']),
    );
    createApplication(store.ctx('clerk'), withWorks(2, { contractor: chosen('客户自选的安装公司') }));

    const flags = flagsOf(store, 'RISK-PRC-02');
    expect(flags.map((f) => f.applications)).toEqual([[other]]);
    expect(flags[0]!.summary).toBe('施工单位 供电所推荐的安装队 未记录为客户自主选择');
  });
});
