/** Application, list and search types and input schemas crossing the API (IPC, harness, CLI). */
import { z } from 'zod';
import { acknowledgementSchema, applicationInputSchema, type ApplicationInput } from '../domain/application';
import {
  APPLICATION_STATUSES,
  BUSINESS_TYPES,
  CUSTOMER_CLASSES,
  STAGES,
  type ApplicationStatus,
  type BusinessType,
  type CustomerClass,
  type Stage,
  type TimeLimitClass,
} from '../domain/codes';
import { DEADLINE_STATES, type DeadlineState, type Deadlines } from '../workflow/clock';
import { PAUSE_REASONS } from '../workflow/pauseReasons';

/** 申请编号 `<hall code>-<YYYYMMDD>-<4-digit daily sequence>` (docs/application-format.md). */
const applicationNumber = z.string().min(1).max(40).describe('申请编号');
const reason = z.string().trim().min(1, '请填写理由').max(512);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

/** Warnings acknowledged at a move (确认并推进), stored and audited like those given at intake. */
const moveAcknowledgements = z
  .array(acknowledgementSchema.extend({ reason }))
  .max(50)
  .optional()
  .describe('确认的警告');

/** The `assignee` filter value that stands for the signed-in user. */
export const ASSIGNEE_ME = '@me';

/**
 * Row order of lists and searches: newest first (by id), or by 到期日 (earliest of the stage and total due
 * dates). Applications without a due date (suspended, closed, or in a stage without a limit) follow the dated
 * ones in both due orders, newest first.
 */
export const LIST_ORDERS = ['newest', 'dueAsc', 'dueDesc'] as const;
export type ListOrder = (typeof LIST_ORDERS)[number];
export const LIST_ORDER_LABELS: Record<ListOrder, string> = {
  newest: '最近录入在前',
  dueAsc: '到期日由近到远',
  dueDesc: '到期日由远到近',
};

export const applicationFilterSchema = z.object({
  stages: z.array(z.enum(STAGES)).max(STAGES.length).optional().describe('环节'),
  businessTypes: z.array(z.enum(BUSINESS_TYPES)).max(BUSINESS_TYPES.length).optional().describe('业务类型'),
  customerClasses: z.array(z.enum(CUSTOMER_CLASSES)).max(CUSTOMER_CLASSES.length).optional().describe('用户分类'),
  statuses: z.array(z.enum(APPLICATION_STATUSES)).max(APPLICATION_STATUSES.length).optional().describe('状态'),
  deadline: z.enum(DEADLINE_STATES).optional().describe('时限状态'),
  applicationDateFrom: isoDate.optional().describe('申请日期起'),
  applicationDateTo: isoDate.optional().describe('申请日期止'),
  /** 经办人: a user id, or ASSIGNEE_ME for the signed-in user (so a saved "我的…" filter follows its owner). */
  assignee: z.string().trim().min(1).max(64).optional().describe('经办人'),
  order: z.enum(LIST_ORDERS).optional().describe('排序'),
  /** Opaque cursor from the previous page's `nextCursor`. */
  cursor: z.string().max(32).optional(),
  limit: z.number().int().min(1).max(200).optional().describe('每页条数'),
});
export type ApplicationFilterInput = z.input<typeof applicationFilterSchema>;

export const applicationInputs = {
  create: z.object({ record: applicationInputSchema }),
  update: z.object({
    number: applicationNumber,
    record: applicationInputSchema,
    /** 更正理由: required after 供电方案 and for a change of the customer's identity (shared/workflow/corrections). */
    reason: reason.optional().describe('更正理由'),
  }),
  get: z.object({ number: applicationNumber }),
  list: applicationFilterSchema,
  advance: z.object({
    number: applicationNumber,
    skip: z.object({ stages: z.array(z.enum(STAGES)).min(1).max(STAGES.length), reason }).optional(),
    acknowledgements: moveAcknowledgements,
  }),
  return: z.object({ number: applicationNumber, to: z.enum(STAGES), reason }),
  suspend: z.object({
    number: applicationNumber,
    reasonCode: z.enum(PAUSE_REASONS),
    note: z.string().max(512).optional(),
  }),
  resume: z.object({ number: applicationNumber }),
  cancel: z.object({ number: applicationNumber, reason }),
  archive: z.object({ number: applicationNumber, acknowledgements: moveAcknowledgements }),
  /**
   * The checks only the database can make (duplicate open application R-DUP-*, unknown 户号, open applications on
   * the account), run while the form is typed: the record as typed so far, and the application being corrected.
   */
  checkLookups: z.object({
    record: z.record(z.string(), z.unknown()),
    number: applicationNumber.optional(),
    stage: z.enum(STAGES).optional(),
  }),
  search: applicationFilterSchema.extend({ text: z.string().trim().min(1, '请输入搜索内容').max(100) }),
};

/** One row of a list or search result; ID number and phone are masked. */
export interface ApplicationSummary {
  number: string;
  businessType: BusinessType;
  customerClass: CustomerClass;
  stage: Stage;
  status: ApplicationStatus;
  customerName: string;
  idNumber: string;
  phone: string;
  address: string;
  applicationDate: string;
  createdAt: string;
  dueDate: string | null;
  deadlineState: DeadlineState;
  /** 经办人 user id, null when nobody is assigned. */
  assignee: string | null;
  /** The 经办人's display name, in lists (申请查询); the id where no user has it. */
  assigneeName?: string | null;
}

export interface Page<T> {
  items: T[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor: string | null;
}

export interface StageEvent {
  action: string;
  fromStage: Stage | null;
  toStage: Stage | null;
  reasonCode: string | null;
  reason: string | null;
  userId: string;
  at: string;
}

export type PlanStepState = 'done' | 'current' | 'skipped' | 'pending' | 'optional';

/** The full record for the detail view: unmasked values, plan, deadlines and history. */
export interface ApplicationDetail extends ApplicationSummary {
  record: ApplicationInput;
  accountNo: string | null;
  timeLimitClass: TimeLimitClass;
  deadlines: Deadlines & { stageState: DeadlineState; totalState: DeadlineState };
  pauseReason: string | null;
  suspendedSince: string | null;
  /** `note`: why a step is skipped (the rule's note or the user's reason) or when an optional one may be. */
  plan: { stage: Stage; state: PlanStepState; note?: string }[];
  events: StageEvent[];
  /** Applications linked to this one: the 销户 of a 迁址's old site, or the 迁址 a 销户 belongs to. */
  links: LinkedApplication[];
  version: number;
}

export interface LinkedApplication {
  number: string;
  businessType: BusinessType;
  stage: Stage;
  status: ApplicationStatus;
  /** oldSiteClosure: the other is the 销户 of this 迁址's old site; relocation: the other is the 迁址. */
  relation: 'oldSiteClosure' | 'relocation';
}
