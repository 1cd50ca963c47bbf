/**
 * When things happen in `yekuo demo`, so 统计与风险 has something to find: applications arrive with a yearly
 * season (fewer around the Spring Festival, more in spring and autumn), stages take a skewed number of days
 * (customer works weeks, acceptance a day), a few acceptances wait for deferred papers (挂起 and 恢复) and a few
 * surveys send the application back to 受理. Its own random stream per application, so the applications'
 * contents do not shift with the timing; nothing is placed after the end of the demo's span.
 */
import type { Stage } from '../../../shared/domain/codes';
import { Prng } from '../../../shared/stats/prng';

const DAY_MS = 86_400_000;

/** Relative arrivals per calendar month, January first (a hall choice for demo data, not a measured profile). */
const MONTH_WEIGHTS = [0.8, 0.5, 1.1, 1.3, 1.2, 1.0, 0.9, 0.9, 1.1, 1.3, 1.2, 1.0];

/** Extra calendar days spent in a stage beyond the one of the move itself: [low, high], drawn skewed low. */
const STAGE_DAYS: Partial<Record<Stage, [number, number]>> = {
  ACCEPT: [0, 2],
  SURVEY: [0, 5],
  SCHEME: [1, 14],
  FEE: [1, 10],
  DESIGN_REVIEW: [1, 6],
  CUSTOMER_WORKS: [10, 45],
  GRID_WORKS: [3, 20],
  MID_INSPECTION: [0, 4],
  COMPLETION_CHECK: [0, 6],
  CONTRACT: [0, 8],
  METER_CONNECT: [0, 6],
};

/** Maps application i of n to its day in the span, by the inverse of the seasonal arrival curve. */
export function seasonalDays(count: number, days: number, startMs: number): (i: number) => number {
  const cumulative: number[] = [];
  let total = 0;
  for (let d = 0; d < days; d++) {
    total += MONTH_WEIGHTS[new Date(startMs + d * DAY_MS).getUTCMonth()] as number;
    cumulative.push(total);
  }
  return (i) => {
    const target = (i / count) * total;
    let lo = 0;
    let hi = days - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) <= target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

export class DemoTiming {
  private readonly rng: Prng;
  private budget: number;
  private returned = false;

  /** `budgetDays`: how many extra days fit before the end of the span. */
  constructor(seed: number, budgetDays: number) {
    this.rng = new Prng(seed);
    this.budget = Math.max(0, budgetDays);
  }

  private spend(days: number): number {
    const spent = Math.min(days, this.budget);
    this.budget -= spent;
    return spent;
  }

  /** Extra days before the application leaves `stage`. */
  delayLeaving(stage: Stage): number {
    const [low, high] = STAGE_DAYS[stage] ?? [0, 0];
    return this.spend(Math.floor(low + (high - low + 1) * this.rng.next() ** 2));
  }

  /** Days suspended at 受理 waiting for deferred papers (0 for most). */
  documentPause(): number {
    return this.rng.chance(0.12) ? this.spend(this.rng.int(1, 6)) : 0;
  }

  /** Whether the survey sends the application back to 受理 (at most once). */
  returnFromSurvey(): boolean {
    if (this.returned || !this.rng.chance(0.08)) return false;
    this.returned = true;
    return true;
  }
}
