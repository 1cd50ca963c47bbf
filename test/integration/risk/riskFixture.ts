/** Shared steps of the risk-detector tests: a real store, real services, flags read as the 风险 tab reads them. */
import { expect } from 'vitest';
import type { RiskFlag } from '../../../shared/api/risk';
import type { ApplicationInput } from '../../../shared/domain/application';
import { proposeScheme } from '../../../shared/domain/schemeProposal';
import { createApplication } from '../../../main/services/applications/createApplication';
import { moveApplication } from '../../../main/services/applications/moveApplication';
import { listRiskFlags } from '../../../main/services/risk/flags';
import { approveScheme, saveSchemeDraft } from '../../../main/services/schemes';
import { hvNewConnection, type Store } from '../store/storeFixture';

/** The e2e fixture's 高压新装 record, dated on the store's first day. */
export const hvRecord: ApplicationInput = hvNewConnection();

/** The same record for another customer (its own ID number, name, phone) at `address`. */
export function otherCustomer(n: number, address = hvRecord.site.address): ApplicationInput {
  const idNumber = ORG_IDS[n % ORG_IDS.length]!;
  return {
    ...hvRecord,
    customer: { ...hvRecord.customer, name: `江宁测试企业${n}有限公司`, idNumber },
    site: { ...hvRecord.site, address },
  };
}

/** Valid unified social credit codes (GB 32100 check characters), from shared/testdata/id-vectors. */
const ORG_IDS = [
  '911522010783762860',
  '91152201078377449P',
  '9115220107837941X1',
  '91152201078382010M',
  '911522010783917502',
  '91152201078394644D',
];

/**
 * Every flag, or one detector's, as listed. Each flag's values must be among those its detector declares
 * (`evidence`): the 风险 tab shows them in that order, with their units, and an undeclared one only at the end.
 */
export function flagsOf(store: Store, detector?: string): RiskFlag[] {
  const page = listRiskFlags(store.ctx('supervisor'), { detector, offset: 0, limit: 200 });
  const declared = new Map(page.detectors.map((d) => [d.id, d.evidence.map((field) => field.label)]));
  for (const flag of page.items) {
    expect(declared.get(flag.detectorId), flag.detectorId).toEqual(expect.arrayContaining(Object.keys(flag.values)));
  }
  return page.items;
}

/** An application accepted by the clerk and moved on to 供电方案. */
export function inScheme(store: Store, record: ApplicationInput = hvRecord): string {
  const clerk = store.ctx('clerk');
  const { number } = createApplication(clerk, record);
  moveApplication(clerk, number, { move: 'advance' });
  moveApplication(clerk, number, { move: 'advance' });
  return number;
}

/** A rule-clean scheme for the fixture record, optionally changed. */
export function schemeFor(record: ApplicationInput = hvRecord, change: (s: SchemeContent) => SchemeContent = (s) => s) {
  const proposal = proposeScheme(record, 'FA-1', '2026-03-02');
  return change({
    ...proposal,
    sources: proposal.sources.map((s) => ({ ...s, boundaryPoint: '振华 A 线 12# 杆 T 接点' })),
    receiving: { ...proposal.receiving!, mainWiring: '10 kV 单母线' },
    metering: proposal.metering.map((m) => ({ ...m, position: '进线计量柜', meterSpec: '三相三线 3×100 V' })),
  });
}
type SchemeContent = ReturnType<typeof proposeScheme>;

/** Drafts (as `drafter`) and approves (as the supervisor) a scheme version. */
export function issueScheme(
  store: Store,
  number: string,
  version: number,
  content = schemeFor(),
  options: { drafter?: 'clerk' | 'supervisor'; reason?: string } = {},
): void {
  saveSchemeDraft(store.ctx(options.drafter ?? 'clerk'), number, content, options.reason);
  approveScheme(store.ctx('supervisor'), number, version);
}
