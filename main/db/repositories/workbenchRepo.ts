/**
 * 工作台 reads: counts per deadline state and the scan behind 容缺资料临期, on the partial indexes of migration
 * 0005 so that they read index entries of in-progress applications only, never the (large) rows.
 */
import type { DeadlineState } from '../../../shared/workflow/clock';
import type { Db } from '../connection';
import { prepared } from '../statements';
import { filterSql, type ApplicationFilter } from './applicationRepo';

/** The deadline state of a row on @today, by the same conditions as the deadline filter of filterSql. */
export const DEADLINE_STATE_SQL = `CASE WHEN a.due_date IS NULL THEN 'NONE' WHEN a.due_date < @today THEN 'OVERDUE'
  WHEN a.warn_date <= @today THEN 'DUE_SOON' ELSE 'NORMAL' END`;

/** Rows matching a list filter: the count of exactly what applications.list pages through. */
export function countMatching(db: Db, filter: ApplicationFilter): number {
  const { where, params } = filterSql(filter);
  const sql = `SELECT count(*) AS n FROM applications a ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  return prepared<unknown[], { n: number }>(db, sql).get(...params)!.n;
}

export interface StageStateCount {
  stage: string;
  state: DeadlineState;
  n: number;
}

/**
 * In-progress (ACTIVE) applications per stage and deadline state, either those assigned to one user or those
 * in the given stages. INDEXED BY: with the bound values the planner cannot see that the partial indexes
 * apply and reads the stage or assignee index plus every row instead.
 */
export function activeByStageAndState(
  db: Db,
  today: string,
  scope: { assignee: string } | { stages: readonly string[] },
): StageStateCount[] {
  const [index, condition] =
    'assignee' in scope
      ? ['applications_active_assignee', 'a.assignee = @assignee']
      : ['applications_active', 'a.stage IN (SELECT value FROM json_each(@stages))'];
  const sql = `SELECT a.stage AS stage, ${DEADLINE_STATE_SQL} AS state, count(*) AS n FROM applications a INDEXED BY ${index}
    WHERE a.status = 'ACTIVE' AND ${condition} GROUP BY 1, 2`;
  const params =
    'assignee' in scope ? { today, assignee: scope.assignee } : { today, stages: JSON.stringify(scope.stages) };
  return prepared<[typeof params], StageStateCount>(db, sql).all(params);
}

/** A deferred document of an in-progress application, with what decides whether it falls due soon. */
export interface DeferredCandidate {
  id: number;
  stage: string;
  business_type: string;
  customer_class: string;
  due_date: string | null;
  code: string;
  due_stage: string;
}

/**
 * Deferred documents of in-progress applications whose (type, class, stage, due stage) is one of `keys`
 * (`TYPE|CLASS|STAGE|DUE`): the combinations in which the document can block the current or the next stage.
 * The keys are materialised once per query; the scan walks applications_active and probes
 * required_documents_deferred, 50 ms for the 100,000 in-progress applications of the 1,000,000 demo hall.
 */
export function deferredCandidates(db: Db, keys: readonly string[], assignee: string | null): DeferredCandidate[] {
  const [index, mine] = assignee
    ? ['applications_active_assignee', 'AND a.assignee = @assignee']
    : ['applications_active', ''];
  const sql = `WITH reach(key) AS MATERIALIZED (SELECT value FROM json_each(@keys))
    SELECT a.id AS id, a.stage AS stage, a.business_type AS business_type, a.customer_class AS customer_class,
      a.due_date AS due_date, d.code AS code, d.due_stage AS due_stage
    FROM applications a INDEXED BY ${index}
    JOIN required_documents d ON d.application_id = a.id AND d.status = 'DEFERRED'
    JOIN reach r ON r.key = a.business_type || '|' || a.customer_class || '|' || a.stage || '|' || d.due_stage
    WHERE a.status = 'ACTIVE' ${mine}`;
  const params = { keys: JSON.stringify(keys), ...(assignee ? { assignee } : {}) };
  return prepared<[typeof params], DeferredCandidate>(db, sql).all(params);
}
