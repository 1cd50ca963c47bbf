/**
 * R-GATE-04 on a real store: the approved scheme shows its 有效期至; an application whose scheme expired before the
 * customer's works cannot advance; a supervisor extends it once, on a request at least 10 days before expiry and
 * by no more than the original validity, audited; the 工作台 lists the schemes about to expire.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApplication } from '../../../main/services/applications/createApplication';
import { moveApplication } from '../../../main/services/applications/moveApplication';
import { extendScheme } from '../../../main/services/schemeExtension';
import { approveScheme, listSchemes, saveSchemeDraft } from '../../../main/services/schemes';
import { schemesExpiring } from '../../../main/services/workstation/schemesExpiring';
import { proposeScheme } from '../../../shared/domain/schemeProposal';
import { hvNewConnection, openStore, type Store } from './storeFixture';
import { refusal } from './support/refusal';

const record = hvNewConnection();

let store: Store;
beforeEach(() => {
  store = openStore();
});
afterEach(() => store.close());

/** Shanghai morning of a date. */
const on = (date: string) => store.setNow(`${date}T01:00:00Z`);

/** An HV application in 供电方案 whose scheme (replied 2026-03-02, 12 months) a supervisor approved. */
function inSchemeWithApproval(content: Partial<ReturnType<typeof proposeScheme>> = {}): string {
  const { number } = createApplication(store.ctx('clerk'), record);
  moveApplication(store.ctx(), number, { move: 'advance' }); // 现场勘查
  moveApplication(store.ctx(), number, { move: 'advance' }); // 供电方案
  const proposal = proposeScheme(record, 'FA-1', '2026-03-02');
  saveSchemeDraft(
    store.ctx('clerk'),
    number,
    {
      ...proposal,
      sources: proposal.sources.map((s) => ({ ...s, boundaryPoint: '振华 A 线 12# 杆 T 接点' })),
      receiving: { ...proposal.receiving!, mainWiring: '10 kV 单母线' },
      metering: proposal.metering.map((m) => ({ ...m, position: '进线计量柜', meterSpec: '三相三线 3×100 V' })),
      ...content,
    },
    undefined,
  );
  approveScheme(store.ctx(), number, 1);
  return number;
}

const extension = (until: string, requestedOn: string) => ({
  until,
  requestedOn,
  reason: '客户厂房土建延误，书面申请延期',
});

describe('R-GATE-04 scheme validity', () => {
  it('shows 有效期至 and refuses a validity longer than the province setting', () => {
    const number = inSchemeWithApproval();
    expect(listSchemes(store.ctx(), number)[0]).toMatchObject({ validUntil: '2027-03-02', extendedUntil: null });
    const proposal = proposeScheme(record, 'FA-2', '2026-03-02');
    const tooLong = refusal(() =>
      saveSchemeDraft(store.ctx(), number, { ...proposal, validityMonths: 13 }, '客户要求更长有效期'),
    );
    expect(tooLong.message).toContain('高压供电方案有效期为 12 个月（省级参数）');
  });

  it('refuses to advance once the scheme expired before the customer works, and not on its last day', () => {
    const number = inSchemeWithApproval();
    on('2027-03-03');
    const refused = refusal(() => moveApplication(store.ctx(), number, { move: 'advance' }));
    expect(refused.problems).toEqual([
      expect.objectContaining({ ruleId: 'R-GATE-04', severity: 'error', basis: expect.stringContaining('第21条') }),
    ]);
    expect(refused.message).toContain('有效期至 2027-03-02，已过期 1 天');
    on('2027-03-02');
    const onLastDay = (() => {
      try {
        moveApplication(store.ctx(), number, { move: 'advance' });
        return [];
      } catch (error) {
        return (error as { problems?: { ruleId: string }[] }).problems ?? [];
      }
    })();
    expect(onLastDay.map((p) => p.ruleId)).not.toContain('R-GATE-04');
  });

  it('a supervisor extends once: at least 10 days ahead, no longer than the original validity, audited', () => {
    const number = inSchemeWithApproval();
    on('2027-02-21');
    expect(refusal(() => extendScheme(store.ctx(), number, 1, extension('2027-09-01', '2027-02-21'))).problems).toEqual(
      [expect.objectContaining({ ruleId: 'R-GATE-04', field: 'requestedOn' })],
    );
    // Received on 2027-02-20 (10 days before expiry), recorded the next day; longer than 12 more months refused.
    expect(refusal(() => extendScheme(store.ctx(), number, 1, extension('2028-03-03', '2027-02-20'))).problems).toEqual(
      [expect.objectContaining({ field: 'until', message: expect.stringContaining('最迟可延至 2028-03-02') })],
    );
    expect(extendScheme(store.ctx(), number, 1, extension('2027-09-01', '2027-02-20'))).toMatchObject({
      validUntil: '2027-09-01',
      extendedUntil: '2027-09-01',
    });
    const audit = store
      .ctx()
      .db.prepare("SELECT user_id AS user, diff_json AS diff FROM audit_log WHERE action = 'scheme.extend'")
      .get() as { user: string; diff: string };
    expect(audit.user).toBe('supervisor-1');
    expect(JSON.parse(audit.diff)).toMatchObject({
      schemeValidUntil: { before: '2027-03-02', after: '2027-09-01' },
      extensionReason: { after: '客户厂房土建延误，书面申请延期' },
    });
    expect(
      refusal(() => extendScheme(store.ctx(), number, 1, extension('2027-10-01', '2027-02-20'))).message,
    ).toContain('只能延期一次');
    on('2027-03-05');
    const later = (() => {
      try {
        moveApplication(store.ctx(), number, { move: 'advance' });
        return [];
      } catch (error) {
        return (error as { problems?: { ruleId: string }[] }).problems ?? [];
      }
    })();
    expect(later.map((p) => p.ruleId)).not.toContain('R-GATE-04');
  });

  it('the 工作台 lists schemes within 30 days of expiry, expired first', () => {
    const first = inSchemeWithApproval();
    expect(schemesExpiring(store.ctx('clerk'), {})).toEqual({ total: 0, items: [] });
    on('2027-02-10');
    expect(schemesExpiring(store.ctx('clerk'), {})).toEqual({
      total: 1,
      items: [expect.objectContaining({ number: first, version: 1, validUntil: '2027-03-02', daysLeft: 20 })],
    });
    on('2027-03-04');
    expect(schemesExpiring(store.ctx('clerk'), {}).items[0]).toMatchObject({ daysLeft: -2, extended: false });
  });
});
