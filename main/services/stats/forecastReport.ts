import type { ForecastReport } from '../../../shared/api/stats';
import { addMonths } from '../../../shared/calendar/isoDate';
import type { BusinessType } from '../../../shared/domain/codes';
import { FORECAST_GROUPS, HORIZON, forecastGroup, forecastGroupOf } from '../../../shared/stats/forecast';
import type { HandlerContext } from '../../ipc/context';
import { monthlyCounts } from '../../db/repositories/statsRepo';
import { clockOf } from '../clock';

const nextMonth = (month: string) => addMonths(`${month}-01`, 1).slice(0, 7);

/**
 * 业务量预测: applications per business-type group and application month, from the first month with an
 * application to the last complete month (the current month is still filling), then the next HORIZON months.
 */
export function forecastReport(ctx: HandlerContext): ForecastReport {
  const current = clockOf(ctx).today.slice(0, 7);
  const rows = monthlyCounts(ctx.db).filter((r) => r.month < current);
  const months: string[] = [];
  for (let m = rows[0]?.month; m !== undefined && m < current; m = nextMonth(m)) months.push(m);
  const index = new Map(months.map((m, i) => [m, i]));
  const series = new Map(FORECAST_GROUPS.map((g) => [g, months.map(() => 0)]));
  for (const row of rows) {
    const counts = series.get(forecastGroupOf(row.business_type as BusinessType)) as number[];
    const i = index.get(row.month) as number;
    counts[i] = (counts[i] ?? 0) + row.n;
  }
  const forecastMonths: string[] = [];
  for (let m = current, i = 0; i < HORIZON; i++, m = nextMonth(m)) forecastMonths.push(m);
  return {
    months,
    forecastMonths,
    groups: FORECAST_GROUPS.map((g) => forecastGroup(g, series.get(g) as number[])),
  };
}
