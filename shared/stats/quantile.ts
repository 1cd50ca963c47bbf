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

/** A value and how often it occurs: one bucket of an exact histogram. */
export interface Counted {
  value: number;
  n: number;
}

/**
 * Median and 90th percentile of a sample given as counted values, equal to `summary` of the sample written out:
 * the order statistics are read from the cumulative counts instead of a sorted copy.
 */
export function summaryOfCounts(buckets: readonly Counted[]): { median: number; p90: number } {
  const sorted = buckets.filter((b) => b.n > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, b) => sum + b.n, 0);
  const at = (rank: number) => {
    let seen = 0;
    for (const b of sorted) {
      seen += b.n;
      if (rank < seen) return b.value;
    }
    return Number.NaN;
  };
  const q = (p: number) => {
    if (total === 0) return Number.NaN;
    const h = (total - 1) * p;
    const lo = Math.floor(h);
    const a = at(lo);
    return a + (h - lo) * (at(Math.min(total - 1, lo + 1)) - a);
  };
  return { median: round1(q(0.5)), p90: round1(q(0.9)) };
}
