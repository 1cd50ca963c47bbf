/**
 * Rule engine figures of issue 4: a full HV application, a one-field re-check, and 100,000 varied records.
 * Goals: p50 < 50 µs, < 5 µs, < 5 s.
 */
import { performance } from 'node:perf_hooks';
import { holidayCalendar } from '../shared/calendar/holidayCalendar';
import { evaluate, evaluateField, type RuleContext } from '../shared/rules';
import { hvApplication, lvrApplication, suspensionApplication } from '../test/unit/rules/fixtures';
import type { BenchRow } from './types';
import { p50, round, sample } from './stats';

const context: RuleContext = { today: '2026-06-15', calendar: holidayCalendar() };

/** Deterministic PRNG (mulberry32) so every run validates the same records. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Records from the three fixtures with random ids, capacities, voltages, dates and document states. */
function variedRecords(count: number): unknown[] {
  const next = random(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const bases = [hvApplication, lvrApplication, suspensionApplication];
  const out: unknown[] = [];
  for (let i = 0; i < count; i++) {
    const app = pick(bases)();
    app.customer.idNumber = pick(['11010519491231002X', '11010519491231001X', '91110000600037341L', String(i)]);
    app.customer.phone = pick(['13838389438', '14999230918', '12038389438', '+86 138 3838 9438']);
    app.requestedCapacityKva = Math.floor(next() * 20_000);
    app.requestedCapacityKw = Math.round(next() * 300_000) / 1000;
    app.voltageCode = pick(['AC02202', 'AC03802', 'AC00101', 'AC00351', 'AC01101'] as const);
    app.applicationDate = `2026-0${1 + Math.floor(next() * 6)}-1${Math.floor(next() * 10)}`;
    if (next() < 0.3) app.documents = app.documents.slice(1);
    out.push(app);
  }
  return out;
}

export async function run(): Promise<BenchRow[]> {
  const hv = hvApplication();
  const full = await sample(() => evaluate(hv, 'METER_CONNECT', context), 20_000);
  const bad = { ...hv, customer: { ...hv.customer, idNumber: '91110000600037341N' } };
  const field = await sample(() => evaluateField(bad, 'METER_CONNECT', 'customer.idNumber', context), 20_000);

  const records = variedRecords(100_000);
  const stages = ['ACCEPT', 'SCHEME', 'METER_CONNECT'] as const;
  evaluate(records[0], 'ACCEPT', context);
  const start = performance.now();
  let issues = 0;
  for (let i = 0; i < records.length; i++)
    issues += evaluate(records[i], stages[i % 3] as string, context).issues.length;
  const bulk = performance.now() - start;

  const fullP50 = round(p50(full) * 1000, 1);
  const fieldP50 = round(p50(field) * 1000, 2);
  return [
    {
      suite: 'rules',
      case: 'evaluate full HV application, p50',
      value: fullP50,
      unit: 'µs',
      goal: '< 50 µs',
      pass: fullP50 < 50,
    },
    {
      suite: 'rules',
      case: 'evaluateField customer.idNumber, p50',
      value: fieldP50,
      unit: 'µs',
      goal: '< 5 µs',
      pass: fieldP50 < 5,
    },
    {
      suite: 'rules',
      case: '100,000 varied applications',
      value: round(bulk / 1000, 2),
      unit: 's',
      goal: '< 5 s',
      pass: bulk < 5000,
      note: `${issues} issues`,
    },
  ];
}
