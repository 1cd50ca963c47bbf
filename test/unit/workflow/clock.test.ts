import { describe, expect, it } from 'vitest';
import { weekendOnlyCalendar } from '../../../shared/calendar/calendar';
import {
  clockOnResume,
  clockOnStageChange,
  computeDeadlines,
  deadlineStates,
  type ClockState,
} from '../../../shared/workflow/clock';
import { DEFAULT_TIME_LIMITS, timeLimitClassOf } from '../../../shared/workflow/timeLimits';

const cal = weekendOnlyCalendar;
const start: ClockState = {
  acceptDate: '2026-03-02', // Monday
  stageStartDate: '2026-03-02',
  stagePausedWorkdays: 0,
  totalPausedWorkdays: 0,
};

describe('deadlines in working days', () => {
  it('count from the day after acceptance, skipping weekends (LVN: ACCEPT 1 WD, total 6 WD)', () => {
    const d = computeDeadlines(start, 'ACCEPT', 'LVN', true, DEFAULT_TIME_LIMITS, cal);
    expect(d.stageDue).toBe('2026-03-03');
    expect(d.totalDue).toBe('2026-03-10'); // Tue..Fri (4) + Mon, Tue
    expect(d.totalWarn).toBe('2026-03-09'); // 80 % of 6 = 5 WD, or 1 WD left
  });

  it('are due soon, then overdue (正常 → 临期 → 超期)', () => {
    const d = computeDeadlines({ ...start }, 'SCHEME', 'HV_SINGLE', true, DEFAULT_TIME_LIMITS, cal);
    expect(d.stageDue).toBe('2026-03-16'); // 10 WD
    expect(deadlineStates(d, '2026-03-03').stage).toBe('NORMAL');
    expect(deadlineStates(d, '2026-03-12').stage).toBe('DUE_SOON'); // 8 WD used = 80 %
    expect(deadlineStates(d, '2026-03-16').stage).toBe('DUE_SOON');
    expect(deadlineStates(d, '2026-03-17').stage).toBe('OVERDUE');
  });

  it('are not 临期 on the day of acceptance, even with a 1-WD stage limit (临期 on its due day)', () => {
    const d = computeDeadlines(start, 'ACCEPT', 'LVR', true, DEFAULT_TIME_LIMITS, cal);
    expect(d.stageDue).toBe('2026-03-03');
    expect(deadlineStates(d, '2026-03-02').overall).toBe('NORMAL');
    expect(deadlineStates(d, '2026-03-03').overall).toBe('DUE_SOON');
    expect(deadlineStates(d, '2026-03-04').overall).toBe('OVERDUE');
  });

  it('stop while suspended and move back by the working days paused', () => {
    const resumed = clockOnResume(start, 'SCHEME', '2026-03-04', '2026-03-11', cal); // 5 WD paused
    expect(resumed.stagePausedWorkdays).toBe(5);
    expect(resumed.totalPausedWorkdays).toBe(5);
    expect(computeDeadlines(resumed, 'SCHEME', 'HV_SINGLE', true, DEFAULT_TIME_LIMITS, cal).stageDue).toBe(
      '2026-03-23',
    );
    expect(computeDeadlines(resumed, 'SCHEME', 'HV_SINGLE', false, DEFAULT_TIME_LIMITS, cal).stageDue).toBeNull();
  });

  it('exclude customer-time stages from the total and have no deadline inside them', () => {
    const inWorks = { ...start, stageStartDate: '2026-03-09' };
    expect(computeDeadlines(inWorks, 'CUSTOMER_WORKS', 'HV_DUAL', true, DEFAULT_TIME_LIMITS, cal)).toEqual({
      stageDue: null,
      stageWarn: null,
      totalDue: null,
      totalWarn: null,
    });
    const after = clockOnStageChange(inWorks, 'CUSTOMER_WORKS', '2026-04-06', cal);
    expect(after.totalPausedWorkdays).toBe(20);
    expect(after.stageStartDate).toBe('2026-04-06');
  });

  it('split HV by number of sources', () => {
    expect(timeLimitClassOf({ customerClass: 'HV', supplies: [] })).toBe('HV_SINGLE');
    const two = [
      { nature: 'MAIN' as const, substation: 'a' },
      { nature: 'STANDBY' as const, substation: 'b' },
    ];
    expect(timeLimitClassOf({ customerClass: 'HV', supplies: two })).toBe('HV_DUAL');
    expect(timeLimitClassOf({ customerClass: 'LVR' })).toBe('LVR');
  });
});
