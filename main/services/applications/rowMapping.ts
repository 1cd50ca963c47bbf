/** Between the applications row and the API shapes: summaries (masked), deadlines, clock state. */
import type { ApplicationSummary } from '../../../shared/api/applications';
import type { ApplicationInput } from '../../../shared/domain/application';
import type {
  ApplicationStatus,
  BusinessType,
  CustomerClass,
  Stage,
  TimeLimitClass,
} from '../../../shared/domain/codes';
import { maskIdNumber, maskPhone } from '../../../shared/domain/masking';
import {
  computeDeadlines,
  deadlineStates,
  earliest,
  type ClockState,
  type Deadlines,
} from '../../../shared/workflow/clock';
import type { ApplicationRow } from '../../db/repositories/applicationRepo';
import type { Clock } from '../clock';

export function recordOf(row: ApplicationRow): ApplicationInput {
  return JSON.parse(row.record_json) as ApplicationInput;
}

export function clockStateOf(row: ApplicationRow): ClockState {
  return {
    acceptDate: row.accept_date,
    stageStartDate: row.stage_start_date,
    stagePausedWorkdays: row.stage_paused_wd,
    totalPausedWorkdays: row.total_paused_wd,
  };
}

export function deadlinesOf(row: ApplicationRow): Deadlines {
  return { stageDue: row.stage_due, stageWarn: row.stage_warn, totalDue: row.total_due, totalWarn: row.total_warn };
}

/** The deadline columns for a clock state, stage and status. */
export function deadlineColumns(
  clockState: ClockState,
  stage: Stage,
  limitClass: TimeLimitClass,
  status: ApplicationStatus,
  clock: Clock,
): Pick<ApplicationRow, 'stage_due' | 'stage_warn' | 'total_due' | 'total_warn' | 'due_date' | 'warn_date'> {
  const deadlines = computeDeadlines(clockState, stage, limitClass, status === 'ACTIVE', clock.limits, clock.calendar);
  const { due, warn } = earliest(deadlines);
  return {
    stage_due: deadlines.stageDue,
    stage_warn: deadlines.stageWarn,
    total_due: deadlines.totalDue,
    total_warn: deadlines.totalWarn,
    due_date: due,
    warn_date: warn,
  };
}

/** The application's number, kind and where it stands, typed as the shared domain names them. */
export function applicationStateOf(
  row: Pick<ApplicationRow, 'number' | 'business_type' | 'customer_class' | 'stage' | 'status'>,
): Pick<ApplicationSummary, 'number' | 'businessType' | 'customerClass' | 'stage' | 'status'> {
  return {
    number: row.number,
    businessType: row.business_type as BusinessType,
    customerClass: row.customer_class as CustomerClass,
    stage: row.stage as Stage,
    status: row.status as ApplicationStatus,
  };
}

/** The row's fields that list, search and the CLI show; `mask` hides ID number and phone. */
export function summaryOf(row: ApplicationRow, today: string, mask = true): ApplicationSummary {
  return {
    ...applicationStateOf(row),
    customerName: row.customer_name,
    idNumber: mask ? maskIdNumber(row.id_number) : row.id_number,
    phone: mask ? maskPhone(row.phone) : row.phone,
    address: row.address,
    applicationDate: row.application_date,
    createdAt: row.created_at,
    dueDate: row.due_date,
    deadlineState: deadlineStates(deadlinesOf(row), today).overall,
    assignee: row.assignee,
  };
}

/** Searchable and filterable columns extracted from a record. */
export function extractedColumns(app: ApplicationInput) {
  return {
    customer_name: app.customer.name,
    id_number: app.customer.idNumber,
    phone: app.customer.phone,
    address: app.site.address,
    account_no: app.accountNo ?? null,
  };
}
