import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApplication } from '../../../main/services/applications/createApplication';
import { moveApplication } from '../../../main/services/applications/moveApplication';
import { closeRiskFlag, listRiskFlags } from '../../../main/services/risk/flags';
import { openStore, type Store } from '../store/storeFixture';
import { refusal } from '../store/support/refusal';
import { flagsOf, hvRecord } from './riskFixture';

let store: Store;
beforeEach(() => {
  store = openStore();
});
afterEach(() => store.close());

function returnedTwice(): string {
  const clerk = store.ctx('clerk');
  const { number } = createApplication(clerk, hvRecord);
  for (const reason of ['负荷清单不全', '产权证明过期']) {
    moveApplication(clerk, number, { move: 'advance' });
    moveApplication(store.ctx('supervisor'), number, { move: 'return', to: 'ACCEPT', reason });
  }
  return number;
}

describe('closing a flag', () => {
  it('is audited with its reason, stays closed while the evidence stands and reopens when it changes', () => {
    const number = returnedTwice();
    const [flag] = flagsOf(store, 'RISK-ACC-02');
    const closed = closeRiskFlag(store.ctx('supervisor'), { id: flag!.id, reason: '已与客户核实，退回理由属实' });
    expect(closed).toMatchObject({ status: 'closed', closedBy: '王建国', closeReason: '已与客户核实，退回理由属实' });
    const audit = store
      .ctx()
      .db.prepare(`SELECT action, entity, entity_id, diff_json FROM audit_log ORDER BY id DESC LIMIT 1`)
      .get() as { action: string; entity: string; entity_id: string; diff_json: string };
    expect(audit).toMatchObject({ action: 'risk.close', entity: 'risk_flag', entity_id: String(flag!.id) });
    expect(JSON.parse(audit.diff_json)).toMatchObject({
      status: { before: 'open', after: 'closed' },
      closeReason: { before: null, after: '已与客户核实，退回理由属实' },
    });

    // A change that leaves the evidence as it was: still closed.
    moveApplication(store.ctx('clerk'), number, { move: 'advance' });
    expect(flagsOf(store, 'RISK-ACC-02')[0]).toMatchObject({ id: flag!.id, status: 'closed' });
    const again = refusal(() => closeRiskFlag(store.ctx('supervisor'), { id: flag!.id, reason: '再次关闭' }));
    expect(again.code).toBe('ILLEGAL_STATE');

    // A third return is new evidence: the flag reopens, its closing cleared.
    moveApplication(store.ctx('supervisor'), number, { move: 'return', to: 'ACCEPT', reason: '容量需重新核定' });
    expect(flagsOf(store, 'RISK-ACC-02')[0]).toMatchObject({
      id: flag!.id,
      status: 'open',
      closedBy: null,
      values: { 退回次数: 3 },
    });
  });

  it('lists by status and by application; an unknown flag or detector is refused in Chinese', () => {
    const number = returnedTwice();
    const ctx = store.ctx('supervisor');
    const byApp = listRiskFlags(ctx, { application: number, offset: 0, limit: 50 });
    expect(byApp.items.map((f) => f.detectorId)).toContain('RISK-ACC-02');
    expect(byApp.items.every((f) => f.applications.includes(number))).toBe(true);
    expect(byApp.openByDetector['RISK-ACC-02']).toBe(1);
    expect(listRiskFlags(ctx, { status: 'closed', offset: 0, limit: 50 }).total).toBe(0);
    expect(refusal(() => closeRiskFlag(ctx, { id: 999, reason: '不存在' })).message).toBe(
      '找不到编号为 999 的风险记录：请刷新列表后重试。',
    );
    expect(refusal(() => listRiskFlags(ctx, { detector: 'RISK-XYZ-99', offset: 0, limit: 5 })).message).toBe(
      '没有编号为 RISK-XYZ-99 的风险检测项：可用的检测项见 docs/risk.md。',
    );
  });
});
