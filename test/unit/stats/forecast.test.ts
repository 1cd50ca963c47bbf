import { describe, expect, it } from 'vitest';
import {
  backtestMape,
  forecastGroup,
  forecastGroupOf,
  holtWinters,
  MIN_TRAIN,
  seasonalNaive,
} from '../../../shared/stats/forecast';

const SEASONAL = [10, 12, 20, 30, 25, 15, 8, 6, 14, 22, 18, 11];
/** Known series: level 100, trend `b` per month, the seasonal pattern above. */
const series = (months: number, b: number) =>
  Array.from({ length: months }, (_, t) => 100 + b * t + (SEASONAL[t % 12] as number));

describe('forecast', () => {
  it('seasonal naive repeats the same month a year earlier', () => {
    expect(seasonalNaive(series(24, 0), 3)).toEqual([110, 112, 120]);
  });

  it('back-tests seasonal naive on a trending seasonal series with its known error', () => {
    const y = series(40, 2);
    // The naive forecast of month t is y[t-12], 24 below the actual: APE = 24 / y[t] for every tested month.
    let sum = 0;
    let count = 0;
    for (let origin = MIN_TRAIN; origin + 3 <= y.length; origin++) {
      for (let h = 0; h < 3; h++) {
        sum += 24 / (y[origin + h] as number);
        count++;
      }
    }
    expect(backtestMape(y, 'seasonal-naive')).toBeCloseTo(Math.round((sum / count) * 1000) / 10, 5);
  });

  it('Holt-Winters follows trend and season, wins the back-test and is chosen', () => {
    const y = series(40, 2);
    const hw = backtestMape(y, 'holt-winters') as number;
    expect(hw).toBeLessThan(1);
    const result = forecastGroup('NEW', y);
    expect(result.method).toBe('holt-winters');
    // The truth for months 40–42.
    const truth = [40, 41, 42].map((t) => 100 + 2 * t + (SEASONAL[t % 12] as number));
    result.forecast.forEach((v, i) => expect(Math.abs(v - (truth[i] as number))).toBeLessThanOrEqual(2));
    expect(holtWinters(y, 1)[0]).toBeCloseTo(truth[0] as number, 0);
  });

  it('keeps seasonal naive when it is the better one, and says when history is too short', () => {
    // An exactly repeating year: both are exact, and the tie goes to the simpler baseline.
    const y = series(36, 0);
    expect(backtestMape(y, 'seasonal-naive')).toBe(0);
    expect(forecastGroup('NEW', y).method).toBe('seasonal-naive');
    expect(forecastGroup('NEW', series(6, 0))).toMatchObject({ method: null, forecast: [] });
    expect(forecastGroup('NEW', series(14, 0)).method).toBe('seasonal-naive');
  });

  it('groups business types', () => {
    expect(forecastGroupOf('NEW_HV')).toBe('NEW');
    expect(forecastGroupOf('NEW_TEMP')).toBe('TEMPORARY');
    expect(forecastGroupOf('INC_LVN')).toBe('INCREASE');
    expect(forecastGroupOf('SUS_RESTORE')).toBe('SUSPEND_REDUCE');
    expect(forecastGroupOf('RENAME')).toBe('OTHER');
  });
});
