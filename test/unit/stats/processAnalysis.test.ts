import { describe, expect, it } from 'vitest';
import { weekendOnlyCalendar } from '../../../shared/calendar/calendar';
import type { ApplicationHistory, StageEventInput } from '../../../shared/stats/history';
import { stageVisits } from '../../../shared/stats/history';
import { analyseProcess } from '../../../shared/stats/processAnalysis';
import { DEFAULT_TIME_LIMITS } from '../../../shared/workflow/timeLimits';
import type { Stage } from '../../../shared/domain/codes';

const ev = (action: string, date: string, from: Stage | null, to: Stage | null, reasonCode: string | null = null) =>
  ({ action, date, from, to, reasonCode }) satisfies StageEventInput;

// 2026-03-02 is a Monday; the weekend-only calendar keeps the arithmetic visible.
const lvr = (id: number, events: StageEventInput[]): ApplicationHistory => ({
  id,
  businessType: 'NEW_LVR',
  timeLimitClass: 'LVR',
  events,
});

describe('stage visits from the stage-event log', () => {
  it('counts working days per stage, pauses as waiting, and returns', () => {
    const visits = stageVisits(
      lvr(1, [
        ev('create', '2026-03-02', null, 'ACCEPT'),
        ev('advance', '2026-03-04', 'ACCEPT', 'METER_CONNECT'),
        ev('suspend', '2026-03-05', 'METER_CONNECT', 'METER_CONNECT', 'WAITING_DEFERRED_DOCUMENTS'),
        ev('resume', '2026-03-10', 'METER_CONNECT', 'METER_CONNECT'),
        ev('return', '2026-03-11', 'METER_CONNECT', 'ACCEPT'),
        ev('advance', '2026-03-12', 'ACCEPT', 'METER_CONNECT'),
        ev('advance', '2026-03-16', 'METER_CONNECT', 'ARCHIVE'),
        ev('archive', '2026-03-16', 'ARCHIVE', null),
      ]),
      weekendOnlyCalendar,
    );
    expect(visits.map((v) => [v.stage, v.days, v.pausedDays, v.exit])).toEqual([
      ['ACCEPT', 2, 0, 'advance'],
      // 03-04 → 03-11: 5 working days; suspended 03-05 → 03-10 (Thu→Tue): 3 of them.
      ['METER_CONNECT', 5, 3, 'return'],
      ['ACCEPT', 1, 0, 'advance'],
      ['METER_CONNECT', 2, 0, 'advance'],
      ['ARCHIVE', 0, 0, 'archive'],
    ]);
    expect(visits[1]?.documentPausedDays).toBe(3);
  });
});

describe('process analysis', () => {
  const straight = (id: number, acceptDays: number, meterDays: number) => {
    const start = '2026-03-02';
    const meter = weekendOnlyCalendar.addWorkdays(start, acceptDays);
    const end = weekendOnlyCalendar.addWorkdays(meter, meterDays);
    return lvr(id, [
      ev('create', start, null, 'ACCEPT'),
      ev('advance', meter, 'ACCEPT', 'METER_CONNECT'),
      ev('advance', end, 'METER_CONNECT', 'ARCHIVE'),
      ev('archive', end, 'ARCHIVE', null),
    ]);
  };
  const apps = [
    straight(1, 1, 2),
    straight(2, 1, 3),
    straight(3, 2, 4),
    straight(4, 1, 8),
    lvr(5, [
      ev('create', '2026-03-02', null, 'ACCEPT'),
      ev('advance', '2026-03-03', 'ACCEPT', 'METER_CONNECT'),
      ev('return', '2026-03-04', 'METER_CONNECT', 'ACCEPT'),
    ]),
  ];
  const result = analyseProcess(apps, weekendOnlyCalendar, DEFAULT_TIME_LIMITS);

  it('gives median and p90 per stage, the return share and the returning applications', () => {
    const meter = result.stages.find((s) => s.stage === 'METER_CONNECT');
    // Ended visits: 2, 3, 4, 8 and the returned one (1): median 3, p90 by interpolation 4 + 0.6 × 4 = 6.4.
    expect(meter).toMatchObject({ visits: 5, medianDays: 3, p90Days: 6.4, returnShare: 0.2, customerTime: false });
    const accept = result.stages.find((s) => s.stage === 'ACCEPT');
    expect(accept).toMatchObject({ visits: 5, open: 1, medianDays: 1 });
    expect(result.returningShare).toBe(0.2);
  });

  it('lists the paths of finished applications and the transitions of the map', () => {
    expect(result.variants).toEqual([
      {
        businessType: 'NEW_LVR',
        finished: 4,
        top: [{ path: ['ACCEPT', 'METER_CONNECT', 'ARCHIVE'], count: 4, share: 1 }],
      },
    ]);
    expect(result.map.edges).toContainEqual({
      from: 'METER_CONNECT',
      to: 'ACCEPT',
      kind: 'return',
      count: 1,
      medianDays: 1,
    });
    expect(result.map.edges).toContainEqual({
      from: 'ACCEPT',
      to: 'METER_CONNECT',
      kind: 'advance',
      count: 5,
      medianDays: 1,
    });
  });

  it('measures 获得电力 against the promise: steps and working days to 装表接电', () => {
    const lvrRow = result.connection.find((c) => c.timeLimitClass === 'LVR');
    // Totals 3, 4, 6, 9 against the 5-day promise: two of four within.
    expect(lvrRow).toMatchObject({
      connected: 4,
      medianSteps: 2,
      promisedSteps: 2,
      medianTotalDays: 5,
      promisedDays: 5,
      withinPromiseShare: 0.5,
    });
  });
});
