import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApplicationInput } from '../../../shared/domain/application';
import { proposeScheme } from '../../../shared/domain/schemeProposal';
import { createApplication } from '../../../main/services/applications/createApplication';
import { moveApplication } from '../../../main/services/applications/moveApplication';
import { getApplication } from '../../../main/services/applications/readApplications';
import { updateApplicationRecord } from '../../../main/services/applications/updateApplication';
import { approveScheme, saveSchemeDraft } from '../../../main/services/schemes';
import { hvNewConnection, openStore, type Store } from './storeFixture';
import { refusal } from './support/refusal';

const record = hvNewConnection();

let store: Store;
beforeEach(() => {
  store = openStore();
});
afterEach(() => store.close());

const lastAudit = () =>
  store.ctx().db.prepare(`SELECT action, diff_json AS diff FROM audit_log ORDER BY id DESC LIMIT 1`).get() as {
    action: string;
    diff: string;
  };
const auditCount = () => (store.ctx().db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;

const withPhone = (app: ApplicationInput, phone: string) => ({ ...app, customer: { ...app.customer, phone } });

/** The application in 供电方案 with its first scheme version approved by a supervisor. */
function approvedScheme(number: string) {
  const proposal = proposeScheme(record, 'FA-1', '2026-03-02');
  const content = {
    ...proposal,
    sources: proposal.sources.map((s) => ({ ...s, boundaryPoint: '振华 A 线 12# 杆 T 接点' })),
    receiving: { ...proposal.receiving!, mainWiring: '10 kV 单母线' },
    metering: proposal.metering.map((m) => ({ ...m, position: '进线计量柜', meterSpec: '三相三线 3×100 V' })),
  };
  saveSchemeDraft(store.ctx('clerk'), number, content, undefined);
  approveScheme(store.ctx('supervisor'), number, 1);
}

describe('更正申请信息: who may correct what, and when', () => {
  it('a clerk corrects up to 供电方案 without a reason: one audited diff, no correction markers', () => {
    const clerk = store.ctx('clerk');
    const { number } = createApplication(clerk, record);
    moveApplication(clerk, number, { move: 'advance' }); // 现场勘查
    updateApplicationRecord(clerk, number, withPhone(record, '13700004444'));
    expect(getApplication(clerk, number).record.customer.phone).toBe('13700004444');
    const audit = lastAudit();
    expect(audit.action).toBe('application.update');
    expect(JSON.parse(audit.diff)).toEqual({
      'record.customer.phone': { before: '13700003333', after: '13700004444' },
    });
  });

  it('after the scheme is approved only a supervisor with a reason corrects; clerks still receive documents', () => {
    const { number } = createApplication(store.ctx('clerk'), record);
    moveApplication(store.ctx('clerk'), number, { move: 'advance' });
    moveApplication(store.ctx('clerk'), number, { move: 'advance' }); // 供电方案
    approvedScheme(number);
    const before = auditCount();

    const clerkTry = refusal(() =>
      updateApplicationRecord(store.ctx('clerk'), number, withPhone(record, '13700004444')),
    );
    expect(clerkTry.code).toBe('FORBIDDEN');
    expect(clerkTry.message).toContain('供电方案审批后更正申请信息需要班长/审核员');
    const noReason = refusal(() =>
      updateApplicationRecord(store.ctx('supervisor'), number, withPhone(record, '13700004444'), '  '),
    );
    expect(noReason.code).toBe('BAD_INPUT');
    expect(noReason.problems?.[0]?.message).toBe('更正理由：供电方案审批后更正申请信息须填写理由。');
    expect(auditCount()).toBe(before);

    updateApplicationRecord(store.ctx('supervisor'), number, withPhone(record, '13700004444'), '客户来电更正号码');
    expect(JSON.parse(lastAudit().diff)).toEqual({
      'record.customer.phone': { before: '13700003333', after: '13700004444' },
      'correction.reason': { before: null, after: '客户来电更正号码' },
      'correction.afterScheme': { before: null, after: true },
    });

    // Recording progress is not a correction: a clerk marks a document received at any stage.
    const current = getApplication(store.ctx('clerk'), number).record;
    const documents = current.documents.map((d) => ({ ...d, status: 'RECEIVED' as const }));
    updateApplicationRecord(store.ctx('clerk'), number, { ...current, completionCheckPassed: true, documents });
    expect(Object.keys(JSON.parse(lastAudit().diff))).not.toContain('correction.afterScheme');
  });

  it("changing the customer's identity is a supervisor action with a reason, flagged for the risk detectors", () => {
    const { number } = createApplication(store.ctx('clerk'), record);
    const renamed = { ...record, customer: { ...record.customer, name: '杭州振华精工有限公司' } };
    expect(refusal(() => updateApplicationRecord(store.ctx('clerk'), number, renamed, '营业执照变更')).code).toBe(
      'FORBIDDEN',
    );
    updateApplicationRecord(store.ctx('supervisor'), number, renamed, '营业执照变更，名称核准通知书已收');
    const flagged = store
      .ctx()
      .db.prepare(
        `SELECT entity_id AS number FROM audit_log
         WHERE action = 'application.update' AND json_extract(diff_json, '$."correction.identityChanged".after') = 1`,
      )
      .all();
    expect(flagged).toEqual([{ number }]);
  });
});
