/**
 * Issue 15: `yekuo demo` has seasonality in applications, so 预测 has a season to fit. Arrivals per calendar month
 * follow the demo's monthly weights: fewest around the Spring Festival (February), most in spring and autumn.
 */
import { describe, expect, it } from 'vitest';
import { seasonalDays } from '../../../main/services/demo/demoTiming';

const DAY_MS = 86_400_000;

/** Applications per calendar month (0 = January) when `count` arrive over `years` whole years from 1 January. */
function perMonth(count: number, years: number): number[] {
  const start = Date.UTC(2024, 0, 1);
  const days = Math.round((Date.UTC(2024 + years, 0, 1) - start) / DAY_MS);
  const dayOf = seasonalDays(count, days, start);
  const months = Array.from({ length: 12 }, () => 0);
  for (let i = 0; i < count; i++) months[new Date(start + dayOf(i) * DAY_MS).getUTCMonth()]! += 1;
  return months;
}

describe('demo arrivals have a yearly season', () => {
  it('puts about half as many applications in February as in an average month, a third more in April and October', () => {
    const months = perMonth(36_000, 3);
    const average = 36_000 / 12;
    const [jan, feb, , apr, , , , , , oct] = months.map((n) => n / average);
    expect(feb).toBeGreaterThan(0.45);
    expect(feb).toBeLessThan(0.55);
    expect(jan).toBeLessThan(0.9);
    expect(apr).toBeGreaterThan(1.2);
    expect(oct).toBeGreaterThan(1.2);
    // Every month of the span gets some, none is left empty.
    expect(Math.min(...months)).toBeGreaterThan(0);
  });

  it('is the same season every year of the span', () => {
    const start = Date.UTC(2024, 0, 1);
    const dayOf = seasonalDays(3_000, 3 * 365, start);
    const byYear = [0, 1, 2].map(() => Array.from({ length: 12 }, () => 0));
    for (let i = 0; i < 3_000; i++) {
      const date = new Date(start + dayOf(i) * DAY_MS);
      const year = date.getUTCFullYear() - 2024;
      if (year < 3) byYear[year]![date.getUTCMonth()]! += 1;
    }
    for (const months of byYear) {
      expect(months[1]!).toBeLessThan(months[3]!);
      expect(months[1]!).toBeLessThan(months[9]!);
    }
  });
});
