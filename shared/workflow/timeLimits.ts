/**
 * 办电时限 time limits in working days: the province-profile defaults of rules-defaults.json `timeLimits`
 * (REFERENCE.md §3.4–§3.5). They are proposals [P] that sum to the State Grid promise; a province profile
 * replaces them by passing its own TimeLimits to the workflow.
 */
import type { ApplicationInput } from '../domain/application';
import type { Stage, TimeLimitClass } from '../domain/codes';

export interface TimeLimits {
  /** Working days allowed per stage; a stage without an entry has no stage deadline. */
  stage: Record<TimeLimitClass, Partial<Record<Stage, number>>>;
  /** End-to-end utility time (customer time and pauses excluded). */
  total: Record<TimeLimitClass, number>;
  /** 临期 from this fraction of the limit used (REFERENCE.md §3.6.4). */
  dueSoonFraction: number;
  /** …or when at most this many working days are left. */
  dueSoonWorkdaysLeft: number;
}

export const DEFAULT_TIME_LIMITS: TimeLimits = {
  // rules-defaults.json timeLimits.defaultStageLimits (REFERENCE.md §3.4/§3.5, [P]); SURVEY 0 = counted inside SCHEME.
  stage: {
    LVR: { ACCEPT: 1, METER_CONNECT: 4 },
    LVN: { ACCEPT: 1, SURVEY: 1, SCHEME: 1, METER_CONNECT: 3 },
    HV_SINGLE: { ACCEPT: 1, SCHEME: 10, DESIGN_REVIEW: 3, MID_INSPECTION: 2, COMPLETION_CHECK: 3, METER_CONNECT: 3 },
    HV_DUAL: { ACCEPT: 1, SCHEME: 20, DESIGN_REVIEW: 3, MID_INSPECTION: 2, COMPLETION_CHECK: 3, METER_CONNECT: 3 },
  },
  // rules-defaults.json timeLimits.totalsPromise (State Grid 供电服务十项承诺, [S]).
  total: { LVR: 5, LVN: 6, HV_SINGLE: 22, HV_DUAL: 32 },
  // rules-defaults.json calendar.dueSoonFraction / dueSoonWorkingDaysLeft ([P]).
  dueSoonFraction: 0.8,
  dueSoonWorkdaysLeft: 1,
};

/**
 * Stages whose time is the customer's (REFERENCE.md §3.1): customer works, paying fees, signing the contract.
 * The total clock does not run in them; ARCHIVE is outside the customer promise.
 */
export const CUSTOMER_TIME_STAGES: ReadonlySet<Stage> = new Set<Stage>([
  'FEE',
  'CUSTOMER_WORKS',
  'CONTRACT',
  'ARCHIVE',
]);

/** HV splits by number of supply sources (REFERENCE.md §2.1, rule R-LG-05). */
export function timeLimitClassOf(app: Pick<ApplicationInput, 'customerClass' | 'supplies'>): TimeLimitClass {
  if (app.customerClass !== 'HV') return app.customerClass;
  return (app.supplies?.length ?? 0) >= 2 ? 'HV_DUAL' : 'HV_SINGLE';
}
