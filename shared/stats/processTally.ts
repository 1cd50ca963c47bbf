/**
 * The process tally: what 流程分析 and 模拟分析 need from the stage-event log, as counted rows that add up. Each
 * application contributes a few rows (its stage visits with their working days, its path, its 获得电力 figures);
 * rows with equal keys are summed. The store keeps these sums per acceptance month, business type and class
 * (main/services/stats/processTallyStore.ts), so the page reads a few thousand rows instead of millions of events,
 * and a report from stored sums equals the report from the log because both are computed from the same rows.
 * Working days are integers, so the per-stage histograms are exact: medians and p90s are not approximated.
 */
import type { BusinessType, TimeLimitClass } from '../domain/codes';
import { CUSTOMER_TIME_STAGES } from '../workflow/timeLimits';
import type { StageVisit } from './history';

export const TALLY_KINDS = [
  /** An ended visit: stage, label `exit>next`, x = working days. */
  'visit',
  /** A visit still open: stage. */
  'open',
  /** An ended visit's 办理 days (not suspended): stage, x. */
  'working',
  /** Suspended working days of a stage's ended visits: stage, counted in n. */
  'paused',
  /** A simulation draw: stage, x = working days, y = of them suspended for deferred documents. */
  'draw',
  /** An application: label = its path (stages joined by >), x = 1 if archived, y = 1 if it ever returned. */
  'app',
  /** An archived application's working days from acceptance to entering 归档: x. */
  'total',
  /** A connection that reached 装表接电 (获得电力): stages passed (x). */
  'steps',
  /** Its working days to 装表接电 done, customer stages and pauses included: x. */
  'connTotal',
  /** Its utility days (customer stages and pauses excluded): x. */
  'connUtility',
  /** The clerk who accepted it: label = user id (模拟分析 counts the clerks at 受理). */
  'clerk',
] as const;
export type TallyKind = (typeof TALLY_KINDS)[number];

export interface TallyRow {
  businessType: BusinessType;
  timeLimitClass: TimeLimitClass;
  kind: TallyKind;
  /** '' where the kind has no stage. */
  stage: string;
  label: string;
  x: number;
  y: number;
  n: number;
}

/** Business types whose end is a new or larger supply: the 获得电力 measure. */
export const CONNECTION_TYPES: ReadonlySet<BusinessType> = new Set<BusinessType>([
  'NEW_LVR',
  'NEW_LVN',
  'NEW_HV',
  'NEW_BATCH',
  'INC_LVR',
  'INC_LVN',
  'INC_HV',
]);

export const PATH_SEPARATOR = '>';

const utilityDays = (v: StageVisit) => (CUSTOMER_TIME_STAGES.has(v.stage) ? 0 : (v.days ?? 0) - v.pausedDays);

export interface TalliedApplication {
  businessType: BusinessType;
  timeLimitClass: TimeLimitClass;
  visits: readonly StageVisit[];
  acceptedBy?: string;
}

/** The rows one application contributes. */
export function tallyOf(app: TalliedApplication): TallyRow[] {
  const rows: TallyRow[] = [];
  const add = (kind: TallyKind, stage: string, label: string, x: number, y = 0, n = 1) =>
    rows.push({ businessType: app.businessType, timeLimitClass: app.timeLimitClass, kind, stage, label, x, y, n });
  for (const v of app.visits) {
    if (v.days === null) {
      add('open', v.stage, '', 0);
      continue;
    }
    add('visit', v.stage, `${v.exit}${PATH_SEPARATOR}${v.next ?? ''}`, v.days);
    add('working', v.stage, '', v.days - v.pausedDays);
    if (v.pausedDays > 0) add('paused', v.stage, '', 0, 0, v.pausedDays);
    add('draw', v.stage, '', v.days, v.documentPausedDays);
  }
  const archived = app.visits.at(-1)?.exit === 'archive';
  const returned = app.visits.some((v) => v.exit === 'return');
  add('app', '', app.visits.map((v) => v.stage).join(PATH_SEPARATOR), archived ? 1 : 0, returned ? 1 : 0);
  if (archived) {
    add(
      'total',
      '',
      '',
      app.visits.filter((v) => v.stage !== 'ARCHIVE').reduce((sum, v) => sum + (v.days ?? 0), 0),
    );
  }
  const connectedAt = app.visits.findIndex((v) => v.stage === 'METER_CONNECT' && v.exit === 'advance');
  if (CONNECTION_TYPES.has(app.businessType) && connectedAt >= 0) {
    const upTo = app.visits.slice(0, connectedAt + 1);
    add('steps', '', '', new Set(upTo.map((v) => v.stage)).size);
    add(
      'connTotal',
      '',
      '',
      upTo.reduce((sum, v) => sum + (v.days ?? 0), 0),
    );
    add(
      'connUtility',
      '',
      '',
      upTo.reduce((sum, v) => sum + utilityDays(v), 0),
    );
  }
  if (app.acceptedBy !== undefined) add('clerk', '', app.acceptedBy, 0);
  return rows;
}

/** Distinct clerks who accepted the tallied applications. */
export const acceptClerksOf = (tally: readonly TallyRow[]): number =>
  new Set(tally.filter((r) => r.kind === 'clerk' && r.n > 0).map((r) => r.label)).size;

export const tallyKey = (r: Omit<TallyRow, 'n'>): string =>
  [r.kind, r.businessType, r.timeLimitClass, r.stage, r.label, r.x, r.y].join('|');

/** Rows with equal keys summed, zero sums dropped, in key order (so equal tallies are equal arrays). */
export function mergeTally(rows: Iterable<TallyRow>): TallyRow[] {
  const sums = new Map<string, TallyRow>();
  for (const row of rows) {
    const key = tallyKey(row);
    const sum = sums.get(key);
    if (sum) sum.n += row.n;
    else sums.set(key, { ...row });
  }
  return [...sums]
    .filter(([, r]) => r.n !== 0)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([, r]) => r);
}
