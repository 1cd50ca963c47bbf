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

/** Quantile `q` of counted values sorted by value, as `quantileOfSorted` of the sample written out (NaN when empty). */
function quantileOfSortedCounts(sorted: readonly Counted[], total: number, q: number): number {
  if (total === 0) return Number.NaN;
  const at = (rank: number) => {
    let seen = 0;
    for (const b of sorted) {
      seen += b.n;
      if (rank < seen) return b.value;
    }
    return Number.NaN;
  };
  const h = (total - 1) * q;
  const lo = Math.floor(h);
  const a = at(lo);
  return a + (h - lo) * (at(Math.min(total - 1, lo + 1)) - a);
}

function sortedCounts(buckets: readonly Counted[]): { sorted: Counted[]; total: number } {
  const sorted = buckets.filter((b) => b.n > 0).sort((a, b) => a.value - b.value);
  return { sorted, total: sorted.reduce((sum, b) => sum + b.n, 0) };
}

/** Quantile `q` of a sample given as counted values, equal to `quantile` of the sample written out. */
export function quantileOfCounts(buckets: readonly Counted[], q: number): number {
  const { sorted, total } = sortedCounts(buckets);
  return quantileOfSortedCounts(sorted, total, q);
}

/**
 * Median and 90th percentile of a sample given as counted values, equal to `summary` of the sample written out:
 * the order statistics are read from the cumulative counts instead of a sorted copy.
 */
export function summaryOfCounts(buckets: readonly Counted[]): { median: number; p90: number } {
  const { sorted, total } = sortedCounts(buckets);
  return {
    median: round1(quantileOfSortedCounts(sorted, total, 0.5)),
    p90: round1(quantileOfSortedCounts(sorted, total, 0.9)),
  };
}
