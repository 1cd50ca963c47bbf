/**
 * Incremental = full: over random change sequences, the flags the mutations leave behind equal the flags a
 * recompute from scratch finds (record detectors; hall detectors are scanned whole on every read anyway).
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApplicationInput } from '../../../shared/domain/application';
import { createApplication } from '../../../main/services/applications/createApplication';
import { moveApplication, type MoveRequest } from '../../../main/services/applications/moveApplication';
import { updateApplicationRecord } from '../../../main/services/applications/updateApplication';
import { AppError } from '../../../main/services/errors';
import { recomputeAll } from '../../../main/services/risk/recompute';
import { DETECTORS } from '../../../main/services/risk/registry';
import { openStore, type Store } from '../store/storeFixture';
import { hvRecord, otherCustomer } from './riskFixture';

const ADDRESSES = ['浙江省杭州市西湖区文三路 1 号', '浙江省杭州市西湖区文三路 2 号', hvRecord.site.address];
const RECORD_DETECTORS = JSON.stringify(DETECTORS.filter((d) => d.scope === 'records').map((d) => d.id));

/** Confirmations of the duplicate warnings the random creations may raise. */
const ACKS = [
  ...(hvRecord.acknowledgements ?? []),
  { ruleId: 'R-DUP-01', reason: '测试：同址多户' },
  { ruleId: 'R-DUP-02', reason: '测试：同一客户再次申请' },
];
const recordOf = (customer: number, address: number): ApplicationInput => ({
  ...otherCustomer(customer, ADDRESSES[address]),
  acknowledgements: ACKS,
});

type Op =
  | { kind: 'create'; customer: number; address: number }
  | { kind: 'move'; app: number; move: MoveRequest }
  | { kind: 'readdress'; app: number; customer: number; address: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), customer: fc.nat(3), address: fc.nat(2) }),
  fc.record({
    kind: fc.constant('move' as const),
    app: fc.nat(5),
    move: fc.constantFrom<MoveRequest>(
      { move: 'advance' },
      { move: 'return', to: 'ACCEPT', reason: '资料不全' },
      { move: 'suspend', reasonCode: 'CUSTOMER_REQUESTED_POSTPONEMENT' },
      { move: 'resume' },
      { move: 'cancel', reason: '客户撤回' },
    ),
  }),
  fc.record({ kind: fc.constant('readdress' as const), app: fc.nat(5), customer: fc.nat(3), address: fc.nat(2) }),
);

function snapshot(store: Store): unknown[] {
  return store
    .ctx()
    .db.prepare(
      `SELECT f.detector_id, f.subject_key, f.evidence_hash, f.status,
         (SELECT json_group_array(application_id) FROM
            (SELECT application_id FROM risk_flag_applications WHERE flag_id = f.id ORDER BY application_id)) AS apps
       FROM risk_flags f WHERE f.detector_id IN (SELECT value FROM json_each(?)) ORDER BY f.detector_id, f.subject_key`,
    )
    .all(RECORD_DETECTORS);
}

let store: Store | undefined;
afterEach(() => store?.close());

describe('risk flags: incremental recompute equals a full recompute', () => {
  it('after any sequence of creations, moves and address corrections', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 14 }), (ops) => {
        store?.close();
        store = openStore();
        const clerk = store.ctx('clerk');
        const supervisor = store.ctx('supervisor');
        const numbers: string[] = [];
        for (const step of ops) {
          try {
            if (step.kind === 'create')
              numbers.push(createApplication(clerk, recordOf(step.customer, step.address)).number);
            else if (numbers.length === 0) continue;
            else if (step.kind === 'move') moveApplication(supervisor, numbers[step.app % numbers.length]!, step.move);
            else {
              const number = numbers[step.app % numbers.length]!;
              updateApplicationRecord(supervisor, number, recordOf(step.customer, step.address), '测试：更正地址');
            }
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
          }
        }
        const incremental = snapshot(store);
        store.ctx().db.exec('DELETE FROM risk_flags');
        recomputeAll(store.ctx().db, new Date('2026-03-02T01:00:00Z').toISOString());
        expect(snapshot(store)).toEqual(incremental);
      }),
      { numRuns: 25 },
    );
  });
});
