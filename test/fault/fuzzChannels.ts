/**
 * Fuzzing the channels that take records, through the handler table (dispatch) on a real hall store, with
 * fast-check. Inputs are a valid request with one part replaced by something hostile (control characters, huge or
 * odd numbers, wrong types, long strings and lists, unknown keys, missing keys), or anything at all. For every input:
 *   - dispatch resolves (never throws) and, when it refuses, with a typed error: a known code other than INTERNAL
 *     and a Chinese message;
 *   - a refusal leaves the store as it was: the content hash of every table and the files in the data folder.
 *
 * Full run (figures in docs/benchmarks.md): npx tsx test/fault/fuzzChannels.ts --runs 20000
 * CI runs fewer inputs: test/integration/fuzzChannels.test.ts.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { ErrorCode, Result } from '../../shared/api/result';
import type { ApplicationInput } from '../../shared/domain/application';
import { BUSINESS_TYPES, BUSINESS_TYPE_INFO } from '../../shared/domain/codes';
import { dispatch } from '../../main/ipc/dispatch';
import { createApplication } from '../../main/services/applications/createApplication';
import { demoScheme } from '../../main/services/demo/demoScheme';
import { Prng } from '../../main/services/demo/prng';
import { HALL_DOCUMENT_SETTINGS, openStore, recordFor, type Store } from '../integration/store/storeFixture';

/** The record-taking channels and, for each, a valid request built on a prepared store. */
export const FUZZED_CHANNELS = [
  'applications.create',
  'applications.update',
  'drafts.save',
  'schemes.saveDraft',
  'documents.settings',
  'settings.loadProfile',
  'hall.update',
] as const;
export type FuzzedChannel = (typeof FUZZED_CHANNELS)[number];

const KINDS = BUSINESS_TYPES.flatMap((type) => BUSINESS_TYPE_INFO[type].classes.map((cls) => [type, cls] as const));

const TYPED_REFUSALS = new Set<ErrorCode>([
  'BAD_INPUT',
  'RULE_VIOLATION',
  'ILLEGAL_STATE',
  'NOT_FOUND',
  'FORBIDDEN',
  'CONFLICT',
  'STORAGE',
]);

export interface FuzzReport {
  channel: FuzzedChannel;
  runs: number;
  accepted: number;
  refused: Partial<Record<ErrorCode, number>>;
  /** dispatch threw, or answered INTERNAL, or a refusal without a Chinese message. */
  untyped: number;
  changedOnRefusal: number;
  longestMs: number;
  seconds: number;
  failures: string[];
}

const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\u001b[2J\u001b[31m红字',
  '\u001b]8;;https://evil.example\u0007点我\u001b]8;;\u0007',
  '覆盖\r伪造',
  '\u202e反转',
  '\ud800',
  "'; DROP TABLE applications; --",
  '../../../etc/passwd',
  'x'.repeat(70_000),
  '一'.repeat(5_000),
  '__proto__',
  'constructor',
];

/** Values that stand in for one field of an otherwise valid request. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 1e308, -0, Number.MAX_SAFE_INTEGER + 2, Number.NaN, Number.POSITIVE_INFINITY),
  fc.constantFrom(null, undefined, true, false),
  fc.constantFrom('2026-02-30', '2026-13-01', '0000-00-00', '9999-12-31', '2026-3-2'),
  fc.bigInt(),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 8 }),
  fc.constant(Array.from({ length: 2_000 }, () => ({}))),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.anything({ maxDepth: 1 }), { maxKeys: 5 }),
);

type Path = (string | number)[];

function leafPaths(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value))
      leafPaths(child, [...prefix, Array.isArray(value) ? Number(key) : key], out);
  }
  return out;
}

function withPath(value: unknown, at: Path, replace: (old: unknown) => unknown): unknown {
  if (at.length === 0) return replace(value);
  const [head, ...rest] = at as [string | number, ...Path];
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head] = withPath(copy[head], rest, replace);
  return copy;
}

/** A valid request, or it with one part replaced, removed, or an unknown key added; or anything at all. */
function mutations(valid: unknown): fc.Arbitrary<unknown> {
  const paths = leafPaths(valid);
  const onePath = fc.nat({ max: paths.length - 1 }).map((i) => paths[i] as Path);
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(valid) },
    { weight: 6, arbitrary: fc.tuple(onePath, hostileValue).map(([at, v]) => withPath(valid, at, () => v)) },
    {
      weight: 2,
      arbitrary: fc.tuple(onePath, fc.nat({ max: paths.length - 1 }), hostileValue).map(([a, b, v]) =>
        withPath(
          withPath(valid, a, () => v),
          paths[b] as Path,
          () => v,
        ),
      ),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(onePath, fc.string({ maxLength: 10 }), hostileValue)
        .map(([at, key, v]) =>
          withPath(valid, at, (old) =>
            old && typeof old === 'object' && !Array.isArray(old) ? { ...old, [key]: v } : undefined,
          ),
        ),
    },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 3, withBigInt: true, withNullPrototype: true }) },
  );
}

/** Everything a refusal must leave alone: every table's rows and every file of the data folder but the database. */
export function storeFingerprint(store: Store): string {
  return `${databaseHash(store)} ${folderHash(store)}`;
}

function databaseHash(store: Store): string {
  const db = store.ctx().db;
  const hash = crypto.createHash('sha256');
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE '%VIRTUAL%' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  for (const table of tables) {
    hash.update(`\u0000${table}\u0000`);
    for (const row of db.prepare(`SELECT * FROM "${table}"`).raw().iterate()) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

function folderHash(store: Store): string {
  const hash = crypto.createHash('sha256');
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (!entry.name.startsWith('yekuo.sqlite') && !entry.name.endsWith('.log')) {
        hash.update(`\u0000${path.relative(store.dir, file)}\u0000`).update(fs.readFileSync(file));
      }
    }
  };
  walk(store.dir);
  return hash.digest('hex');
}

/**
 * SQLite's total_changes(): rows inserted, updated or deleted on this connection, rolled back or not. While it
 * stands still nothing was written, so the database hash is recomputed only when it moved (an accepted input, or
 * a refusal that wrote and rolled back, which is then compared row by row).
 */
function rowsWritten(store: Store): number {
  return store.ctx().db.prepare('SELECT total_changes()').pluck().get() as number;
}

/** Prepares a store for one channel and returns its valid request and how to wrap a fuzzed value into one. */
function prepare(channel: FuzzedChannel, store: Store): { valid: unknown; inputs?: fc.Arbitrary<unknown> } {
  const ctx = store.ctx('admin');
  const record: ApplicationInput = recordFor('NEW_HV', 'HV', 3);
  switch (channel) {
    case 'applications.create':
      // A new applicant each time, or the duplicate-applicant rule would refuse every valid record after the first.
      return {
        valid: { record },
        inputs: fc
          .tuple(fc.constantFrom(...KINDS), fc.integer({ min: 1, max: 1_000_000 }))
          .chain(([[type, cls], seed]) => mutations({ record: recordFor(type, cls, seed) })),
      };
    case 'applications.update': {
      const number = createApplication(ctx, record).number;
      return { valid: { number, record: { ...record, remarks: '客户要求周五上门' } } };
    }
    case 'drafts.save':
      return { valid: { draft: { record, step: 2, touched: ['customer.name'] } } };
    case 'schemes.saveDraft': {
      const number = createApplication(ctx, record).number;
      return { valid: { number, content: demoScheme(new Prng(1), record, number, '2026-03-02') } };
    }
    case 'documents.settings':
      return { valid: HALL_DOCUMENT_SETTINGS };
    case 'settings.loadProfile':
      return { valid: { text: JSON.stringify({ name: '测试省', capacity: { lvHardMaxKw: 100 } }) } };
    case 'hall.update':
      return { valid: { name: '南京江宁营业厅（新址）' } };
  }
}

const CHINESE = /[\u4e00-\u9fff]/;

/**
 * Runs `runs` inputs in chunks, each on a fresh store, so the store (and the cost of hashing it around every
 * input) stays small however many inputs are accepted.
 */
export async function fuzzChannel(
  channel: FuzzedChannel,
  runs: number,
  seed = 20261204,
  chunk = 500,
): Promise<FuzzReport> {
  const started = Date.now();
  const report: FuzzReport = {
    channel,
    runs: 0,
    accepted: 0,
    refused: {},
    untyped: 0,
    changedOnRefusal: 0,
    longestMs: 0,
    seconds: 0,
    failures: [],
  };
  for (let done = 0, round = 0; done < runs; done += chunk, round++) {
    await fuzzOnFreshStore(channel, Math.min(chunk, runs - done), seed + round, report);
  }
  report.seconds = Math.round((Date.now() - started) / 100) / 10;
  return report;
}

async function fuzzOnFreshStore(channel: FuzzedChannel, runs: number, seed: number, report: FuzzReport) {
  const failure = (text: string, input: unknown) => {
    if (report.failures.length < 20) report.failures.push(`${text} — input ${preview(input)}`);
  };
  const store = openStore();
  try {
    const { valid, inputs: own } = prepare(channel, store);
    // The profile channel takes a file's text: fuzz the JSON inside it as well as the text itself.
    const inputs =
      own ??
      (channel === 'settings.loadProfile'
        ? fc.oneof(
            mutations(valid),
            mutations({ name: '测试省', capacity: { lvHardMaxKw: 100, lvUrbanMaxKw: 90 } }).map((profile) => ({
              text: safeStringify(profile),
            })),
          )
        : mutations(valid));
    let dbHash = databaseHash(store);
    let hashedAt = rowsWritten(store);
    await fc.assert(
      fc.asyncProperty(inputs, async (input) => {
        report.runs++;
        if (rowsWritten(store) !== hashedAt) {
          dbHash = databaseHash(store);
          hashedAt = rowsWritten(store);
        }
        const filesBefore = folderHash(store);
        const t0 = performance.now();
        let result: Result<unknown>;
        try {
          result = await dispatch(store.ctx('admin'), channel, input);
        } catch (error) {
          report.untyped++;
          failure(`dispatch threw ${String(error)}`, input);
          return;
        }
        report.longestMs = Math.max(report.longestMs, Math.round(performance.now() - t0));
        if (result.ok) {
          report.accepted++;
          return;
        }
        const { code, message } = result.error;
        report.refused[code] = (report.refused[code] ?? 0) + 1;
        if (!TYPED_REFUSALS.has(code) || typeof message !== 'string' || !CHINESE.test(message)) {
          report.untyped++;
          failure(`untyped refusal ${code}: ${message.slice(0, 200)}`, input);
        }
        const databaseChanged = rowsWritten(store) !== hashedAt && databaseHash(store) !== dbHash;
        if (databaseChanged || folderHash(store) !== filesBefore) {
          report.changedOnRefusal++;
          failure(`refused (${code}) but the store changed`, input);
        }
      }),
      { numRuns: runs, seed, endOnFailure: false },
    );
  } finally {
    store.close();
  }
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? 'undefined';
  } catch {
    return String(value);
  }
}

function preview(input: unknown): string {
  const text = safeStringify(input);
  return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text;
}

function argValue(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const runs = Number(argValue('--runs') ?? 20_000);
  const only = argValue('--channel');
  let failed = false;
  for (const channel of FUZZED_CHANNELS.filter((c) => !only || c === only)) {
    const report = await fuzzChannel(channel, runs);
    console.log(JSON.stringify(report));
    if (report.untyped || report.changedOnRefusal) failed = true;
  }
  process.exitCode = failed ? 1 : 0;
}
