/**
 * 流程分析 (issue 15, paper §3.1/§3.2②): per stage the median and p90 working days, 办理 vs 等待, the share of
 * visits that end in a return; the most common paths per business type; the process map; and per time-limit
 * class the 获得电力 indicators against the State Grid promise (REFERENCE.md §3.2 steps, §3.5 working days).
 */
import type { WorkdayCalendar } from '../calendar/calendar';
import { STAGES, type BusinessType, type Stage, type TimeLimitClass, TIME_LIMIT_CLASSES } from '../domain/codes';
import { CUSTOMER_TIME_STAGES, type TimeLimits } from '../workflow/timeLimits';
import { stageVisits, type ApplicationHistory, type StageVisit } from './history';
import { summary } from './quantile';

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

/** REFERENCE.md §3.2: residential 2 steps (申请签约, 装表接电); LV non-residential 3; HV 4. */
export const PROMISED_STEPS: Record<TimeLimitClass, number> = { LVR: 2, LVN: 3, HV_SINGLE: 4, HV_DUAL: 4 };

const VARIANTS_SHOWN = 5;
const share = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000);

export interface VisitedHistory extends ApplicationHistory {
  visits: StageVisit[];
}

export function withVisits(histories: readonly ApplicationHistory[], calendar: WorkdayCalendar): VisitedHistory[] {
  return histories.map((h) => ({ ...h, visits: stageVisits(h, calendar) }));
}

const utilityDays = (v: StageVisit) => (CUSTOMER_TIME_STAGES.has(v.stage) ? 0 : (v.days ?? 0) - v.pausedDays);

function connectionIndicators(apps: readonly VisitedHistory[], limits: TimeLimits): ConnectionIndicators[] {
  return TIME_LIMIT_CLASSES.map((cls) => {
    const steps: number[] = [];
    const total: number[] = [];
    const utility: number[] = [];
    for (const app of apps) {
      if (app.timeLimitClass !== cls || !CONNECTION_TYPES.has(app.businessType)) continue;
      const connectedAt = app.visits.findIndex((v) => v.stage === 'METER_CONNECT' && v.exit === 'advance');
      if (connectedAt < 0) continue;
      const upTo = app.visits.slice(0, connectedAt + 1);
      steps.push(new Set(upTo.map((v) => v.stage)).size);
      total.push(upTo.reduce((sum, v) => sum + (v.days ?? 0), 0));
      utility.push(upTo.reduce((sum, v) => sum + utilityDays(v), 0));
    }
    const promisedDays = limits.total[cls];
    const t = summary(total);
    const u = summary(utility);
    return {
      timeLimitClass: cls,
      connected: total.length,
      medianSteps: summary(steps).median,
      promisedSteps: PROMISED_STEPS[cls],
      medianTotalDays: t.median,
      p90TotalDays: t.p90,
      medianUtilityDays: u.median,
      p90UtilityDays: u.p90,
      promisedDays,
      withinPromiseShare: share(utility.filter((d) => d <= promisedDays).length, utility.length),
    };
  });
}

function stageStats(apps: readonly VisitedHistory[]): StageStats[] {
  const by = new Map<Stage, StageVisit[]>();
  for (const app of apps) {
    for (const v of app.visits) {
      const list = by.get(v.stage);
      if (list) list.push(v);
      else by.set(v.stage, [v]);
    }
  }
  return STAGES.filter((s) => by.has(s)).map((stage) => {
    const all = by.get(stage) ?? [];
    const ended = all.filter((v) => v.days !== null);
    const days = ended.map((v) => v.days ?? 0);
    const totalDays = days.reduce((a, b) => a + b, 0);
    const paused = ended.reduce((a, v) => a + v.pausedDays, 0);
    const d = summary(days);
    return {
      stage,
      visits: ended.length,
      open: all.length - ended.length,
      medianDays: d.median,
      p90Days: d.p90,
      medianWorkingDays: summary(ended.map((v) => (v.days ?? 0) - v.pausedDays)).median,
      waitingShare: share(paused, totalDays),
      returnShare: share(ended.filter((v) => v.exit === 'return').length, ended.length),
      customerTime: CUSTOMER_TIME_STAGES.has(stage),
    };
  });
}

function variants(apps: readonly VisitedHistory[]): ProcessAnalysis['variants'] {
  const byType = new Map<BusinessType, Map<string, number>>();
  for (const app of apps) {
    if (app.visits.at(-1)?.exit !== 'archive') continue;
    const key = app.visits.map((v) => v.stage).join('>');
    const counts = byType.get(app.businessType) ?? new Map<string, number>();
    counts.set(key, (counts.get(key) ?? 0) + 1);
    byType.set(app.businessType, counts);
  }
  return [...byType].map(([businessType, counts]) => {
    const finished = [...counts.values()].reduce((a, b) => a + b, 0);
    const top = [...counts]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, VARIANTS_SHOWN)
      .map(([key, count]) => ({ path: key.split('>') as Stage[], count, share: share(count, finished) }));
    return { businessType, finished, top };
  });
}

function processMap(apps: readonly VisitedHistory[], stages: readonly StageStats[]): ProcessMap {
  const edges = new Map<string, { from: Stage; to: Stage; kind: 'advance' | 'return'; days: number[] }>();
  for (const app of apps) {
    for (const v of app.visits) {
      if ((v.exit !== 'advance' && v.exit !== 'return') || !v.next) continue;
      const key = `${v.stage}>${v.next}>${v.exit}`;
      const edge = edges.get(key) ?? { from: v.stage, to: v.next, kind: v.exit, days: [] };
      edge.days.push(v.days ?? 0);
      edges.set(key, edge);
    }
  }
  return {
    nodes: stages.map((s) => ({ stage: s.stage, visits: s.visits + s.open, medianDays: s.medianDays })),
    edges: [...edges.values()].map((e) => ({
      from: e.from,
      to: e.to,
      kind: e.kind,
      count: e.days.length,
      medianDays: summary(e.days).median,
    })),
  };
}

export function analyseProcess(
  histories: readonly ApplicationHistory[],
  calendar: WorkdayCalendar,
  limits: TimeLimits,
): ProcessAnalysis {
  const apps = withVisits(histories, calendar);
  const stages = stageStats(apps);
  const returning = apps.filter((a) => a.visits.some((v) => v.exit === 'return')).length;
  return {
    applications: apps.length,
    returningShare: share(returning, apps.length),
    stages,
    variants: variants(apps),
    map: processMap(apps, stages),
    connection: connectionIndicators(apps, limits),
  };
}
