/**
 * 流程分析 (issue 15, paper §3.1/§3.2②): per stage the median and p90 working days, 办理 vs 等待, the share of
 * visits that end in a return; the most common paths per business type; the process map; and per time-limit
 * class the 获得电力 indicators against the State Grid promise (REFERENCE.md §3.2 steps, §3.5 working days).
 */
import type { WorkdayCalendar } from '../calendar/calendar';
import {
  BUSINESS_TYPES,
  STAGES,
  type BusinessType,
  type Stage,
  type TimeLimitClass,
  TIME_LIMIT_CLASSES,
} from '../domain/codes';
import { CUSTOMER_TIME_STAGES, type TimeLimits } from '../workflow/timeLimits';
import { stageVisits, type ApplicationHistory, type StageVisit } from './history';
import { PATH_SEPARATOR, mergeTally, tallyOf, type TallyKind, type TallyRow } from './processTally';
import { summaryOfCounts, type Counted } from './quantile';

export interface StageStats {
  stage: Stage;
  /** Visits that ended (advanced, returned, cancelled or archived). */
  visits: number;
  open: number;
  medianDays: number;
  p90Days: number;
  /** 办理: working days not suspended. */
  medianWorkingDays: number;
  /** 等待: share of the stage's working days spent suspended (挂起), 0–1. */
  waitingShare: number;
  /** Share of ended visits that ended in a return (退回) to an earlier stage, 0–1. */
  returnShare: number;
  /** The customer acts in this stage (施工, 缴费, 签约): its time is not the hall's. */
  customerTime: boolean;
}

export interface PathVariant {
  path: Stage[];
  count: number;
  share: number;
}

export interface ProcessMap {
  nodes: { stage: Stage; visits: number; medianDays: number }[];
  /** Transitions (advance or return); time = median working days spent in `from` before the move. */
  edges: { from: Stage; to: Stage; kind: 'advance' | 'return'; count: number; medianDays: number }[];
}

/** 获得电力 indicators of one time-limit class, over connections (新装/增容) that reached 装表接电. */
export interface ConnectionIndicators {
  timeLimitClass: TimeLimitClass;
  connected: number;
  /** Stages passed from 受理 to 装表接电 inclusive. */
  medianSteps: number;
  /** The steps the customer sees under the promise (REFERENCE.md §3.2). */
  promisedSteps: number;
  /** Working days from acceptance to the day 装表接电 was completed, customer stages and pauses included. */
  medianTotalDays: number;
  p90TotalDays: number;
  /** Utility time: customer stages and suspensions excluded, as the promise counts. */
  medianUtilityDays: number;
  p90UtilityDays: number;
  promisedDays: number;
  withinPromiseShare: number;
}

export interface ProcessAnalysis {
  applications: number;
  /** Share of applications with at least one return, 0–1. */
  returningShare: number;
  stages: StageStats[];
  variants: { businessType: BusinessType; finished: number; top: PathVariant[] }[];
  map: ProcessMap;
  connection: ConnectionIndicators[];
}

/** REFERENCE.md §3.2: residential 2 steps (申请签约, 装表接电); LV non-residential 3; HV 4. */
export const PROMISED_STEPS: Record<TimeLimitClass, number> = { LVR: 2, LVN: 3, HV_SINGLE: 4, HV_DUAL: 4 };

const VARIANTS_SHOWN = 5;
const share = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000);

interface VisitedHistory extends ApplicationHistory {
  visits: StageVisit[];
}

function withVisits(histories: readonly ApplicationHistory[], calendar: WorkdayCalendar): VisitedHistory[] {
  return histories.map((h) => ({ ...h, visits: stageVisits(h, calendar) }));
}

/** The process tally of these histories (shared/stats/processTally.ts): what the stored sums must equal. */
export function tallyOfHistories(histories: readonly ApplicationHistory[], calendar: WorkdayCalendar): TallyRow[] {
  return mergeTally(withVisits(histories, calendar).flatMap(tallyOf));
}

const count = (rows: readonly TallyRow[]) => rows.reduce((sum, r) => sum + r.n, 0);
const buckets = (rows: readonly TallyRow[]): Counted[] => rows.map((r) => ({ value: r.x, n: r.n }));

/** The rows of a tally by kind. */
function byKind(rows: readonly TallyRow[]): (kind: TallyKind) => TallyRow[] {
  const kinds = new Map<TallyKind, TallyRow[]>();
  for (const row of rows) {
    const list = kinds.get(row.kind);
    if (list) list.push(row);
    else kinds.set(row.kind, [row]);
  }
  return (kind) => kinds.get(kind) ?? [];
}

function connectionIndicators(rows: (kind: TallyKind) => TallyRow[], limits: TimeLimits): ConnectionIndicators[] {
  return TIME_LIMIT_CLASSES.map((cls) => {
    const of = (kind: TallyKind) => rows(kind).filter((r) => r.timeLimitClass === cls);
    const utility = of('connUtility');
    const promisedDays = limits.total[cls];
    const t = summaryOfCounts(buckets(of('connTotal')));
    const u = summaryOfCounts(buckets(utility));
    return {
      timeLimitClass: cls,
      connected: count(utility),
      medianSteps: summaryOfCounts(buckets(of('steps'))).median,
      promisedSteps: PROMISED_STEPS[cls],
      medianTotalDays: t.median,
      p90TotalDays: t.p90,
      medianUtilityDays: u.median,
      p90UtilityDays: u.p90,
      promisedDays,
      withinPromiseShare: share(count(utility.filter((r) => r.x <= promisedDays)), count(utility)),
    };
  });
}

function stageStats(rows: (kind: TallyKind) => TallyRow[]): StageStats[] {
  const ofStage = (kind: TallyKind) => {
    const map = new Map<string, TallyRow[]>();
    for (const row of rows(kind)) {
      const list = map.get(row.stage);
      if (list) list.push(row);
      else map.set(row.stage, [row]);
    }
    return (stage: Stage) => map.get(stage) ?? [];
  };
  const [ended, open, working, paused] = (['visit', 'open', 'working', 'paused'] as const).map(ofStage) as [
    (s: Stage) => TallyRow[],
    (s: Stage) => TallyRow[],
    (s: Stage) => TallyRow[],
    (s: Stage) => TallyRow[],
  ];
  return STAGES.filter((s) => ended(s).length > 0 || open(s).length > 0).map((stage) => {
    const visits = ended(stage);
    const totalDays = visits.reduce((sum, r) => sum + r.x * r.n, 0);
    const d = summaryOfCounts(buckets(visits));
    return {
      stage,
      visits: count(visits),
      open: count(open(stage)),
      medianDays: d.median,
      p90Days: d.p90,
      medianWorkingDays: summaryOfCounts(buckets(working(stage))).median,
      waitingShare: share(count(paused(stage)), totalDays),
      returnShare: share(count(visits.filter((r) => r.label.startsWith(`return${PATH_SEPARATOR}`))), count(visits)),
      customerTime: CUSTOMER_TIME_STAGES.has(stage),
    };
  });
}

function variants(apps: readonly TallyRow[]): ProcessAnalysis['variants'] {
  return BUSINESS_TYPES.flatMap((businessType) => {
    const finished = apps.filter((r) => r.businessType === businessType && r.x === 1);
    if (finished.length === 0) return [];
    const counts = new Map<string, number>();
    for (const r of finished) counts.set(r.label, (counts.get(r.label) ?? 0) + r.n);
    const total = count(finished);
    const top = [...counts]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, VARIANTS_SHOWN)
      .map(([key, n]) => ({ path: key.split(PATH_SEPARATOR) as Stage[], count: n, share: share(n, total) }));
    return [{ businessType, finished: total, top }];
  });
}

/** Edges in stage order of `from`, then of `to`, advances before returns. */
function processMap(visits: readonly TallyRow[], stages: readonly StageStats[]): ProcessMap {
  const edges = new Map<string, { from: Stage; to: Stage; kind: 'advance' | 'return'; days: Counted[] }>();
  for (const r of visits) {
    const [exit, next] = r.label.split(PATH_SEPARATOR) as [string, string];
    if ((exit !== 'advance' && exit !== 'return') || !next) continue;
    const key = `${r.stage}>${next}>${exit}`;
    const edge = edges.get(key) ?? { from: r.stage as Stage, to: next as Stage, kind: exit, days: [] };
    edge.days.push({ value: r.x, n: r.n });
    edges.set(key, edge);
  }
  const order = (s: Stage) => STAGES.indexOf(s);
  return {
    nodes: stages.map((s) => ({ stage: s.stage, visits: s.visits + s.open, medianDays: s.medianDays })),
    edges: [...edges.values()]
      .sort((a, b) => order(a.from) - order(b.from) || order(a.to) - order(b.to) || a.kind.localeCompare(b.kind))
      .map((e) => ({
        from: e.from,
        to: e.to,
        kind: e.kind,
        count: e.days.reduce((sum, d) => sum + d.n, 0),
        medianDays: summaryOfCounts(e.days).median,
      })),
  };
}

/** The analysis of a process tally (summed rows of the applications analysed). */
export function analyseTally(tally: readonly TallyRow[], limits: TimeLimits): ProcessAnalysis {
  const rows = byKind(tally);
  const apps = rows('app');
  const stages = stageStats(rows);
  const applications = count(apps);
  return {
    applications,
    returningShare: share(count(apps.filter((r) => r.y === 1)), applications),
    stages,
    variants: variants(apps),
    map: processMap(rows('visit'), stages),
    connection: connectionIndicators(rows, limits),
  };
}

export function analyseProcess(
  histories: readonly ApplicationHistory[],
  calendar: WorkdayCalendar,
  limits: TimeLimits,
): ProcessAnalysis {
  return analyseTally(tallyOfHistories(histories, calendar), limits);
}
