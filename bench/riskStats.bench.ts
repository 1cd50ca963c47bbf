/**
 * 统计与风险 figures of issue 15 at a modest scale: the 流程分析 page data (shared/stats analyseProcess) over
 * 20,000 synthetic application histories, 10,000 simulation runs on them (goal < 2 s), and the forecast of five
 * 36-month series with its back-test. Pure computation: the SQL read of the stage-event log is not included.
 */
import { holidayCalendar } from '../shared/calendar/holidayCalendar';
import type { Stage } from '../shared/domain/codes';
import { FORECAST_GROUPS, forecastGroup } from '../shared/stats/forecast';
import type { ApplicationHistory } from '../shared/stats/history';
import { analyseProcess, tallyOfHistories } from '../shared/stats/processAnalysis';
import { Prng } from '../shared/stats/prng';
import { simulate } from '../shared/stats/simulation';
import { DEFAULT_TIME_LIMITS } from '../shared/workflow/timeLimits';
import { memoizedCalendar } from '../main/services/clock';
import { p50, round, sample } from './stats';
import type { BenchRow } from './types';

const APPLICATIONS = 20_000;
const calendar = memoizedCalendar(holidayCalendar());
const HV: Stage[] = ['ACCEPT', 'SURVEY', 'SCHEME', 'CUSTOMER_WORKS', 'COMPLETION_CHECK', 'CONTRACT', 'METER_CONNECT'];
const LV: Stage[] = ['ACCEPT', 'SURVEY', 'SCHEME', 'METER_CONNECT'];

/** HV and LV non-residential applications over two years, some returned once to 受理. */
function histories(count: number): ApplicationHistory[] {
  const rng = new Prng(15);
  return Array.from({ length: count }, (_, id) => {
    const hv = rng.chance(0.4);
    const stages = hv ? HV : LV;
    let date = calendar.addWorkdays('2025-01-01', rng.int(0, 480));
    const events: ApplicationHistory['events'][number][] = [
      { action: 'create', date, from: null, to: 'ACCEPT', reasonCode: null },
    ];
    const walk = rng.chance(0.05) ? ['ACCEPT', 'SURVEY', ...stages] : stages;
    walk.forEach((stage, i) => {
      const to = (walk[i + 1] ?? 'ARCHIVE') as Stage;
      date = calendar.addWorkdays(date, rng.int(0, stage === 'CUSTOMER_WORKS' ? 30 : 5));
      const action = to === 'ACCEPT' ? 'return' : 'advance';
      events.push({ action, date, from: stage as Stage, to, reasonCode: null });
    });
    events.push({ action: 'archive', date, from: 'ARCHIVE', to: null, reasonCode: null });
    return {
      id,
      businessType: hv ? 'NEW_HV' : 'NEW_LVN',
      timeLimitClass: hv ? 'HV_SINGLE' : 'LVN',
      events,
    };
  });
}

export async function run(): Promise<BenchRow[]> {
  const apps = histories(APPLICATIONS);
  const page = await sample(() => analyseProcess(apps, calendar, DEFAULT_TIME_LIMITS), 5, 1);
  const tally = tallyOfHistories(apps, calendar);
  const simulation = await sample(
    () => simulate(tally, { scenario: 'merge-survey', runs: 10_000, seed: 1, acceptClerks: 4 }),
    5,
    1,
  );
  const rng = new Prng(3);
  const series = FORECAST_GROUPS.map(() =>
    Array.from({ length: 36 }, (_, t) => 50 + 20 * Math.sin(t / 2) + rng.int(0, 9)),
  );
  const forecast = await sample(() => FORECAST_GROUPS.map((g, i) => forecastGroup(g, series[i] as number[])), 5, 1);
  return [
    {
      suite: 'stats',
      case: `流程分析 page data, ${APPLICATIONS.toLocaleString('en')} histories (p50)`,
      value: round(p50(page), 1),
      unit: 'ms',
      note: 'pure computation; SQL read excluded',
    },
    {
      suite: 'stats',
      case: '10,000 simulation runs + 200 bootstrap rounds (p50)',
      value: round(p50(simulation), 1),
      unit: 'ms',
      goal: '< 2000 ms',
      pass: p50(simulation) < 2000,
    },
    {
      suite: 'stats',
      case: 'forecast, 5 groups × 36 months with back-test (p50)',
      value: round(p50(forecast), 1),
      unit: 'ms',
    },
  ];
}
