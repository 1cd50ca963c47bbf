/**
 * 容缺资料临期: in-progress applications with a deferred document (REFERENCE.md §4.1) that blocks the current
 * or the next stage. R-DOC-03 refuses entering a stage at or past a deferred document's due stage (in STAGES
 * order), so a document is listed when its due stage is not after the current stage (`now`: no advance passes
 * until it is received) or not after the stage the next advance leads to (`next`).
 */
import type { DeferredDocumentDue, DeferredDueItem, DeferredDuePage } from '../../../shared/api/workbench';
import type { DocumentCode } from '../../../shared/domain/application';
import { BUSINESS_TYPE_INFO, BUSINESS_TYPES, STAGES, type Stage } from '../../../shared/domain/codes';
import { planAdvance } from '../../../shared/workflow/moves';
import { stagePlan, type StageStep } from '../../../shared/workflow/stagePlans';
import type { Db } from '../../db/connection';
import { getApplicationsByIds, type ApplicationRow } from '../../db/repositories/applicationRepo';
import { deferredCandidates, type DeferredCandidate } from '../../db/repositories/workbenchRepo';
import type { HandlerContext } from '../../ipc/context';
import { summaryOf } from '../applications/rowMapping';
import { workflowSnapshotOf } from '../applications/workflowSnapshot';
import { clockOf } from '../clock';

const DEFAULT_LIMIT = 20;
const order = (stage: string) => STAGES.indexOf(stage as Stage);

/**
 * Where the next advance from step `at` can lead without a user's skip: the next step, or past it while steps
 * are optional by data (planAdvance skips them when their `appliesWhen` says no). `byData`: which of `stages`
 * depends on the record.
 */
function reachOf(plan: readonly StageStep[], at: number): { stages: Stage[]; byData: boolean } {
  const stages: Stage[] = [];
  for (const step of plan.slice(at + 1)) {
    stages.push(step.stage);
    if (!step.optional?.appliesWhen) break;
  }
  return { stages, byData: Boolean(plan[at + 1]?.optional?.appliesWhen) };
}

const keyOf = (type: string, cls: string, stage: string) => `${type}|${cls}|${stage}`;

/** Per business type, class and stage: the reach of the next advance; and every combination worth scanning. */
const { REACH, SCAN_KEYS } = (() => {
  const reach = new Map<string, { stages: Stage[]; byData: boolean }>();
  const keys: string[] = [];
  for (const type of BUSINESS_TYPES) {
    for (const cls of BUSINESS_TYPE_INFO[type].classes) {
      const plan = stagePlan(type, cls);
      plan.forEach((step, at) => {
        const r = reachOf(plan, at);
        reach.set(keyOf(type, cls, step.stage), r);
        const furthest = Math.max(order(step.stage), ...r.stages.map(order));
        for (const due of STAGES.slice(0, furthest + 1)) keys.push(`${keyOf(type, cls, step.stage)}|${due}`);
      });
    }
  }
  return { REACH: reach, SCAN_KEYS: keys };
})();

/** Rows by id in chunks (one statement per 500 ids keeps clear of SQLite's parameter limit). */
function rowsByIds(db: Db, ids: number[]): Map<number, ApplicationRow> {
  const rows = new Map<number, ApplicationRow>();
  for (let at = 0; at < ids.length; at += 500) {
    for (const row of getApplicationsByIds(db, ids.slice(at, at + 500))) rows.set(row.id, row);
  }
  return rows;
}

export interface Due {
  id: number;
  stage: Stage;
  dueDate: string | null;
  next: Stage | null;
  documents: DeferredDocumentDue[];
}

/** Of these deferred documents (in-progress applications), those that block the current or the next stage. */
export function dueDeferred(db: Db, candidates: readonly DeferredCandidate[]): Due[] {
  const byApplication = new Map<number, DeferredCandidate[]>();
  for (const c of candidates) byApplication.set(c.id, [...(byApplication.get(c.id) ?? []), c]);
  const reachOfRow = (c: DeferredCandidate) => REACH.get(keyOf(c.business_type, c.customer_class, c.stage));
  // The record decides the next stage only where an optional-by-data step lies ahead, and matters only for a
  // document due between the nearest and the furthest stage the advance may lead to.
  const undecided = ([c, ...rest]: DeferredCandidate[]) => {
    const reach = reachOfRow(c!);
    if (!reach?.byData) return false;
    const nearest = Math.min(...reach.stages.map(order));
    const furthest = Math.max(...reach.stages.map(order));
    return [c!, ...rest].some(
      (d) => order(d.due_stage) > Math.max(nearest, order(d.stage)) && order(d.due_stage) <= furthest,
    );
  };
  const records = rowsByIds(
    db,
    [...byApplication.values()].filter(undecided).map(([c]) => c!.id),
  );
  const due: Due[] = [];
  for (const [id, docs] of byApplication) {
    const first = docs[0]!;
    const stage = first.stage as Stage;
    const reach = reachOfRow(first);
    const row = records.get(id);
    const planned = row && planAdvance({ ...workflowSnapshotOf(db, row), stage, status: 'ACTIVE' }, { role: 'admin' });
    // Without the record: the nearest stage, which every document listed below is due by anyway.
    const next = planned ? (planned.ok ? planned.to : null) : (reach?.stages[0] ?? null);
    const documents = docs.flatMap((d): DeferredDocumentDue[] => {
      const when =
        order(d.due_stage) <= order(stage) ? 'now' : next && order(d.due_stage) <= order(next) ? 'next' : null;
      return when ? [{ code: d.code as DocumentCode, dueStage: d.due_stage as Stage, when }] : [];
    });
    if (documents.length) due.push({ id, stage, dueDate: first.due_date, next, documents });
  }
  return due;
}

export function deferredDue(ctx: HandlerContext, input: { mine?: boolean; limit?: number }): DeferredDuePage {
  const due = dueDeferred(ctx.db, deferredCandidates(ctx.db, SCAN_KEYS, input.mine ? ctx.session.userId : null));
  const urgency = (d: Due) => (d.documents.some((doc) => doc.when === 'now') ? 0 : 1);
  due.sort(
    (a, b) => urgency(a) - urgency(b) || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.id - b.id,
  );
  const shown = due.slice(0, input.limit ?? DEFAULT_LIMIT);
  const rows = rowsByIds(
    ctx.db,
    shown.map((d) => d.id),
  );
  const { today } = clockOf(ctx);
  return {
    total: due.length,
    items: shown.map((d): DeferredDueItem => {
      const summary = summaryOf(rows.get(d.id)!, today);
      return {
        number: summary.number,
        customerName: summary.customerName,
        businessType: summary.businessType,
        stage: d.stage,
        status: summary.status,
        nextStage: d.next,
        dueDate: summary.dueDate,
        deadlineState: summary.deadlineState,
        assignee: summary.assignee,
        documents: d.documents,
      };
    }),
  };
}
