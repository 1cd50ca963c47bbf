/**
 * 业务量预测 (issue 15): applications per business-type group for each of the next months, from additive
 * Holt-Winters (level, trend, 12-month season; smoothing constants by grid search on one-step errors) or the
 * seasonal-naive baseline (the same month a year earlier), whichever has the lower rolling-origin back-test MAPE.
 */
import type { BusinessType } from '../domain/codes';

export const FORECAST_GROUPS = ['NEW', 'INCREASE', 'TEMPORARY', 'SUSPEND_REDUCE', 'OTHER'] as const;
export type ForecastGroup = (typeof FORECAST_GROUPS)[number];

export const FORECAST_GROUP_LABELS: Record<ForecastGroup, string> = {
  NEW: '新装',
  INCREASE: '增容',
  TEMPORARY: '临时用电',
  SUSPEND_REDUCE: '减容暂停暂换',
  OTHER: '其他变更',
};

export function forecastGroupOf(type: BusinessType): ForecastGroup {
  if (type === 'NEW_TEMP' || type === 'TEMP_EXTEND') return 'TEMPORARY';
  if (type.startsWith('NEW_')) return 'NEW';
  if (type.startsWith('INC_') || type === 'VOLT_CHANGE') return 'INCREASE';
  if (/^(RED|SUS|TTX)/.test(type)) return 'SUSPEND_REDUCE';
  return 'OTHER';
}

export const SEASON = 12;
export const HORIZON = 3;
/** Holt-Winters needs two seasons to start; the back-test starts there. */
export const MIN_TRAIN = 2 * SEASON;

export type ForecastMethod = 'holt-winters' | 'seasonal-naive';

export function seasonalNaive(history: readonly number[], horizon: number, season = SEASON): number[] {
  return Array.from({ length: horizon }, (_, h) => history[history.length - season + (h % season)] ?? 0);
}

interface HwParams {
  alpha: number;
  beta: number;
  gamma: number;
}

/** Runs additive Holt-Winters over the history; returns the one-step squared error sum and the final state. */
function holtWintersRun(y: readonly number[], p: HwParams, m: number) {
  const first = y.slice(0, m);
  const second = y.slice(m, 2 * m);
  const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  // Start from the first two seasons: the trend from their means, the season around the trend line, so a
  // series that is exactly trend plus season is followed without error.
  let trend = (mean(second) - mean(first)) / m;
  const mid = (m - 1) / 2;
  const seasonal = first.map((v, i) => v - (mean(first) + (i - mid) * trend));
  let level = mean(first) + mid * trend;
  let sse = 0;
  for (let t = m; t < y.length; t++) {
    const s = seasonal[t % m] as number;
    const actual = y[t] as number;
    const predicted = level + trend + s;
    sse += (actual - predicted) ** 2;
    const previous = level;
    level = p.alpha * (actual - s) + (1 - p.alpha) * (level + trend);
    trend = p.beta * (level - previous) + (1 - p.beta) * trend;
    seasonal[t % m] = p.gamma * (actual - level) + (1 - p.gamma) * s;
  }
  return { sse, level, trend, seasonal, n: y.length };
}

const GRID = [0.05, 0.2, 0.4, 0.6, 0.8];

export function holtWinters(history: readonly number[], horizon: number, season = SEASON): number[] {
  let best: ReturnType<typeof holtWintersRun> | null = null;
  for (const alpha of GRID) {
    for (const beta of GRID) {
      for (const gamma of GRID) {
        const run = holtWintersRun(history, { alpha, beta, gamma }, season);
        if (!best || run.sse < best.sse) best = run;
      }
    }
  }
  const state = best as ReturnType<typeof holtWintersRun>;
  return Array.from(
    { length: horizon },
    (_, h) => state.level + (h + 1) * state.trend + (state.seasonal[(state.n + h) % season] as number),
  );
}

const FORECASTERS: Record<ForecastMethod, (history: readonly number[], horizon: number) => number[]> = {
  'holt-winters': (history, horizon) => holtWinters(history, horizon),
  'seasonal-naive': (history, horizon) => seasonalNaive(history, horizon),
};

/**
 * Rolling-origin back-test: for every origin from MIN_TRAIN to the last full horizon, fit on what came before
 * and forecast the next `horizon` months; MAPE over all (origin, month) pairs whose actual is not zero, in %.
 * Null when the history is too short for one origin.
 */
export function backtestMape(history: readonly number[], method: ForecastMethod, horizon = HORIZON): number | null {
  let sum = 0;
  let count = 0;
  for (let origin = MIN_TRAIN; origin + horizon <= history.length; origin++) {
    const predicted = FORECASTERS[method](history.slice(0, origin), horizon);
    for (let h = 0; h < horizon; h++) {
      const actual = history[origin + h] as number;
      if (actual === 0) continue;
      sum += Math.abs((actual - (predicted[h] as number)) / actual);
      count++;
    }
  }
  return count === 0 ? null : Math.round((sum / count) * 1000) / 10;
}

export interface GroupForecast {
  group: ForecastGroup;
  /** Monthly counts, oldest first, aligned with `months`. */
  history: number[];
  /** The next HORIZON months (rounded, never negative); empty when the history is shorter than one season. */
  forecast: number[];
  method: ForecastMethod | null;
  mape: Record<ForecastMethod, number | null>;
}

export function forecastGroup(group: ForecastGroup, history: readonly number[]): GroupForecast {
  const mape = {
    'holt-winters': history.length >= MIN_TRAIN ? backtestMape(history, 'holt-winters') : null,
    'seasonal-naive': backtestMape(history, 'seasonal-naive'),
  };
  // Lower back-test error wins, the simpler baseline on a tie; without a back-test, what the history allows.
  const hw = mape['holt-winters'];
  const naive = mape['seasonal-naive'];
  const method: ForecastMethod | null =
    hw !== null && naive !== null
      ? hw < naive
        ? 'holt-winters'
        : 'seasonal-naive'
      : history.length >= MIN_TRAIN
        ? 'holt-winters'
        : history.length >= SEASON
          ? 'seasonal-naive'
          : null;
  const forecast = method ? FORECASTERS[method](history, HORIZON).map((v) => Math.max(0, Math.round(v))) : [];
  return { group, history: [...history], forecast, method, mape };
}
