/**
 * Deadline state of a time-limited stage (REFERENCE.md §3.6): the deadline is the end of the N-th working day
 * after the start day (民法典 art 201: a period counted in days starts the next day); 临期 at ≥ 80 % of the limit
 * used or ≤ 1 working day left, 超期 once the limit is exceeded (both thresholds from the profile, rule 4).
 * Customer-caused pauses (rule 3) are passed in as paused working days and push the deadline back.
 */
import { addDays, type WorkdayCalendar } from './calendar';
import type { HolidayCalendar } from './holidayCalendar';

export const DEADLINE_STATES = ['NORMAL', 'DUE_SOON', 'OVERDUE'] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];
export const DEADLINE_LABELS: Record<DeadlineState, string> = { NORMAL: '正常', DUE_SOON: '临期', OVERDUE: '超期' };

export interface DeadlineInput {
  /** Day the clock started (e.g. the acceptance day); not itself counted. */
  start: string;
  limitWorkdays: number;
  today: string;
  calendar: WorkdayCalendar | HolidayCalendar;
  pausedWorkdays?: number;
  dueSoonFraction: number;
  dueSoonWorkdaysLeft: number;
}

export interface Deadline {
  state: DeadlineState;
  label: string;
  dueDate: string;
  usedWorkdays: number;
  leftWorkdays: number;
  /** Present when part of the period lies in a year without a loaded holiday table. */
  warning?: string;
}

export function deadlineStatus(input: DeadlineInput): Deadline {
  const paused = input.pausedWorkdays ?? 0;
  const dueDate = input.calendar.addWorkdays(input.start, input.limitWorkdays + paused);
  const usedWorkdays = Math.max(0, input.calendar.workdaysBetween(input.start, input.today) - paused);
  const leftWorkdays = input.limitWorkdays - usedWorkdays;
  const state: DeadlineState =
    leftWorkdays < 0
      ? 'OVERDUE'
      : usedWorkdays >= input.dueSoonFraction * input.limitWorkdays || leftWorkdays <= input.dueSoonWorkdaysLeft
        ? 'DUE_SOON'
        : 'NORMAL';
  const warning =
    'coverageWarning' in input.calendar ? input.calendar.coverageWarning(input.start, dueDate, input.today) : undefined;
  return { state, label: DEADLINE_LABELS[state], dueDate, usedWorkdays, leftWorkdays, ...(warning ? { warning } : {}) };
}

/**
 * Last day of a period counted in calendar days (e.g. "≥ 10 days before expiry", 暂停 ≥ 15 days): the period
 * starts the day after `start` (民法典 art 201); when its last day is a day off (statutory holiday or rest day)
 * it ends on the next working day (art 203).
 */
export function periodEnd(start: string, days: number, calendar: WorkdayCalendar): string {
  let end = addDays(start, days);
  while (!calendar.isWorkday(end)) end = addDays(end, 1);
  return end;
}
