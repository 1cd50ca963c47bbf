/**
 * 时限计算 deadlines of an application, per stage and in total, in working days (REFERENCE.md §3.6).
 * Deadline = end of the N-th working day after the start day (§3.6.2), pushed back by every working day the
 * clock stood still (suspensions, customer-time stages). Pure: the calendar is injected.
 */
import type { WorkdayCalendar } from '../calendar/calendar';
import type { Stage, TimeLimitClass } from '../domain/codes';
import { CUSTOMER_TIME_STAGES, type TimeLimits } from './timeLimits';

/** What the store keeps to recompute deadlines after any move. Dates are Asia/Shanghai `YYYY-MM-DD`. */
export interface ClockState {
  /** Day the application was accepted: the total clock starts the next working day. */
  acceptDate: string;
  /** Day the current stage was entered. */
  stageStartDate: string;
  /** Working days the clock stood still while in the current stage (suspensions). */
  stagePausedWorkdays: number;
  /** Working days excluded from the total: suspensions and customer-time stages. */
  totalPausedWorkdays: number;
}

export interface Deadlines {
  stageDue: string | null;
  /** First day the stage counts as 临期. */
  stageWarn: string | null;
  totalDue: string | null;
  totalWarn: string | null;
}

/** 正常 / 临期 / 超期; NONE when no clock runs (no limit, suspended, closed). */
export const DEADLINE_STATES = ['NONE', 'NORMAL', 'DUE_SOON', 'OVERDUE'] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];

export const DEADLINE_STATE_LABELS: Record<DeadlineState, string> = {
  NONE: '不计时',
  NORMAL: '正常',
  DUE_SOON: '临期',
  OVERDUE: '超期',
};

const NO_DEADLINES: Deadlines = { stageDue: null, stageWarn: null, totalDue: null, totalWarn: null };

function dueAndWarn(
  calendar: WorkdayCalendar,
  limits: TimeLimits,
  start: string,
  limit: number,
  paused: number,
): [string, string] {
  // 临期 from `dueSoonFraction` of the limit used, or with `dueSoonWorkdaysLeft` left, but never on the start day
  // itself: the clock starts the next working day, so a 1-WD stage is 临期 on its due day, not when accepted.
  const warnAt = Math.max(1, Math.min(Math.ceil(limits.dueSoonFraction * limit), limit - limits.dueSoonWorkdaysLeft));
  return [calendar.addWorkdays(start, limit + paused), calendar.addWorkdays(start, warnAt + paused)];
}

/** Deadlines of an active application in `stage`; none while suspended or closed (the caller passes running=false). */
export function computeDeadlines(
  clock: ClockState,
  stage: Stage,
  limitClass: TimeLimitClass,
  running: boolean,
  limits: TimeLimits,
  calendar: WorkdayCalendar,
): Deadlines {
  if (!running) return NO_DEADLINES;
  const result: Deadlines = { ...NO_DEADLINES };
  const stageLimit = limits.stage[limitClass][stage];
  if (stageLimit !== undefined && stageLimit > 0) {
    [result.stageDue, result.stageWarn] = dueAndWarn(
      calendar,
      limits,
      clock.stageStartDate,
      stageLimit,
      clock.stagePausedWorkdays,
    );
  }
  if (!CUSTOMER_TIME_STAGES.has(stage)) {
    [result.totalDue, result.totalWarn] = dueAndWarn(
      calendar,
      limits,
      clock.acceptDate,
      limits.total[limitClass],
      clock.totalPausedWorkdays,
    );
  }
  return result;
}

function stateOf(due: string | null, warn: string | null, today: string): DeadlineState {
  if (due === null || warn === null) return 'NONE';
  if (today > due) return 'OVERDUE';
  if (today >= warn) return 'DUE_SOON';
  return 'NORMAL';
}

export interface DeadlineStates {
  stage: DeadlineState;
  total: DeadlineState;
  /** The worse of the two: what lists and filters show. */
  overall: DeadlineState;
}

export function deadlineStates(deadlines: Deadlines, today: string): DeadlineStates {
  const stage = stateOf(deadlines.stageDue, deadlines.stageWarn, today);
  const total = stateOf(deadlines.totalDue, deadlines.totalWarn, today);
  const overall = DEADLINE_STATES.indexOf(stage) >= DEADLINE_STATES.indexOf(total) ? stage : total;
  return { stage, total, overall };
}

/**
 * The earliest due and warn day of the two clocks: one pair of columns the store can index, so that
 * "overdue" is `due < today` and "due soon" is `warn <= today <= due` in SQL.
 */
export function earliest(deadlines: Deadlines): { due: string | null; warn: string | null } {
  const min = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);
  return { due: min(deadlines.stageDue, deadlines.totalDue), warn: min(deadlines.stageWarn, deadlines.totalWarn) };
}

/** The clock after leaving the current stage on `today` for a new stage. */
export function clockOnStageChange(
  clock: ClockState,
  leaving: Stage,
  today: string,
  calendar: WorkdayCalendar,
): ClockState {
  const customerTime = CUSTOMER_TIME_STAGES.has(leaving) ? calendar.workdaysBetween(clock.stageStartDate, today) : 0;
  return {
    acceptDate: clock.acceptDate,
    stageStartDate: today,
    stagePausedWorkdays: 0,
    totalPausedWorkdays: clock.totalPausedWorkdays + customerTime,
  };
}

/** The clock after a suspension from `since` to `today`: both clocks move back by the working days paused. */
export function clockOnResume(
  clock: ClockState,
  stage: Stage,
  since: string,
  today: string,
  calendar: WorkdayCalendar,
): ClockState {
  const paused = calendar.workdaysBetween(since, today);
  // In a customer-time stage the whole stage is excluded from the total when it is left; do not count twice.
  const totalExtra = CUSTOMER_TIME_STAGES.has(stage) ? 0 : paused;
  return {
    ...clock,
    stagePausedWorkdays: clock.stagePausedWorkdays + paused,
    totalPausedWorkdays: clock.totalPausedWorkdays + totalExtra,
  };
}
