/**
 * 模拟分析 (issue 15, paper §3.1/§3.2②): a Monte Carlo simulation on the hall's own durations. Each run takes
 * the path (stages in order, returns included) of one finished application drawn at random, and draws the
 * working days of every stage on it from the hall's recorded visits of that stage in that business type (the
 * stage's visits in all types when that type has fewer than MIN_POOL). Paths and visits are read from the
 * process tally (shared/stats/processTally.ts): drawing a counted row with probability n / total is drawing one
 * application or visit uniformly, as the stored sums hold exactly the recorded days. The total is the sum: the working days
 * from acceptance to entering 归档. A scenario changes the path or the draws; baseline and scenario run on the
 * same random stream (common random numbers), so the change is measured on paired runs. The confidence
 * intervals are percentile bootstraps over the runs. Same seed, same result.
 */
import type { BusinessType, Stage, TimeLimitClass } from '../domain/codes';
import { PATH_SEPARATOR, tallyKey, type TallyRow } from './processTally';
import { Prng } from './prng';
import { quantileOfSorted, round1, summaryOfCounts } from './quantile';

export const SCENARIOS = ['none', 'merge-survey', 'defer-paperwork', 'skip-design-review', 'extra-clerk'] as const;
export type Scenario = (typeof SCENARIOS)[number];

export const SCENARIO_LABELS: Record<Scenario, string> = {
  none: '不做改变（基线）',
  'merge-survey': '现场勘查并入受理',
  'defer-paperwork': '资料容缺后补（施工后补齐）',
  'skip-design-review': '单电源高压用户免设计审查',
  'extra-clerk': '受理增加一名营业员',
};

/** Time-limit classes whose 设计审查 the scenario drops (a hall choice: single-source HV; dual-source keeps it). */
const DESIGN_REVIEW_SKIPPABLE: ReadonlySet<TimeLimitClass> = new Set<TimeLimitClass>(['HV_SINGLE']);
const MIN_POOL = 5;
const BOOTSTRAP_ROUNDS = 200;

export interface SimulationOptions {
  scenario: Scenario;
  runs: number;
  seed: number;
  /** Clerks who accepted applications in the period (extra-clerk). */
  acceptClerks: number;
}

export interface Estimate {
  median: number;
  p90: number;
  /** 95 % percentile-bootstrap intervals. */
  medianCi: [number, number];
  p90Ci: [number, number];
}

export interface SimulationResult {
  scenario: Scenario;
  label: string;
  runs: number;
  seed: number;
  /** Finished applications whose paths and durations were resampled. */
  sampleApplications: number;
  /** The same measure on the finished applications themselves. */
  observed: { median: number; p90: number };
  baseline: Estimate;
  changed: Estimate;
  /** changed − baseline, paired. */
  change: Estimate;
  assumptions: string[];
}

interface Draw {
  days: number;
  documentPausedDays: number;
}

interface Template {
  businessType: BusinessType;
  timeLimitClass: TimeLimitClass;
  path: Stage[];
}

/** Items with counts, drawn with probability count / total by one uniform number (the stream of a plain pick). */
class Weighted<T> {
  readonly items: T[] = [];
  private readonly upTo: number[] = [];
  total = 0;

  add(item: T, n: number): void {
    this.items.push(item);
    this.total += n;
    this.upTo.push(this.total);
  }

  pick(rng: Prng): T {
    const r = Math.floor(rng.next() * this.total);
    let lo = 0;
    let hi = this.upTo.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.upTo[mid] as number) > r) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo] as T;
  }
}

/** The tally's rows of a kind in key order: the draws do not depend on the order the rows came in. */
const rowsOf = (tally: readonly TallyRow[], kind: TallyRow['kind']) =>
  tally
    .filter((r) => r.kind === kind)
    .map((r) => ({ r, key: tallyKey(r) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ r }) => r);

function templatesOf(tally: readonly TallyRow[]): Weighted<Template> {
  const out = new Weighted<Template>();
  for (const row of rowsOf(tally, 'app')) {
    if (row.x !== 1) continue;
    const path = row.label.split(PATH_SEPARATOR).filter((s) => s !== 'ARCHIVE') as Stage[];
    out.add({ businessType: row.businessType, timeLimitClass: row.timeLimitClass, path }, row.n);
  }
  return out;
}

function poolsOf(tally: readonly TallyRow[]) {
  const byType = new Map<string, Weighted<Draw>>();
  const byStage = new Map<string, Weighted<Draw>>();
  const add = (map: Map<string, Weighted<Draw>>, key: string, draw: Draw, n: number) => {
    const pool = map.get(key) ?? new Weighted<Draw>();
    pool.add(draw, n);
    map.set(key, pool);
  };
  for (const row of rowsOf(tally, 'draw')) {
    const draw = { days: row.x, documentPausedDays: row.y };
    add(byType, `${row.businessType}|${row.stage}`, draw, row.n);
    add(byStage, row.stage, draw, row.n);
  }
  const none = new Weighted<Draw>();
  none.add({ days: 0, documentPausedDays: 0 }, 1);
  return (type: BusinessType, stage: Stage): Weighted<Draw> => {
    const own = byType.get(`${type}|${stage}`);
    return own && own.total >= MIN_POOL ? own : (byStage.get(stage) ?? none);
  };
}

/** 容缺: the papers come later, so a return to 受理 for missing papers does not happen (the pass before it is dropped). */
function withoutReturnsToAccept(path: readonly Stage[]): Stage[] {
  const out: Stage[] = [];
  for (const stage of path) {
    if (stage === 'ACCEPT' && out.length > 0) out.length = 0;
    out.push(stage);
  }
  return out;
}

function runOnce(
  t: Template,
  rng: Prng,
  pool: (type: BusinessType, stage: Stage) => Weighted<Draw>,
  scenario: Scenario,
  clerks: number,
): [number, number] {
  const draw = (stage: Stage) => pool(t.businessType, stage).pick(rng);
  const draws = t.path.map(draw);
  const baseline = draws.reduce((sum, d) => sum + d.days, 0);
  if (scenario === 'none') return [baseline, baseline];
  let path = t.path.map((stage, i) => ({ stage, draw: draws[i] as Draw }));
  if (scenario === 'defer-paperwork') {
    const kept = withoutReturnsToAccept(t.path).length;
    path = path.slice(path.length - kept);
  }
  if (scenario === 'skip-design-review' && DESIGN_REVIEW_SKIPPABLE.has(t.timeLimitClass)) {
    path = path.filter((step) => step.stage !== 'DESIGN_REVIEW');
  }
  let changed = 0;
  for (const { stage, draw: d } of path) {
    let days = d.days;
    if (scenario === 'defer-paperwork') days -= d.documentPausedDays;
    if (scenario === 'merge-survey' && stage === 'SURVEY') continue;
    if (scenario === 'merge-survey' && stage === 'ACCEPT') {
      const survey = path.find((step) => step.stage === 'SURVEY');
      if (survey) days = Math.max(days, survey.draw.days);
    }
    if (scenario === 'extra-clerk' && stage === 'ACCEPT') days *= clerks / (clerks + 1);
    changed += days;
  }
  return [baseline, changed];
}

/** 95 % percentile interval of sorted bootstrap statistics. */
const ci95 = (sorted: Float64Array): [number, number] => [
  round1(quantileOfSorted(sorted, 0.025)),
  round1(quantileOfSorted(sorted, 0.975)),
];

/**
 * Baseline, scenario and paired change, each with bootstrap intervals. One sort of each resampled run set per
 * round serves all three (the sorts are the cost: 10,000 runs × 200 rounds).
 */
function bootstrap(base: Float64Array, changed: Float64Array, resamples: Uint32Array[]) {
  const n = base.length;
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const stats = Array.from({ length: 6 }, () => new Float64Array(resamples.length));
  const [aMedian, aP90, bMedian, bP90, dMedian, dP90] = stats as [
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  resamples.forEach((idx, r) => {
    for (let i = 0; i < n; i++) {
      a[i] = base[idx[i] as number] as number;
      b[i] = changed[idx[i] as number] as number;
    }
    a.sort();
    b.sort();
    aMedian[r] = quantileOfSorted(a, 0.5);
    aP90[r] = quantileOfSorted(a, 0.9);
    bMedian[r] = quantileOfSorted(b, 0.5);
    bP90[r] = quantileOfSorted(b, 0.9);
    dMedian[r] = (bMedian[r] as number) - (aMedian[r] as number);
    dP90[r] = (bP90[r] as number) - (aP90[r] as number);
  });
  stats.forEach((xs) => xs.sort());
  const sa = Float64Array.from(base).sort();
  const sb = Float64Array.from(changed).sort();
  const point = (sorted: Float64Array) => [quantileOfSorted(sorted, 0.5), quantileOfSorted(sorted, 0.9)] as const;
  const [am, ap] = point(sa);
  const [bm, bp] = point(sb);
  const estimate = (median: number, p90: number, medians: Float64Array, p90s: Float64Array): Estimate => ({
    median: round1(median),
    p90: round1(p90),
    medianCi: ci95(medians),
    p90Ci: ci95(p90s),
  });
  return {
    baseline: estimate(am, ap, aMedian, aP90),
    changed: estimate(bm, bp, bMedian, bP90),
    change: estimate(bm - am, bp - ap, dMedian, dP90),
  };
}

export function assumptionsOf(scenario: Scenario, clerks: number): string[] {
  const common = [
    '每次模拟抽取一件已归档申请的实际路径（含退回），各环节工作日从本厅同业务类型该环节的实际记录中有放回抽样（同类型记录少于 5 条时用全部类型）。',
    '总时长为受理至进入归档的工作日（含客户施工、缴费、签约与挂起时间）；各环节相互独立。',
    '置信区间为对模拟结果做 200 次自助法（bootstrap）重抽样的 95% 百分位区间；基线与方案使用同一随机数序列（配对比较）。',
  ];
  const specific: Record<Scenario, string> = {
    none: '不做任何改变：用于检验模拟能否复现实际的中位数。',
    'merge-survey': '受理时同时预约并完成现场勘查：去掉勘查环节，受理环节时长取受理与勘查两者抽样时长的较大值。',
    'defer-paperwork':
      '资料容缺、施工后补齐：去掉“等待客户补交容缺资料”的挂起时间，退回受理的申请视为因资料不全退回，退回前的一轮不再发生。',
    'skip-design-review': '单电源高压（HV_SINGLE）用户免设计审查（营业厅的假设，双电源用户仍需审查）；其他类别不变。',
    'extra-clerk': `受理环节按排队近似：到达率不变、工作量在营业员间平均分摊，受理时长按 c/(c+1) 缩短，c = 期间受理过申请的营业员人数（${clerks}）。`,
  };
  return [...common, specific[scenario]];
}

/** Observed median and p90 of the archived applications' total working days. */
function observedOf(tally: readonly TallyRow[]): { median: number; p90: number } {
  return summaryOfCounts(tally.filter((r) => r.kind === 'total').map((r) => ({ value: r.x, n: r.n })));
}

/** The simulation on a process tally (the stored sums, or `tallyOfHistories` of the filtered applications). */
export function simulate(tally: readonly TallyRow[], options: SimulationOptions): SimulationResult {
  const templates = templatesOf(tally);
  const pool = poolsOf(tally);
  const runs = templates.total === 0 ? 0 : options.runs;
  const rng = new Prng(options.seed);
  const base = new Float64Array(runs);
  const changed = new Float64Array(runs);
  const clerks = Math.max(1, options.acceptClerks);
  for (let i = 0; i < runs; i++) {
    const [b, c] = runOnce(templates.pick(rng), rng, pool, options.scenario, clerks);
    base[i] = b;
    changed[i] = c;
  }
  const resamples = Array.from({ length: runs === 0 ? 0 : BOOTSTRAP_ROUNDS }, () => {
    const idx = new Uint32Array(runs);
    for (let i = 0; i < runs; i++) idx[i] = rng.int(0, runs - 1);
    return idx;
  });
  return {
    scenario: options.scenario,
    label: SCENARIO_LABELS[options.scenario],
    runs,
    seed: options.seed,
    sampleApplications: templates.total,
    observed: observedOf(tally),
    ...bootstrap(base, changed, resamples),
    assumptions: assumptionsOf(options.scenario, clerks),
  };
}
