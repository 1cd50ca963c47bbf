import {
  ASSIGNEE_ME,
  type ApplicationDetail,
  type ApplicationFilterInput,
  type ApplicationSummary,
  type Page,
  type PlanStepState,
} from '../../../shared/api/applications';
import type { Stage, TimeLimitClass } from '../../../shared/domain/codes';
import { deadlineStates } from '../../../shared/workflow/clock';
import { stageIndex, stagePlan } from '../../../shared/workflow/stagePlans';
import {
  listApplications as listRows,
  type ApplicationFilter,
  type ApplicationRow,
} from '../../db/repositories/applicationRepo';
import { stageEventsOf } from '../../db/repositories/stageEventRepo';
import type { HandlerContext } from '../../ipc/context';
import { clockOf } from '../clock';
import { AppError } from '../errors';
import { loadApplication } from './loadApplication';
import { deadlinesOf, recordOf, summaryOf } from './rowMapping';

export const DEFAULT_PAGE_SIZE = 50;

/** The detail view: full (unmasked) values, plan with progress, deadlines and history. */
export function getApplication(ctx: HandlerContext, number: string): ApplicationDetail {
  const row = loadApplication(ctx.db, number);
  const { today } = clockOf(ctx);
  const record = recordOf(row);
  const events = stageEventsOf(ctx.db, row.id);
  const skipped = new Set(events.filter((e) => e.action.startsWith('skip')).map((e) => e.from_stage));
  const plan = stagePlan(record.businessType, record.customerClass);
  const at = stageIndex(plan, row.stage as Stage);
  const closed = row.status === 'ARCHIVED';
  const stepState = (stage: Stage, i: number): PlanStepState => {
    if (closed || i < at) return skipped.has(stage) ? 'skipped' : 'done';
    if (i === at) return 'current';
    return plan[i]?.optional ? 'optional' : 'pending';
  };
  const deadlines = deadlinesOf(row);
  const states = deadlineStates(deadlines, today);
  return {
    ...summaryOf(row, today, false),
    record,
    accountNo: row.account_no,
    timeLimitClass: row.time_limit_class as TimeLimitClass,
    deadlines: { ...deadlines, stageState: states.stage, totalState: states.total },
    pauseReason: row.pause_reason,
    suspendedSince: row.suspended_since,
    plan: plan.map((step, i) => ({ stage: step.stage, state: stepState(step.stage, i) })),
    events: events.map((e) => ({
      action: e.action,
      fromStage: e.from_stage as Stage | null,
      toStage: e.to_stage as Stage | null,
      reasonCode: e.reason_code,
      reason: e.reason,
      userId: e.user_id,
      at: e.at,
    })),
    version: row.version,
  };
}

/** Filter input → repository filter; the deadline state is judged on today's Shanghai date. */
export function repositoryFilter(ctx: HandlerContext, input: ApplicationFilterInput): ApplicationFilter {
  return {
    ...(input.stages ? { stages: input.stages } : {}),
    ...(input.businessTypes ? { businessTypes: input.businessTypes } : {}),
    ...(input.customerClasses ? { customerClasses: input.customerClasses } : {}),
    ...(input.statuses ? { statuses: input.statuses } : {}),
    ...(input.deadline ? { deadline: { state: input.deadline, today: clockOf(ctx).today } } : {}),
    ...(input.applicationDateFrom ? { applicationDateFrom: input.applicationDateFrom } : {}),
    ...(input.applicationDateTo ? { applicationDateTo: input.applicationDateTo } : {}),
    ...(input.assignee ? { assignee: input.assignee === ASSIGNEE_ME ? ctx.session.userId : input.assignee } : {}),
  };
}

/** Cursor = the last row's id in base 36: opaque to callers, stable under inserts. */
export function cursorOf(input: { cursor?: string | undefined }): number | null {
  if (input.cursor === undefined) return null;
  const id = Number.parseInt(input.cursor, 36);
  if (!Number.isSafeInteger(id) || id <= 0) throw new AppError('BAD_INPUT', '翻页标记无效：请从第一页重新查询。');
  return id;
}

/** Fetches limit+1 rows to know whether another page follows. */
export function pageOf(
  ctx: HandlerContext,
  limit: number,
  fetch: (limit: number) => ApplicationRow[],
): Page<ApplicationSummary> {
  const rows = fetch(limit + 1);
  const items = rows.slice(0, limit);
  const { today } = clockOf(ctx);
  const last = items.at(-1);
  return {
    items: items.map((row) => summaryOf(row, today)),
    nextCursor: rows.length > limit && last ? last.id.toString(36) : null,
  };
}

export function listApplications(ctx: HandlerContext, input: ApplicationFilterInput): Page<ApplicationSummary> {
  const filter = repositoryFilter(ctx, input);
  const before = cursorOf(input);
  return pageOf(ctx, input.limit ?? DEFAULT_PAGE_SIZE, (limit) => listRows(ctx.db, filter, before, limit));
}
