/**
 * 三不指定 (R-GATE-05) on a real temporary store: the parties of the customer's works are recorded by a clerk after
 * the scheme is approved (progress, not a correction), normalised, audited, and a party not chosen by the customer
 * is held until the warning is acknowledged with a reason.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApplication } from '../../../main/services/applications/createApplication';
import { getApplication } from '../../../main/services/applications/readApplications';
import { updateApplicationRecord } from '../../../main/services/applications/updateApplication';
import { approveScheme, saveSchemeDraft } from '../../../main/services/schemes';
import type { ApplicationInput, CustomerWorks } from '../../../shared/domain/application';
import { proposeScheme } from '../../../shared/domain/schemeProposal';
import { hvNewConnection, openStore, type Store } from '../store/storeFixture';
import { refusal } from '../store/support/refusal';

const record = hvNewConnection();

let store: Store;
beforeEach(() => {
  store = openStore();
});
afterEach(() => store.close());

/** An HV application whose first scheme version a supervisor approved: corrections now need a supervisor. */
function withApprovedScheme(): string {
  const { number } = createApplication(store.ctx('clerk'), record);
  const proposal = proposeScheme(record, 'FA-1', '2026-03-02');
  saveSchemeDraft(
    store.ctx('clerk'),
    number,
    {
      ...proposal,
      sources: proposal.sources.map((s) => ({ ...s, boundaryPoint: '振华 A 线 12# 杆 T 接点' })),
      receiving: { ...proposal.receiving!, mainWiring: '10 kV 单母线' },
      metering: proposal.metering.map((m) => ({ ...m, position: '进线计量柜', meterSpec: '三相三线 3×100 V' })),
    },
    undefined,
  );
  approveScheme(store.ctx('supervisor'), number, 1);
  return number;
}

const chosenByCustomer: CustomerWorks = {
  designer: { name: '江苏某某电力设计院有限公司', choice: 'CUSTOMER_CHOICE' },
  contractor: { name: '南京　某某电力工程有限公司 ', choice: 'CUSTOMER_CHOICE' },
  equipmentSupplier: { name: '某某电气设备有限公司', choice: 'CUSTOMER_CHOICE' },
};

describe('R-GATE-05 三不指定', () => {
  it('a clerk records the customer-chosen parties after scheme approval, normalised and audited', () => {
    const number = withApprovedScheme();
    updateApplicationRecord(store.ctx('clerk'), number, { ...record, customerWorks: chosenByCustomer });
    const stored = getApplication(store.ctx('clerk'), number).record.customerWorks;
    expect(stored?.contractor).toEqual({ name: '南京 某某电力工程有限公司', choice: 'CUSTOMER_CHOICE' });
    const audit = store
      .ctx()
      .db.prepare(`SELECT diff_json AS diff FROM audit_log WHERE action = 'application.update' ORDER BY id DESC`)
      .get() as { diff: string };
    expect(JSON.parse(audit.diff)).toHaveProperty(['record.customerWorks.designer.name']);
  });

  it('holds a contractor not chosen by the customer until the warning is acknowledged with a reason', () => {
    const number = withApprovedScheme();
    const designated: ApplicationInput = {
      ...record,
      customerWorks: { ...chosenByCustomer, contractor: { name: '某某供电服务公司', choice: 'OTHER' } },
    };
    const held = refusal(() => updateApplicationRecord(store.ctx('clerk'), number, designated));
    expect(held.problems).toEqual([
      expect.objectContaining({
        ruleId: 'R-GATE-05',
        severity: 'warning',
        field: 'customerWorks.contractor.choice',
        message: expect.stringContaining('施工单位“某某供电服务公司”登记为非客户自主选择'),
        basis: expect.stringContaining('三不指定'),
      }),
    ]);
    const acknowledged = {
      ...designated,
      acknowledgements: [
        ...(record.acknowledgements ?? []),
        { ruleId: 'R-GATE-05', reason: '客户书面说明系其自行委托' },
      ],
    };
    updateApplicationRecord(store.ctx('clerk'), number, acknowledged);
    expect(getApplication(store.ctx('clerk'), number).record.customerWorks?.contractor?.choice).toBe('OTHER');
  });

  it('asks how a named party was chosen', () => {
    const number = withApprovedScheme();
    const unknownChoice = { ...record, customerWorks: { designer: { name: '江苏某某电力设计院有限公司' } } };
    expect(refusal(() => updateApplicationRecord(store.ctx('clerk'), number, unknownChoice)).problems).toEqual([
      expect.objectContaining({ ruleId: 'R-GATE-05', field: 'customerWorks.designer.choice' }),
    ]);
  });
});
