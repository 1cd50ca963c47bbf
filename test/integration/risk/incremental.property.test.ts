/**
 * Incremental = full: over random change sequences, the flags the mutations leave behind equal the flags a
 * recompute from scratch finds: the record detectors, and the hall detectors that scan the record fields kept by
 * triggers (migration 0019: capacities, works parties, acknowledgements; migration 0023: the per-clerk, per-company
 * and per-capacity counts), whose tables a full recompute refills from the records, events and audit log. Their
 * thresholds are lowered so that they fire on a dozen applications. Reads in between (a hall scan) make later
 * scans judge only the groups changed since (migration 0023's dirty groups).
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApplicationInput } from '../../../shared/domain/application';
import { createApplication } from '../../../main/services/applications/createApplication';
import { moveApplication, type MoveRequest } from '../../../main/services/applications/moveApplication';
import { updateApplicationRecord } from '../../../main/services/applications/updateApplication';
import { AppError } from '../../../main/services/errors';
import { recomputeAll, refreshHallFlags } from '../../../main/services/risk/recompute';
import { DETECTORS } from '../../../main/services/risk/registry';
import { loadProvinceProfile } from '../../../main/services/settings/provinceProfile';
import { openStore, type Store } from '../store/storeFixture';
import { hvRecord, issueScheme, otherCustomer, schemeFor } from './riskFixture';

const ADDRESSES = ['浙江省杭州市西湖区文三路 1 号', '浙江省杭州市西湖区文三路 2 号', hvRecord.site.address];
const COMPARED = JSON.stringify([
  ...DETECTORS.filter((d) => d.scope === 'records').map((d) => d.id),
  'RISK-ACC-01',
  'RISK-ACC-04',
  'RISK-ACC-05',
  'RISK-INT-04',
  'RISK-PRC-01',
  'RISK-SCH-05',
  'RISK-TIME-01',
  'RISK-TIME-02',
  'RISK-TIME-03',
  'RISK-TIME-05',
]);
/** The per-group tables kept by triggers (migration 0023), as a full recompute refills them. */
const GROUP_TABLES = [
  'SELECT * FROM risk_application_clerks ORDER BY application_id',
  'SELECT * FROM risk_clerk_counts ORDER BY user_id',
  'SELECT * FROM risk_clerk_rule_counts ORDER BY user_id, rule_id',
  'SELECT * FROM risk_works_parties ORDER BY application_id, role',
  'SELECT * FROM risk_works_counts ORDER BY application_date, role, name',
  'SELECT * FROM risk_capacity_counts ORDER BY customer_class, industry, kva',
];
const DESIGNERS = ['苏源电力设计有限公司', '江宁电力设计院', '金陵电气设计所'];
/** Flags are read weeks after the changes (made on 2026-03-02), so the deadline scans find 临期, 超期 and 停滞. */
const AT = new Date('2026-03-25T01:00:00Z').toISOString();
/** Changes stamped after the reads (RISK-INT-04). */
const AHEAD = '2026-03-30T02:00:00Z';

/** Confirmations of the duplicate warnings the random creations may raise. */
const ACKS = [
  ...(hvRecord.acknowledgements ?? []),
  { ruleId: 'R-DUP-01', reason: '测试：同址多户' },
  { ruleId: 'R-DUP-02', reason: '测试：同一客户再次申请' },
];
/** A variant picks the applied capacity and the designer (RISK-ACC-04, RISK-PRC-01). */
function recordOf(customer: number, address: number, variant = 0): ApplicationInput {
  const record = otherCustomer(customer, ADDRESSES[address]);
  const kva = [1260, 1000, 1600, 4000][variant % 4]!; // two transformers of a standard size each
  return {
    ...record,
    acknowledgements: ACKS,
    requestedCapacityKva: kva,
    transformers: [{ ratingKva: kva / 2, count: 2 }],
    supplies: record.supplies?.map((supply) => ({ ...supply, capacityKva: kva })),
    customerWorks: { designer: { name: DESIGNERS[variant % 3]!, choice: 'CUSTOMER_CHOICE' } },
  };
}

type Op =
  | { kind: 'create'; customer: number; address: number; variant: number; by: 'clerk' | 'supervisor' | 'ahead' }
  | { kind: 'scheme'; app: number }
  | { kind: 'read' }
  | { kind: 'day'; days: number }
  | { kind: 'move'; app: number; move: MoveRequest }
  | { kind: 'readdress'; app: number; customer: number; address: number; variant: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('create' as const),
      customer: fc.nat(3),
      address: fc.nat(2),
      variant: fc.nat(11),
      by: fc.constantFrom('clerk' as const, 'supervisor' as const, 'ahead' as const),
    }),
    weight: 3,
  },
  fc.record({ kind: fc.constant('scheme' as const), app: fc.nat(5) }),
  fc.record({ kind: fc.constant('read' as const) }),
  fc.record({ kind: fc.constant('day' as const), days: fc.integer({ min: 1, max: 15 }) }),
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
  fc.record({
    kind: fc.constant('readdress' as const),
    app: fc.nat(5),
    customer: fc.nat(3),
    address: fc.nat(2),
    variant: fc.nat(11),
  }),
);

function snapshot(store: Store): unknown[] {
  const { db } = store.ctx();
  const facts = db.prepare('SELECT * FROM risk_application_facts ORDER BY application_id').all();
  const acks = db.prepare('SELECT * FROM risk_acknowledgements ORDER BY application_id, position').all();
  return [
    facts,
    acks,
    ...GROUP_TABLES.map((sql) => db.prepare(sql).all()),
    ...db
      .prepare(
        `SELECT f.detector_id, f.subject_key, f.evidence_hash, f.status,
         (SELECT json_group_array(application_id) FROM
            (SELECT application_id FROM risk_flag_applications WHERE flag_id = f.id ORDER BY application_id)) AS apps
       FROM risk_flags f WHERE f.detector_id IN (SELECT value FROM json_each(?)) ORDER BY f.detector_id, f.subject_key`,
      )
      .all(COMPARED),
  ];
}

/** Thresholds low enough for a dozen applications. */
const LOW_THRESHOLDS = JSON.stringify({
  risk: {
    capacityGroupMin: 3,
    contractorShareMinWorks: 2,
    acknowledgedMinCount: 1,
    acknowledgedShareFactor: 1,
    clerkRateMinApplications: 1,
    clerkRateFactor: 1,
    pauseShareFactor: 1,
    schemeExpiringDays: 365,
    // Applications accepted on 2026-03-02 become idle on 03-31: reads from 03-25 on cross that day (migration 0034).
    idleWorkdays: 20,
  },
});

let store: Store | undefined;
afterEach(() => store?.close());

describe('risk flags: incremental recompute equals a full recompute', () => {
  it('after any sequence of creations, moves and address corrections', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 20 }), (ops) => {
        store?.close();
        store = openStore();
        loadProvinceProfile(store.ctx('admin'), LOW_THRESHOLDS);
        // The hall's first full computation (otherwise the first read below would be one, not an increment).
        recomputeAll(store.ctx().db, AT);
        const clerk = store.ctx('clerk');
        const supervisor = store.ctx('supervisor');
        // A workstation whose clock runs ahead of the reads (RISK-INT-04).
        const ahead = { ...clerk, now: () => new Date(AHEAD) };
        // Reads move on by days: a new day's scan judges the deadlines (migration 0032) and the idle days (0034)
        // crossed since the last one.
        let readAt = AT;
        const numbers: string[] = [];
        const records = new Map<string, ApplicationInput>();
        for (const step of ops) {
          try {
            if (step.kind === 'create') {
              const by = { clerk, supervisor, ahead }[step.by];
              const record = recordOf(step.customer, step.address, step.variant);
              const { number } = createApplication(by, record);
              numbers.push(number);
              records.set(number, record);
            } else if (step.kind === 'read') refreshHallFlags(store.ctx().db, readAt);
            else if (step.kind === 'day') readAt = new Date(Date.parse(readAt) + step.days * 86_400_000).toISOString();
            else if (numbers.length === 0) continue;
            else if (step.kind === 'move') moveApplication(supervisor, numbers[step.app % numbers.length]!, step.move);
            else if (step.kind === 'scheme') {
              // Brought to 供电方案 first (an application in 受理 or 现场勘查), then a scheme drafted and approved.
              const number = numbers[step.app % numbers.length]!;
              const { db } = store.ctx();
              const stage = () => db.prepare('SELECT stage FROM applications WHERE number = ?').pluck().get(number);
              while (['ACCEPT', 'SURVEY'].includes(stage() as string))
                moveApplication(supervisor, number, { move: 'advance' });
              const version = db
                .prepare(
                  `SELECT count(*) + 1 FROM supply_scheme_versions
                   WHERE application_id = (SELECT id FROM applications WHERE number = ?)`,
                )
                .pluck()
                .get(number) as number;
              issueScheme(store, number, version, schemeFor(records.get(number)));
            } else {
              const number = numbers[step.app % numbers.length]!;
              const record = recordOf(step.customer, step.address, step.variant);
              updateApplicationRecord(supervisor, number, record, '测试：更正');
              records.set(number, record);
            }
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
          }
        }
        refreshHallFlags(store.ctx().db, readAt);
        const incremental = snapshot(store);
        store.ctx().db.exec('DELETE FROM risk_flags');
        recomputeAll(store.ctx().db, readAt);
        expect(snapshot(store)).toEqual(incremental);
      }),
      {
        numRuns: 25,
        examples: [
          // Read before the idle day (03-31), then on it with no write in between (migration 0034's index).
          [
            [
              { kind: 'create', customer: 0, address: 0, variant: 0, by: 'clerk' },
              { kind: 'read' },
              { kind: 'day', days: 6 },
            ],
          ],
          // Idle, then cancelled: its idle day goes with it.
          [
            [
              { kind: 'create', customer: 0, address: 0, variant: 0, by: 'clerk' },
              { kind: 'day', days: 7 },
              { kind: 'read' },
              { kind: 'move', app: 0, move: { move: 'cancel', reason: '客户撤回' } },
            ],
          ],
        ],
      },
    );
  }, 300_000); // 25 random halls, each recomputed from scratch: slow on a busy two-core machine
});
