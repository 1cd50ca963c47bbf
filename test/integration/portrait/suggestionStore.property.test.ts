/**
 * Stored = derived: over random sequences of writes (new applications of five kinds, corrections of the
 * address, industry, legal representative, capacity or customer, cancellations, suspensions, archiving) and days
 * passing, the suggestions 客户画像 keeps (migration 0038, suggestionStore.ts), and the customers each one names,
 * equal deriveSuggestions over every application of the hall on the day of the read. The hall starts from the
 * demo's returning customers (every kind, companies with nothing open); the thresholds are lowered and the date
 * windows cut to one month, so that a dozen applications and a few weeks make and unmake every kind.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DerivedSuggestion } from '../../../shared/api/portrait';
import type { ApplicationInput } from '../../../shared/domain/application';
import type { BusinessType, CustomerClass } from '../../../shared/domain/codes';
import { deriveSuggestions } from '../../../shared/stats/suggestions';
import { stagePlan } from '../../../shared/workflow/stagePlans';
import { DATABASE_FILE, openDatabase } from '../../../main/db/connection';
import { allApplicationFacts } from '../../../main/db/repositories/portraitRepo';
import { allStoredSuggestions } from '../../../main/db/repositories/suggestionStoreRepo';
import type { HandlerContext } from '../../../main/ipc/context';
import { createApplication } from '../../../main/services/applications/createApplication';
import { moveApplication } from '../../../main/services/applications/moveApplication';
import { updateApplicationRecord } from '../../../main/services/applications/updateApplication';
import { shanghaiDate } from '../../../main/services/clock';
import { addDemoCustomers } from '../../../main/services/demo/demoCustomers';
import { demoScheme } from '../../../main/services/demo/demoScheme';
import { generateMobile, generateRic, generateUscc } from '../../../main/services/demo/identifiers';
import { Prng } from '../../../main/services/demo/prng';
import { schemeStageOf } from '../../../main/services/demo/runDemo';
import { AppError } from '../../../main/services/errors';
import { buildStoredSuggestions, refreshStoredSuggestions } from '../../../main/services/portrait/suggestionStore';
import { thresholdsInForce, toFact } from '../../../main/services/portrait/suggestionsInForce';
import { approveScheme, saveSchemeDraft } from '../../../main/services/schemes';
import { loadProvinceProfile } from '../../../main/services/settings/provinceProfile';
import { openStore, recordFor, tempDataDir, type Store } from '../store/storeFixture';

const START = '2026-11-27T02:00:00Z';
const DAY_MS = 86_400_000;

const LOW_THRESHOLDS = JSON.stringify({
  portrait: {
    hvPlanningFraction: 0.5,
    growthApplications: 2,
    compoundMinCustomers: 2,
    compoundMonths: 1,
    temporaryRepeats: 2,
    suspensionsForDemand: 1,
    suspensionMonths: 1,
    industryClusterMin: 2,
    industryMonths: 1,
    leadListMax: 1,
  },
});

const KINDS: { type: BusinessType; cls: CustomerClass; kind: 'PERSON' | 'ORG' }[] = [
  { type: 'NEW_LVR', cls: 'LVR', kind: 'PERSON' },
  { type: 'NEW_LVN', cls: 'LVN', kind: 'ORG' },
  { type: 'INC_LVN', cls: 'LVN', kind: 'ORG' },
  { type: 'NEW_TEMP', cls: 'LVN', kind: 'ORG' },
  { type: 'SUS', cls: 'HV', kind: 'ORG' },
];
const PARK = '江苏省南京市江宁区天元东路88号';
const ADDRESSES = [
  '江苏省南京市江宁区翠湖新苑1幢1单元101室',
  '江苏省南京市江宁区翠湖新苑2幢2单元202室',
  `${PARK}3幢`,
  `${PARK}7幢`,
  '江苏省南京市江宁区胜太路200号',
  '江苏省南京市江宁区双龙大道1号',
];
const INDUSTRIES = ['C3411', 'C3982', 'G5950'];

const rng = new Prng(15_038);
/** The legal representatives: the demo workshop's (and its idle sister company's) first, set once the hall is made. */
const REPS = ['陈志强', '周海', '吴桂芳'].map((name) => ({ name, idNumber: generateRic(rng, 1960, 1980) }));
const PEOPLE = ['林一', '高二', '孙三'].map((name) => ({
  kind: 'PERSON' as const,
  name,
  idType: 'RIC' as const,
  idNumber: generateRic(rng),
  phone: generateMobile(rng),
}));
/** The companies: the demo's idle sister company first (an application makes it open), set once the hall is made. */
const COMPANIES: ApplicationInput['customer'][] = [
  '宁远机械有限公司',
  '宁远电子有限公司',
  '江南冷链有限公司',
  '秦淮建设有限公司',
].map((name) => ({
  kind: 'ORG' as const,
  name,
  idType: 'USCC' as const,
  idNumber: generateUscc(rng),
  phone: generateMobile(rng),
}));
const ACKS = [
  { ruleId: 'R-DUP-01', reason: '测试：同址多户' },
  { ruleId: 'R-DUP-02', reason: '测试：同一客户再次申请' },
];

interface Change {
  customer: number;
  address: number;
  industry: number;
  rep: number;
  kw: number;
}

type Op =
  | ({ op: 'create'; kind: number; seed: number } & Change)
  | ({ op: 'correct'; app: number } & Change)
  | { op: 'move'; app: number; move: 'cancel' | 'suspend' | 'resume' | 'archive' }
  | { op: 'day'; days: number }
  | { op: 'read' };

const change = {
  customer: fc.nat(3),
  address: fc.nat(ADDRESSES.length - 1),
  industry: fc.nat(INDUSTRIES.length - 1),
  rep: fc.nat(REPS.length - 1),
  kw: fc.constantFrom(20, 60, 120, 150),
};
const anOp: fc.Arbitrary<Op> = fc.oneof(
  {
    arbitrary: fc.record({ op: fc.constant('create' as const), kind: fc.nat(4), seed: fc.nat(50), ...change }),
    weight: 4,
  },
  { arbitrary: fc.record({ op: fc.constant('correct' as const), app: fc.nat(20), ...change }), weight: 2 },
  {
    arbitrary: fc.record({
      op: fc.constant('move' as const),
      app: fc.nat(20),
      move: fc.constantFrom('cancel' as const, 'suspend' as const, 'resume' as const, 'archive' as const),
    }),
    weight: 2,
  },
  fc.record({ op: fc.constant('day' as const), days: fc.integer({ min: 1, max: 25 }) }),
  fc.record({ op: fc.constant('read' as const) }),
);

/** The record with the change's customer (of the record's kind), address, industry, legal representative, capacity. */
function changed(record: ApplicationInput, c: Change): ApplicationInput {
  const org = record.customer.kind === 'ORG';
  const customer = org
    ? { ...COMPANIES[c.customer % COMPANIES.length]!, legalRep: REPS[c.rep]! }
    : PEOPLE[c.customer % PEOPLE.length]!;
  return {
    ...record,
    customer,
    site: { ...record.site, address: ADDRESSES[c.address]! },
    industryCode: INDUSTRIES[c.industry]!,
    ...(record.customerClass !== 'HV' ? { requestedCapacityKw: c.kw } : {}),
    acknowledgements: [...(record.acknowledgements ?? []), ...ACKS],
  };
}

/** A rule-clean record of the kind, drawn until its customer is of the kind's (a licence and legal rep for a company). */
function drawn(kind: (typeof KINDS)[number], seed: number, date: string): ApplicationInput {
  for (let s = seed; ; s++) {
    const record = recordFor(kind.type, kind.cls, s, date);
    if (record.customer.kind === kind.kind) return record;
  }
}

/** Walks an application to 归档, drafting and approving its scheme on the way, as the demo does. */
function archive(ctx: HandlerContext, number: string, record: ApplicationInput, today: string): void {
  const plan = stagePlan(record.businessType, record.customerClass);
  const schemeStage = schemeStageOf(plan);
  const stageOf = () => ctx.db.prepare('SELECT stage FROM applications WHERE number = ?').pluck().get(number);
  for (let stage = stageOf(); stage !== plan.at(-1)!.stage; stage = stageOf()) {
    if (stage === schemeStage) {
      const draft = saveSchemeDraft(ctx, number, demoScheme(new Prng(1), record, number, today), undefined);
      approveScheme(ctx, number, draft.version);
    }
    moveApplication(ctx, number, { move: 'advance' });
  }
  moveApplication(ctx, number, { move: 'archive' });
}

function stored(ctx: HandlerContext): { suggestions: DerivedSuggestion[]; links: string[] } {
  const links = ctx.db
    .prepare(
      `SELECT s.kind || ' ' || s.subject_key || ' ' || l.customer_id AS link FROM portrait_suggestion_customers l
       JOIN portrait_suggestions s ON s.id = l.suggestion_id ORDER BY 1`,
    )
    .pluck()
    .all() as string[];
  return { suggestions: byKey(allStoredSuggestions(ctx.db)), links };
}

function derived(ctx: HandlerContext, today: string): { suggestions: DerivedSuggestion[]; links: string[] } {
  const all = deriveSuggestions(allApplicationFacts(ctx.db).map(toFact), thresholdsInForce(ctx.db), today);
  const links = all.flatMap((s) => s.customers.map((c) => `${s.kind} ${s.subject} ${c.id}`));
  return { suggestions: byKey(all), links: [...new Set(links)].sort() };
}

const byKey = (list: DerivedSuggestion[]) =>
  [...list].sort((a, b) => a.kind.localeCompare(b.kind) || a.subject.localeCompare(b.subject));

let base: Store;
beforeAll(() => {
  base = openStore({ now: START });
  addDemoCustomers(base.ctx(), new Date(START));
  const sister = JSON.parse(
    base
      .ctx()
      .db.prepare("SELECT json_extract(record_json, '$.customer') FROM applications WHERE customer_name = ?")
      .pluck()
      .get('金陵精密电子有限公司（演示）') as string,
  ) as ApplicationInput['customer'];
  COMPANIES[0] = sister;
  REPS[0] = sister.legalRep!;
  loadProvinceProfile(base.ctx('admin'), LOW_THRESHOLDS);
  base.closeDatabase();
}, 300_000);
afterAll(() => base.close());

/** A copy of the base hall in its own folder, with a movable clock. */
function copyOfBase(): {
  ctx: (role: 'clerk' | 'supervisor') => HandlerContext;
  setNow: (ms: number) => void;
  close: () => void;
} {
  const dir = tempDataDir();
  fs.cpSync(base.dir, dir, { recursive: true });
  const db = openDatabase(path.join(dir, DATABASE_FILE));
  let now = new Date(START);
  return {
    ctx: (role) => ({
      db,
      dataDir: dir,
      session: { userId: `${role}-1`, name: role === 'clerk' ? '李娜' : '王建国', role },
      now: () => now,
    }),
    setNow: (ms) => {
      now = new Date(ms);
    },
    close: () => {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('客户画像: the stored suggestions equal a derivation from every application', () => {
  it('after any sequence of new applications, corrections, cancellations, suspensions, archiving and days', () => {
    let written = 0;
    fc.assert(
      fc.property(fc.array(anOp, { minLength: 8, maxLength: 25 }), (ops) => {
        const hall = copyOfBase();
        try {
          const clerk = hall.ctx('clerk');
          const supervisor = hall.ctx('supervisor');
          let nowMs = Date.parse(START);
          const today = () => shanghaiDate(new Date(nowMs));
          // The hall's first build (otherwise the first read below would be one, not an increment).
          buildStoredSuggestions(clerk.db, new Date(nowMs).toISOString());
          const numbers: string[] = [];
          const records = new Map<string, ApplicationInput>();
          for (const step of ops) {
            try {
              if (step.op === 'create') {
                const record = changed(drawn(KINDS[step.kind]!, step.seed, today()), step);
                const { number } = createApplication(clerk, record);
                numbers.push(number);
                records.set(number, record);
                written++;
              } else if (step.op === 'day') {
                nowMs += step.days * DAY_MS;
                hall.setNow(nowMs);
              } else if (step.op === 'read') refreshStoredSuggestions(clerk.db, new Date(nowMs).toISOString());
              else if (numbers.length === 0) continue;
              else {
                const number = numbers[step.app % numbers.length]!;
                const record = records.get(number)!;
                if (step.op === 'correct') {
                  const next = changed(record, step);
                  updateApplicationRecord(supervisor, number, next, '测试：更正');
                  records.set(number, next);
                } else if (step.move === 'archive') archive(supervisor, number, record, today());
                else if (step.move === 'cancel')
                  moveApplication(supervisor, number, { move: 'cancel', reason: '客户撤回' });
                else if (step.move === 'suspend') {
                  moveApplication(supervisor, number, {
                    move: 'suspend',
                    reasonCode: 'CUSTOMER_REQUESTED_POSTPONEMENT',
                  });
                } else moveApplication(supervisor, number, { move: 'resume' });
                written++;
              }
            } catch (error) {
              if (!(error instanceof AppError)) throw error;
              console.log(step.op, (step as { move?: string }).move, error.message.slice(0, 150));
            }
          }
          refreshStoredSuggestions(clerk.db, new Date(nowMs).toISOString());
          console.log(
            'KINDS',
            derived(clerk, today())
              .suggestions.map((s) => s.kind + ' ' + s.subject)
              .join(' ; '),
          );
          expect(stored(clerk)).toEqual(derived(clerk, today()));
        } finally {
          hall.close();
        }
      }),
      {
        numRuns: 40,
        examples: [
          // A company's second application under another legal representative moves it between two rep groups.
          [
            [
              { op: 'create', kind: 1, seed: 1, customer: 0, address: 2, industry: 0, rep: 0, kw: 60 },
              { op: 'read' },
              { op: 'correct', app: 0, customer: 0, address: 3, industry: 1, rep: 1, kw: 60 },
            ],
          ],
          // An industry cluster (the demo workshop's open 增容 and a new company's, an archived company of the same
          // industry) ends when the workshop's application leaves the one-month window, with no write in between.
          [
            [
              { op: 'create', kind: 1, seed: 1, customer: 1, address: 5, industry: 0, rep: 1, kw: 60 },
              { op: 'create', kind: 1, seed: 2, customer: 2, address: 5, industry: 0, rep: 2, kw: 60 },
              { op: 'move', app: 1, move: 'archive' },
              { op: 'read' },
              { op: 'day', days: 25 },
            ],
          ],
          // A 暂停 and a compound's households leave their one-month windows with no write in between.
          [
            [
              { op: 'create', kind: 4, seed: 1, customer: 2, address: 5, industry: 2, rep: 2, kw: 60 },
              { op: 'create', kind: 0, seed: 1, customer: 0, address: 0, industry: 0, rep: 0, kw: 20 },
              { op: 'create', kind: 0, seed: 2, customer: 1, address: 1, industry: 0, rep: 0, kw: 20 },
              { op: 'read' },
              { op: 'day', days: 25 },
              { op: 'read' },
              { op: 'day', days: 10 },
            ],
          ],
        ],
      },
    );
    // Most steps were writes that went through, not refusals.
    expect(written).toBeGreaterThan(200);
  }, 900_000);
});
