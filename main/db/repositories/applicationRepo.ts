import type { Db } from '../connection';
import { prepared } from '../statements';

/** The extracted columns of an application row (record_json carries the full validated record). */
export interface ApplicationRow {
  id: number;
  number: string;
  customer_id: number;
  business_type: string;
  customer_class: string;
  time_limit_class: string;
  stage: string;
  status: string;
  customer_name: string;
  id_number: string;
  phone: string;
  address: string;
  account_no: string | null;
  application_date: string;
  created_at: string;
  updated_at: string;
  accept_date: string;
  stage_start_date: string;
  stage_paused_wd: number;
  total_paused_wd: number;
  stage_due: string | null;
  stage_warn: string | null;
  total_due: string | null;
  total_warn: string | null;
  due_date: string | null;
  warn_date: string | null;
  suspended_since: string | null;
  pause_reason: string | null;
  closed_at: string | null;
  record_json: string;
  version: number;
  change_seq: number;
  /** 经办人 user id (migration 0003): the accepting hall user on insert, then the assignment service. */
  assignee: string | null;
}

export type NewApplicationRow = Omit<ApplicationRow, 'id'>;

/** Columns a move or an edit may change; the row's identity and creation stay fixed. */
const UPDATABLE = [
  'stage',
  'status',
  'customer_name',
  'id_number',
  'phone',
  'address',
  'account_no',
  'updated_at',
  'stage_start_date',
  'stage_paused_wd',
  'total_paused_wd',
  'stage_due',
  'stage_warn',
  'total_due',
  'total_warn',
  'due_date',
  'warn_date',
  'suspended_since',
  'pause_reason',
  'closed_at',
  'record_json',
  'change_seq',
] as const satisfies readonly (keyof ApplicationRow)[];

export type ApplicationStateUpdate = Pick<ApplicationRow, (typeof UPDATABLE)[number]>;

const COLUMNS: readonly (keyof NewApplicationRow)[] = [
  'number',
  'customer_id',
  'business_type',
  'customer_class',
  'time_limit_class',
  'application_date',
  'created_at',
  'accept_date',
  'version',
  'assignee',
  ...UPDATABLE,
];

const INSERT_SQL = `INSERT INTO applications (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')})`;

export function insertApplication(db: Db, row: NewApplicationRow): number {
  return Number(prepared(db, INSERT_SQL).run(row).lastInsertRowid);
}

const UPDATE_SQL = `UPDATE applications SET ${UPDATABLE.map((c) => `${c} = @${c}`).join(', ')}, version = version + 1
  WHERE id = @id AND version = @version`;

/** Optimistic update: returns false when the row changed since it was read (another window or process). */
export function updateApplication(db: Db, id: number, version: number, update: ApplicationStateUpdate): boolean {
  return prepared(db, UPDATE_SQL).run({ ...update, id, version }).changes === 1;
}

export function getApplicationByNumber(db: Db, number: string): ApplicationRow | undefined {
  return prepared<[string], ApplicationRow>(db, 'SELECT * FROM applications WHERE number = ?').get(number);
}

export function getApplicationsByIds(db: Db, ids: number[]): ApplicationRow[] {
  if (ids.length === 0) return [];
  const rows = prepared<number[], ApplicationRow>(
    db,
    `SELECT * FROM applications WHERE id IN (${ids.map(() => '?').join(', ')})`,
  ).all(...ids);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id)).filter((row): row is ApplicationRow => row !== undefined);
}

/** Filters of list and search. Every array is "any of"; absent means no filter. */
export interface ApplicationFilter {
  stages?: string[];
  businessTypes?: string[];
  customerClasses?: string[];
  statuses?: string[];
  /** Deadline state on `today` (shared/workflow/clock.ts). */
  deadline?: { state: 'NONE' | 'NORMAL' | 'DUE_SOON' | 'OVERDUE'; today: string };
  applicationDateFrom?: string;
  applicationDateTo?: string;
  /** 经办人 user id. */
  assignee?: string;
}

/** SQL condition and parameters of a filter on table alias `a`. */
export function filterSql(filter: ApplicationFilter): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const anyOf = (column: string, values: string[] | undefined) => {
    if (!values || values.length === 0) return;
    where.push(`a.${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  anyOf('stage', filter.stages);
  anyOf('business_type', filter.businessTypes);
  anyOf('customer_class', filter.customerClasses);
  anyOf('status', filter.statuses);
  if (filter.deadline) {
    const { state, today } = filter.deadline;
    const condition = {
      NONE: ['a.due_date IS NULL', []],
      NORMAL: ['a.warn_date > ?', [today]],
      DUE_SOON: ['a.warn_date <= ? AND a.due_date >= ?', [today, today]],
      OVERDUE: ['a.due_date < ?', [today]],
    }[state] as [string, string[]];
    where.push(condition[0]);
    params.push(...condition[1]);
  }
  if (filter.applicationDateFrom) {
    where.push('a.application_date >= ?');
    params.push(filter.applicationDateFrom);
  }
  if (filter.applicationDateTo) {
    where.push('a.application_date <= ?');
    params.push(filter.applicationDateTo);
  }
  if (filter.assignee) {
    where.push('a.assignee = ?');
    params.push(filter.assignee);
  }
  return { where, params };
}

/**
 * One page of applications, newest first. Keyset paging on id (ids grow with creation), so a page never
 * repeats or skips rows when new applications arrive between pages.
 */
export function listApplications(
  db: Db,
  filter: ApplicationFilter,
  beforeId: number | null,
  limit: number,
): ApplicationRow[] {
  const { where, params } = filterSql(filter);
  if (beforeId !== null) {
    where.push('a.id < ?');
    params.push(beforeId);
  }
  const sql = `SELECT a.* FROM applications a ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY a.id DESC LIMIT ?`;
  return prepared<unknown[], ApplicationRow>(db, sql).all(...params, limit);
}

export function countApplications(db: Db): number {
  return prepared<[], { n: number }>(db, 'SELECT count(*) AS n FROM applications').get()!.n;
}

/** A search's matches as a subquery of application ids, to restrict a due-ordered page to them. */
export interface IdSubquery {
  sql: string;
  params: unknown[];
}

/** Where a page in due order ended: the last row's due date and id. */
export interface DueKeyset {
  due: string;
  id: number;
}

/**
 * One page of the applications that have a due date, by (due_date, id) ascending or descending; keyset paging,
 * so a page never repeats or skips rows. INDEXED BY: given a filter, the planner otherwise reads that filter
 * column's index and sorts every match (600 ms for one customer class at 1,000,000 applications), while
 * applications_due_order holds every filter column and answers a page from the index in a few milliseconds.
 */
export function listApplicationsByDue(
  db: Db,
  filter: ApplicationFilter,
  direction: 'asc' | 'desc',
  after: DueKeyset | null,
  limit: number,
  match?: IdSubquery,
): ApplicationRow[] {
  const { where, params } = filterSql(filter);
  where.push('a.due_date IS NOT NULL');
  if (match) {
    where.push(`a.id IN (${match.sql})`);
    params.push(...match.params);
  }
  const [op, sort] = direction === 'asc' ? ['>', 'ASC'] : ['<', 'DESC'];
  if (after) {
    // The range term on due_date alone lets the index seek; the OR settles ties on the same day by id.
    where.push(`a.due_date ${op}= ? AND (a.due_date ${op} ? OR a.id ${op} ?)`);
    params.push(after.due, after.due, after.id);
  }
  const sql = `SELECT a.* FROM applications a INDEXED BY applications_due_order WHERE ${where.join(' AND ')}
    ORDER BY a.due_date ${sort}, a.id ${sort} LIMIT ?`;
  return prepared<unknown[], ApplicationRow>(db, sql).all(...params, limit);
}

/**
 * The filter restricted to applications without a due date (the tail of a due-ordered list), or null when the
 * filter asks for a deadline state that needs one.
 */
export function undatedFilter(filter: ApplicationFilter): ApplicationFilter | null {
  if (filter.deadline && filter.deadline.state !== 'NONE') return null;
  return { ...filter, deadline: { state: 'NONE', today: filter.deadline?.today ?? '' } };
}
