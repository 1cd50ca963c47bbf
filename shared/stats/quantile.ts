/** Quantiles by linear interpolation between order statistics (Hyndman & Fan type 7, as R and numpy default). */
export function quantileOfSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  const a = sorted[lo] as number;
  return a + (h - lo) * ((sorted[hi] as number) - a);
}

export function quantile(values: readonly number[], q: number): number {
  return quantileOfSorted(Float64Array.from(values).sort(), q);
}

export const median = (values: readonly number[]): number => quantile(values, 0.5);

/** Median and 90th percentile of a sample (NaN when empty), rounded to one decimal for display and JSON. */
export function summary(values: readonly number[]): { median: number; p90: number } {
  const sorted = Float64Array.from(values).sort();
  return { median: round1(quantileOfSorted(sorted, 0.5)), p90: round1(quantileOfSorted(sorted, 0.9)) };
}

export const round1 = (x: number): number => Math.round(x * 10) / 10;
