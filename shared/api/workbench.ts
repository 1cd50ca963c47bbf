/** 工作台: exact counts of the queues, 我的待办 / 等我处理 by deadline state, and 容缺资料临期. */
import { z } from 'zod';
import type { DocumentCode } from '../domain/application';
import { STAGES, type ApplicationStatus, type BusinessType, type Stage } from '../domain/codes';
import type { DeadlineState } from '../workflow/clock';
import { SUPERVISOR_EXIT_STAGES } from '../workflow/moves';
import { CUSTOMER_TIME_STAGES } from '../workflow/timeLimits';
import { ASSIGNEE_ME, type ApplicationFilterInput } from './applications';

/** Applications per deadline state (正常 / 临期 / 超期, and 无时限 where no clock runs), and their sum. */
export type DeadlineCounts = Record<DeadlineState, number> & { total: number };

export interface WorkbenchCounts {
  /** The Shanghai date the deadline states were judged on. */
  today: string;
  /** The hall's queues, each exactly the rows `applications.list` gives for its QUEUE_FILTERS entry. */
  queues: Record<WorkbenchQueue, number>;
  /** 我的待办: in-progress applications assigned to me (mineFilter). */
  mine: DeadlineCounts;
  /** The same, per stage in workflow order; stages with none are left out. */
  mineByStage: { stage: Stage; counts: DeadlineCounts }[];
  /**
   * 等我处理: what only I can move on. A supervisor or admin: every supply scheme waiting for approval
   * (`approval`, any supervisor may approve). A clerk: my in-progress applications except those in a stage
   * where the customer acts (业务收费, 受电工程施工, 签订合同, 归档), `mine-hall-stages`. (waitingFilter)
   */
  waiting: DeadlineCounts & { kind: WaitingKind };
}

/** `active`: in progress and 正常 (the overdue and due-soon ones are their own queues). */
export type WorkbenchQueue = 'overdue' | 'dueSoon' | 'approval' | 'suspended' | 'active';
export type WaitingKind = 'approval' | 'mine-hall-stages';

/*
 * The list filter of every count: `applications.list` with it gives exactly the applications counted, so a
 * count on the 工作台 opens 申请查询 on its own rows (test/integration/store/workbench.test.ts holds each count
 * to its filter).
 */

const ACTIVE: ApplicationFilterInput = { statuses: ['ACTIVE'] };
const APPROVAL: ApplicationFilterInput = { stages: [...SUPERVISOR_EXIT_STAGES], ...ACTIVE };

export const QUEUE_FILTERS: Readonly<Record<WorkbenchQueue, ApplicationFilterInput>> = {
  overdue: { deadline: 'OVERDUE' },
  dueSoon: { deadline: 'DUE_SOON' },
  approval: APPROVAL,
  suspended: { statuses: ['SUSPENDED'] },
  // In progress with time to spare: the overdue and due-soon ones are the two queues above it, not repeated here.
  active: { ...ACTIVE, deadline: 'NORMAL' },
};

/** Stages where the hall acts rather than the customer: a clerk's 等我处理. */
export const HALL_STAGES: readonly Stage[] = STAGES.filter((stage) => !CUSTOMER_TIME_STAGES.has(stage));

const inState = (state: DeadlineState | undefined) => (state ? { deadline: state } : {});

/** 我的待办, optionally one stage of it and one deadline state. */
export function mineFilter(scope: { stage?: Stage; state?: DeadlineState } = {}): ApplicationFilterInput {
  return {
    assignee: ASSIGNEE_ME,
    ...ACTIVE,
    ...(scope.stage ? { stages: [scope.stage] } : {}),
    ...inState(scope.state),
  };
}

/** 等我审批 (approval) or 等我处理 (mine-hall-stages), optionally one deadline state of it. */
export function waitingFilter(kind: WaitingKind, state?: DeadlineState): ApplicationFilterInput {
  const base = kind === 'approval' ? APPROVAL : { ...mineFilter(), stages: [...HALL_STAGES] };
  return { ...base, ...inState(state) };
}

export const workbenchInputs = {
  deferredDue: z
    .object({
      mine: z.boolean().optional().describe('只看我经办的'),
      limit: z.number().int().min(1).max(200).optional().describe('条数'),
    })
    .strict(),
  schemesExpiring: z.object({ limit: z.number().int().min(1).max(200).optional().describe('条数') }).strict(),
};

/** An approved scheme of an application whose customer works have not started, expiring soon or expired. */
export interface SchemeExpiringItem {
  number: string;
  customerName: string;
  businessType: BusinessType;
  stage: Stage;
  deadlineState: DeadlineState;
  version: number;
  /** 有效期至 in force. */
  validUntil: string;
  extended: boolean;
  /** Days from today to validUntil; negative once expired (the application cannot advance: R-GATE-04). */
  daysLeft: number;
}

/** 供电方案即将到期: within the profile's scheme.expiringSoonDays, expired first. */
export interface SchemesExpiringPage {
  /** Every such scheme, not only the ones listed. */
  total: number;
  items: SchemeExpiringItem[];
}

/** One deferred document: due at the current stage (`now`, it blocks every advance) or at the next one. */
export interface DeferredDocumentDue {
  code: DocumentCode;
  dueStage: Stage;
  when: 'now' | 'next';
}

export interface DeferredDueItem {
  number: string;
  customerName: string;
  businessType: BusinessType;
  stage: Stage;
  status: ApplicationStatus;
  /** Where the next advance leads; null at the last stage. */
  nextStage: Stage | null;
  dueDate: string | null;
  deadlineState: DeadlineState;
  assignee: string | null;
  documents: DeferredDocumentDue[];
}

/** 容缺资料临期: in-progress applications whose deferred documents block the current or the next stage. */
export interface DeferredDuePage {
  /** Every such application, not only the ones listed. */
  total: number;
  /** The most urgent first: due now before due next, then by due date. */
  items: DeferredDueItem[];
}
