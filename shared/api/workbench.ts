/** 工作台: exact counts of the queues, 我的待办 / 等我处理 by deadline state, and 容缺资料临期. */
import { z } from 'zod';
import type { DocumentCode } from '../domain/application';
import type { ApplicationStatus, BusinessType, Stage } from '../domain/codes';
import type { DeadlineState } from '../workflow/clock';

/** Applications per deadline state (正常 / 临期 / 超期, and 无时限 where no clock runs), and their sum. */
export type DeadlineCounts = Record<DeadlineState, number> & { total: number };

export interface WorkbenchCounts {
  /** The Shanghai date the deadline states were judged on. */
  today: string;
  /**
   * The hall's queues, each exactly the rows `applications.list` gives for the queue's filter:
   * overdue {deadline: OVERDUE}, dueSoon {deadline: DUE_SOON}, approval {stages: SCHEME, statuses: ACTIVE},
   * suspended {statuses: SUSPENDED}, active {statuses: ACTIVE}.
   */
  queues: { overdue: number; dueSoon: number; approval: number; suspended: number; active: number };
  /** 我的待办: in-progress applications assigned to me ({assignee: '@me', statuses: ACTIVE}). */
  mine: DeadlineCounts;
  /** The same, per stage in workflow order; stages with none are left out. */
  mineByStage: { stage: Stage; counts: DeadlineCounts }[];
  /**
   * 等我处理: what only I can move on. A supervisor or admin: every supply scheme waiting for approval
   * (`approval`, any supervisor may approve). A clerk: my in-progress applications except those in a stage
   * where the customer acts (业务收费, 受电工程施工, 签订合同, 归档), `mine-hall-stages`.
   */
  waiting: DeadlineCounts & { kind: 'approval' | 'mine-hall-stages' };
}

export const workbenchInputs = {
  deferredDue: z
    .object({
      mine: z.boolean().optional().describe('只看我经办的'),
      limit: z.number().int().min(1).max(200).optional().describe('条数'),
    })
    .strict(),
};

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
