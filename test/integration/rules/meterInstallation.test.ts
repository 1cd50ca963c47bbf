/**
 * R-MET-04 at 装表接电 on a real temporary store, through the services the UI and the CLI use: where the meter was
 * installed is recorded at METER_CONNECT (progress, by a clerk); a meter away from the ownership boundary without
 * the agreed bearing of the losses holds the save and the move until the warning is acknowledged; before
 * METER_CONNECT the rule does not apply.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApplication } from '../../../main/services/applications/createApplication';
import { moveApplication, type MoveRequest } from '../../../main/services/applications/moveApplication';
import { getApplication } from '../../../main/services/applications/readApplications';
import { updateApplicationRecord } from '../../../main/services/applications/updateApplication';
import type { ApplicationInput } from '../../../shared/domain/application';
import { openStore, recordFor, type Store } from '../store/storeFixture';
import { refusal } from '../store/support/refusal';

let store: Store;
beforeEach(() => {
  store = openStore();
});
afterEach(() => store.close());

const awayFromBoundary = { atBoundary: false };
const toMeterConnect: MoveRequest = { move: 'advance', skip: { stages: ['GRID_WORKS'], reason: '无需电网配套工程' } };

/** A low-voltage residential connection moved on to 装表接电 (its plan: 业务受理 → [电网配套工程] → 装表接电). */
function atMeterConnect(record: ApplicationInput): string {
  const { number } = createApplication(store.ctx('clerk'), record);
  expect(moveApplication(store.ctx('clerk'), number, toMeterConnect).stage).toBe('METER_CONNECT');
  return number;
}

describe('R-MET-04 计量装置装于产权分界处 (checked at METER_CONNECT)', () => {
  it('holds a meter away from the boundary without a loss agreement until acknowledged; the agreement clears it', () => {
    const record = recordFor('NEW_LVR', 'LVR');
    const number = atMeterConnect(record);
    const held = refusal(() =>
      updateApplicationRecord(store.ctx('clerk'), number, { ...record, meterInstallation: awayFromBoundary }),
    );
    expect(held.problems).toEqual([
      expect.objectContaining({
        ruleId: 'R-MET-04',
        severity: 'warning',
        field: 'meterInstallation.lossAgreement',
        message: expect.stringContaining('请填写线损、变损承担约定'),
        basis: '《电力供应与使用条例》第26条',
      }),
    ]);
    expect(getApplication(store.ctx('clerk'), number).record.meterInstallation).toBeUndefined();

    const agreed = { atBoundary: false, lossAgreement: '线损由客户承担，按月加计' };
    updateApplicationRecord(store.ctx('clerk'), number, { ...record, meterInstallation: agreed });
    expect(getApplication(store.ctx('clerk'), number).record.meterInstallation).toEqual(agreed);
  });

  it('a meter at the boundary is clean, and an acknowledged warning saves with its reason', () => {
    const record = recordFor('NEW_LVR', 'LVR', 2);
    const number = atMeterConnect(record);
    updateApplicationRecord(store.ctx('clerk'), number, { ...record, meterInstallation: { atBoundary: true } });
    expect(getApplication(store.ctx('clerk'), number).record.meterInstallation).toEqual({ atBoundary: true });

    const acknowledged: ApplicationInput = {
      ...record,
      meterInstallation: awayFromBoundary,
      acknowledgements: [
        ...(record.acknowledgements ?? []),
        { ruleId: 'R-MET-04', reason: '表箱按物业要求设于楼道，损耗可忽略' },
      ],
    };
    updateApplicationRecord(store.ctx('clerk'), number, acknowledged);
    expect(getApplication(store.ctx('clerk'), number).record.meterInstallation).toEqual(awayFromBoundary);
  });

  it('does not apply before 装表接电, and holds the move into it', () => {
    const record: ApplicationInput = { ...recordFor('NEW_LVR', 'LVR', 3), meterInstallation: awayFromBoundary };
    // At 业务受理 the record saves without the warning: the rule starts at METER_CONNECT.
    const { number } = createApplication(store.ctx('clerk'), record);
    const held = refusal(() => moveApplication(store.ctx('clerk'), number, toMeterConnect));
    expect(held.problems?.map((p) => p.ruleId)).toEqual(['R-MET-04']);
    expect(getApplication(store.ctx('clerk'), number).stage).toBe('ACCEPT');
    const moved = moveApplication(store.ctx('clerk'), number, {
      move: 'advance',
      skip: { stages: ['GRID_WORKS'], reason: '无需电网配套工程' },
      acknowledgements: [{ ruleId: 'R-MET-04', reason: '客户书面同意承担表前线损' }],
    });
    expect(moved.stage).toBe('METER_CONNECT');
  });
});
