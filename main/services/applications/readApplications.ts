import {
  ASSIGNEE_ME,
  type ApplicationDetail,
  type ApplicationFilterInput,
  type ApplicationSummary,
  type ListOrder,
  type Page,
} from '../../../shared/api/applications';
import type { ApplicationStatus, BusinessType, Stage, TimeLimitClass } from '../../../shared/domain/codes';
import { deadlineStates } from '../../../shared/workflow/clock';
import { stageIndex, stagePlan, type StageStep } from '../../../shared/workflow/stagePlans';
import {
  listApplications as listRows,
  listApplicationsByDue,
  undatedFilter,
  type ApplicationFilter,
  type ApplicationRow,
  type IdSubquery,
} from '../../db/repositories/applicationRepo';
import { linkedApplications } from '../../db/repositories/applicationLinkRepo';
import { stageEventsOf } from '../../db/repositories/stageEventRepo';
import type { HandlerContext } from '../../ipc/context';
import { clockOf } from '../clock';
import { AppError } from '../errors';
import { userNames } from '../risk/queries';
import { displayNameOf } from '../users';
import { loadApplication } from './loadApplication';
import { deadlinesOf, recordOf, summaryOf } from './rowMapping';
import { approvedSchemeOf } from './workflowSnapshot';

export const DEFAULT_PAGE_SIZE = 50;

/** The detail view: full (unmasked) values, plan with progress, deadlines and history. */
export function getApplication(ctx: HandlerContext, number: string): ApplicationDetail {
  const row = loadApplication(ctx.db, number);
  const { today } = clockOf(ctx);
  const record = recordOf(row);
  const approvedScheme = approvedSchemeOf(ctx.db, row.id);
  const events = stageEventsOf(ctx.db, row.id);
  const skipped = new Map(
    events.filter((e) => e.action.startsWith('skip')).map((e) => [e.from_stage, e.reason ?? undefined] as const),
  );
  const plan = stagePlan(record.businessType, record.customerClass);
  const at = stageIndex(plan, row.stage as Stage);
  const closed = row.status === 'ARCHIVED';
  /** Past steps as moved; an optional step ahead is 'skipped' when the data already rule it out (planAdvance). */
  const stepOf = (step: StageStep, i: number): ApplicationDetail['plan'][number] => {
    const { stage, optional } = step;
    if (closed || i < at) {
      return skipped.has(stage) ? { stage, state: 'skipped', note: skipped.get(stage) } : { stage, state: 'done' };
    }
    if (i === at) return { stage, state: 'current' };
    if (!optional) return { stage, state: 'pending' };
    const byData = optional.appliesWhen?.(record, approvedScheme) === false;
    return byData ? { stage, state: 'skipped', note: optional.note } : { stage, state: 'optional' };
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
    plan: plan.map(stepOf),
    events: events.map((e) => ({
      action: e.action,
      fromStage: e.from_stage as Stage | null,
      toStage: e.to_stage as Stage | null,
      reasonCode: e.reason_code,
      reason: e.reason,
      userId: e.user_id,
      at: e.at,
    })),
    links: linkedApplications(ctx.db, row.id).map((link) => ({
      number: link.number,
      businessType: link.business_type as BusinessType,
      stage: link.stage as Stage,
      status: link.status as ApplicationStatus,
      relation: link.is_owner ? 'relocation' : 'oldSiteClosure',
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

/**
 * Where the previous page ended. Newest first: the last row's id. In due order: its due date and id, or only its
 * id once the page reached the applications without a due date (they follow the dated ones, newest first).
 */
export type Keyset = { due: string | null; id: number };

/** Opaque to callers: `<id base 36>` newest first, `<YYYYMMDD>.<id base 36>` (`.<id>` undated) in due order. */
const CURSOR = /^(?:(\d{4})(\d{2})(\d{2}))?\.([0-9a-z]{1,12})$/;

export function cursorOf(input: { cursor?: string | undefined; order?: ListOrder | undefined }): Keyset | null {
  if (input.cursor === undefined) return null;
  const byDue = (input.order ?? 'newest') !== 'newest';
  const match = byDue ? CURSOR.exec(input.cursor) : /^()()()([0-9a-z]{1,12})$/.exec(input.cursor);
  const id = match ? Number.parseInt(match[4]!, 36) : Number.NaN;
  if (!match || !Number.isSafeInteger(id) || id <= 0) {
    throw new AppError('BAD_INPUT', '翻页标记无效：请从第一页重新查询。');
  }
  return { due: match[1] ? `${match[1]}-${match[2]}-${match[3]}` : null, id };
}

function cursorFor(order: ListOrder, row: ApplicationRow): string {
  const id = row.id.toString(36);
  return order === 'newest' ? id : `${row.due_date?.replaceAll('-', '') ?? ''}.${id}`;
}

/** Newest-first rows of a list or a search: the filter, the id to page below, how many. */
export type NewestRows = (filter: ApplicationFilter, beforeId: number | null, limit: number) => ApplicationRow[];

/**
 * One page in the requested order. In due order the dated rows come first, then (once they are used up) the
 * undated ones newest first; `match` restricts the dated rows to a search's matches.
 */
export function rowsInOrder(
  ctx: HandlerContext,
  filter: ApplicationFilter,
  order: ListOrder,
  after: Keyset | null,
  limit: number,
  newest: NewestRows,
  match?: IdSubquery,
): ApplicationRow[] {
  if (order === 'newest') return newest(filter, after?.id ?? null, limit);
  const direction = order === 'dueAsc' ? 'asc' : 'desc';
  const dated =
    after?.due === null
      ? []
      : listApplicationsByDue(ctx.db, filter, direction, after && { due: after.due, id: after.id }, limit, match);
  const tail = undatedFilter(filter);
  if (dated.length === limit || tail === null) return dated;
  return [...dated, ...newest(tail, after?.due === null ? after.id : null, limit - dated.length)];
}

/** Fetches limit+1 rows to know whether another page follows. */
export function pageOf(
  ctx: HandlerContext,
  limit: number,
  order: ListOrder,
  fetch: (limit: number) => ApplicationRow[],
): Page<ApplicationSummary> {
  const rows = fetch(limit + 1);
  const items = rows.slice(0, limit);
  const { today } = clockOf(ctx);
  const last = items.at(-1);
  const names = userNames(ctx.db);
  return {
    items: items.map((row) => ({
      ...summaryOf(row, today),
      assigneeName: row.assignee === null ? null : displayNameOf(row.assignee, names),
    })),
    nextCursor: rows.length > limit && last ? cursorFor(order, last) : null,
  };
}

export function listApplications(ctx: HandlerContext, input: ApplicationFilterInput): Page<ApplicationSummary> {
  const filter = repositoryFilter(ctx, input);
  const after = cursorOf(input);
  const order = input.order ?? 'newest';
  return pageOf(ctx, input.limit ?? DEFAULT_PAGE_SIZE, order, (limit) =>
    rowsInOrder(ctx, filter, order, after, limit, (f, before, n) => listRows(ctx.db, f, before, n)),
  );
}
