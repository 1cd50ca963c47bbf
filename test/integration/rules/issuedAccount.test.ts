/**
 * A new connection's 户号 (REFERENCE §5.1.8): the marketing system issues it when the meter is connected, and the
 * clerk records it in 装表接电记录 as progress, with no reason and no supervisor. Later changes find the service
 * by it; a 户号 the hall already has is refused (R-HH-05); changing a recorded one is a correction.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lookupAccount } from '../../../main/services/accounts';
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

const toMeterConnect: MoveRequest = { move: 'advance', skip: { stages: ['GRID_WORKS'], reason: '无需电网配套工程' } };
const ISSUED = '3201234567';

/** A low-voltage residential connection at 装表接电 (业务受理 → [电网配套工程] → 装表接电 → 归档). */
function atMeterConnect(seed: number): { number: string; record: ApplicationInput } {
  const record = recordFor('NEW_LVR', 'LVR', seed);
  const { number } = createApplication(store.ctx('clerk'), record);
  expect(moveApplication(store.ctx('clerk'), number, toMeterConnect).stage).toBe('METER_CONNECT');
  return { number, record };
}

describe('户号 of a new connection, recorded at 装表接电', () => {
  it('is recorded by the clerk as progress, archived with the service, and found by a later change', () => {
    const { number, record } = atMeterConnect(1);
    updateApplicationRecord(store.ctx('clerk'), number, { ...record, accountNo: ISSUED });
    expect(getApplication(store.ctx('clerk'), number).record.accountNo).toBe(ISSUED);
    expect(moveApplication(store.ctx('clerk'), number, { move: 'advance' }).stage).toBe('ARCHIVE');
    expect(moveApplication(store.ctx('clerk'), number, { move: 'archive' }).status).toBe('ARCHIVED');

    const found = lookupAccount(store.ctx('clerk'), ISSUED);
    expect(found).toMatchObject({
      sourceNumber: number,
      customer: { name: record.customer.name },
      existing: { capacityKw: record.requestedCapacityKw, voltageCode: record.voltageCode },
      openApplications: [],
    });
    // A capacity increase on it is a known account: no 户号来自外部系统 needed (R-HH-04).
    const increase: ApplicationInput = {
      ...recordFor('INC_LVR', 'LVR', 4),
      customer: record.customer,
      accountNo: ISSUED,
      accountExternal: false,
    };
    const created = createApplication(store.ctx('clerk'), increase);
    expect(getApplication(store.ctx('clerk'), created.number).record.accountNo).toBe(ISSUED);
  });

  it('refuses a 户号 the hall already has (R-HH-05) and keeps the record as it was', () => {
    const first = atMeterConnect(1);
    updateApplicationRecord(store.ctx('clerk'), first.number, { ...first.record, accountNo: ISSUED });
    const second = atMeterConnect(2);
    const refused = refusal(() =>
      updateApplicationRecord(store.ctx('clerk'), second.number, { ...second.record, accountNo: ISSUED }),
    );
    expect(refused.problems).toEqual([
      expect.objectContaining({
        ruleId: 'R-HH-05',
        severity: 'error',
        field: 'accountNo',
        message: expect.stringContaining(`户号 ${ISSUED} 已用于本营业厅的其他申请`),
      }),
    ]);
    expect(getApplication(store.ctx('clerk'), second.number).record.accountNo).toBeUndefined();
  });

  it('leaves changing a recorded 户号 to a supervisor with a reason', () => {
    const { number, record } = atMeterConnect(1);
    updateApplicationRecord(store.ctx('clerk'), number, { ...record, accountNo: ISSUED });
    const changed = { ...record, accountNo: '3201234568' };
    expect(refusal(() => updateApplicationRecord(store.ctx('clerk'), number, changed)).code).toBe('FORBIDDEN');
    updateApplicationRecord(store.ctx('supervisor'), number, changed, '营销系统户号录错，按电费单更正');
    expect(getApplication(store.ctx('clerk'), number).record.accountNo).toBe('3201234568');
  });
});
