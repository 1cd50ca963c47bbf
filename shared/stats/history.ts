/**
 * 环节记录 as stage visits: the stage-event log (stage_events, one row per create, advance, skip, return,
 * suspend, resume, cancel, archive) turned into the time each application spent in each stage, in working days
 * of the hall's calendar (REFERENCE.md §3.6.1).
 *
 * A visit runs from the day the application entered the stage to the day it left it; its length is the working
 * days in (entered, left], so a stage entered and left on the same day counts 0. Of that, the days suspended
 * (挂起, a customer-caused pause that stops the clock, §3.6.3) are 等待 (waiting); the rest is 办理 (working).
 * Stages where the customer acts (CUSTOMER_TIME_STAGES) are reported as customer time as a whole.
 */
import type { WorkdayCalendar } from '../calendar/calendar';
import type { BusinessType, Stage, TimeLimitClass } from '../domain/codes';

export interface StageEventInput {
  action: string;
  from: Stage | null;
  to: Stage | null;
  reasonCode: string | null;
  /** Asia/Shanghai date of the event. */
  date: string;
}

export interface ApplicationHistory {
  id: number;
  businessType: BusinessType;
  timeLimitClass: TimeLimitClass;
  events: readonly StageEventInput[];
  /** The user who accepted (created) it: a clerk at 受理. */
  acceptedBy?: string;
}

export type VisitExit = 'advance' | 'return' | 'cancel' | 'archive' | 'open';

export interface StageVisit {
  stage: Stage;
  start: string;
  end: string | null;
  /** Working days in (start, end]; null while the visit is open. */
  days: number | null;
  /** Working days suspended during the visit (挂起). */
  pausedDays: number;
  /** Of those, suspended waiting for deferred (容缺) documents. */
  documentPausedDays: number;
  exit: VisitExit;
  /** The stage entered next (advance or return). */
  next: Stage | null;
}

const DOCUMENT_PAUSE = 'WAITING_DEFERRED_DOCUMENTS';

export function stageVisits(history: ApplicationHistory, calendar: WorkdayCalendar): StageVisit[] {
  const visits: StageVisit[] = [];
  let current: StageVisit | null = null;
  let pause: { since: string; documents: boolean } | null = null;
  const endPause = (date: string) => {
    if (!pause || !current) return;
    const days = calendar.workdaysBetween(pause.since, date);
    current.pausedDays += days;
    if (pause.documents) current.documentPausedDays += days;
    pause = null;
  };
  const close = (date: string, exit: VisitExit, next: Stage | null) => {
    if (!current) return;
    endPause(date);
    current.end = date;
    current.days = calendar.workdaysBetween(current.start, date);
    current.exit = exit;
    current.next = next;
    current = null;
  };
  const open = (stage: Stage, date: string) => {
    current = {
      stage,
      start: date,
      end: null,
      days: null,
      pausedDays: 0,
      documentPausedDays: 0,
      exit: 'open',
      next: null,
    };
    visits.push(current);
  };
  for (const event of history.events) {
    switch (event.action) {
      case 'create':
        if (event.to) open(event.to, event.date);
        break;
      case 'advance':
      case 'return':
        close(event.date, event.action, event.to);
        if (event.to) open(event.to, event.date);
        break;
      case 'suspend':
        pause = { since: event.date, documents: event.reasonCode === DOCUMENT_PAUSE };
        break;
      case 'resume':
        endPause(event.date);
        break;
      case 'cancel':
      case 'archive':
        close(event.date, event.action, null);
        break;
      // skip / skip-by-data record a stage passed over: no time is spent in it.
    }
  }
  return visits;
}
