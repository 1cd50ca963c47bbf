/**
 * 流程操作: advance, return, suspend, resume, cancel and archive, each one transaction that updates the row
 * (stage, status, clock and deadlines), writes the stage events and one audit entry. The legality of a move is
 * decided by shared/workflow; this file only applies the plan.
 */
import type { ApplicationSummary } from '../../../shared/api/applications';
import type { Acknowledgement, ApplicationInput } from '../../../shared/domain/application';
import type { ApplicationStatus, Stage, TimeLimitClass } from '../../../shared/domain/codes';
import {
  clockOnResume,
  clockOnStageChange,
  planAdvance,
  planArchive,
  planCancel,
  planResume,
  planReturn,
  planSuspend,
  type Refusal,
  type WorkflowSnapshot,
} from '../../../shared/workflow';
import { updateApplication, type ApplicationRow } from '../../db/repositories/applicationRepo';
import { insertStageEvent } from '../../db/repositories/stageEventRepo';
import type { HandlerContext } from '../../ipc/context';
import { enforceApplicationRules } from '../applicationRules';
import { fieldDiff } from '../canonicalJson';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import { assertSchemeInForce } from '../schemeExtension';
import { inOneTransaction, mutate, type MutationScope } from '../mutation';
import { loadApplication } from './loadApplication';
import { openOldSiteClosures, refuseLoneClosureCancel, requireOldSiteClosed } from './relocationLinks';
import { clockStateOf, deadlineColumns, summaryOf } from './rowMapping';
import { workflowSnapshotOf } from './workflowSnapshot';

export type MoveRequest =
  | { move: 'advance'; skip?: { stages: Stage[]; reason: string }; acknowledgements?: Acknowledgement[] }
  | { move: 'return'; to: Stage; reason: string }
  | { move: 'suspend'; reasonCode: string; note?: string }
  | { move: 'resume' }
  | { move: 'cancel'; reason: string }
  | { move: 'archive'; acknowledgements?: Acknowledgement[] };

interface Event {
  action: string;
  from: Stage | null;
  to: Stage | null;
  reasonCode?: string | null;
  reason?: string | null;
}

interface Outcome {
  stage: Stage;
  status: ApplicationStatus;
  clock: ReturnType<typeof clockStateOf>;
  suspendedSince: string | null;
  pauseReason: string | null;
  closedAt: string | null;
  events: Event[];
  /** The record when the move changes it (warnings acknowledged at an advance). */
  record?: ApplicationInput;
}

/**
 * The record with the warnings acknowledged at this move: a later reason for the same rule replaces the earlier
 * one, so the record holds one acknowledgement per rule, as at intake.
 */
function withAcknowledgements(app: ApplicationInput, given: readonly Acknowledgement[]): ApplicationInput {
  const byRule = new Map((app.acknowledgements ?? []).map((a) => [a.ruleId, a] as const));
  for (const a of given) byRule.set(a.ruleId, a);
  return { ...app, acknowledgements: [...byRule.values()] };
}

function refused(refusal: Refusal): AppError {
  return new AppError(refusal.code, refusal.message, refusal.problems);
}

/** Where the move leads, or a refusal. */
function outcomeOf(
  row: ApplicationRow,
  snapshot: WorkflowSnapshot,
  request: MoveRequest,
  scope: MutationScope,
): Outcome {
  const { clock, session } = scope;
  const current = clockStateOf(row);
  const base: Outcome = {
    stage: snapshot.stage,
    status: snapshot.status,
    clock: current,
    suspendedSince: row.suspended_since,
    pauseReason: row.pause_reason,
    closedAt: row.closed_at,
    events: [],
  };
  switch (request.move) {
    case 'advance': {
      const plan = planAdvance(snapshot, { role: session.role, ...(request.skip ? { skip: request.skip } : {}) });
      if (!plan.ok) throw refused(plan);
      assertSchemeInForce(scope.db, row, clock.today);
      const given = request.acknowledgements ?? [];
      const app = given.length > 0 ? withAcknowledgements(snapshot.app, given) : snapshot.app;
      enforceApplicationRules(scope.db, app, {
        stage: plan.to,
        today: clock.today,
        calendar: clock.calendar,
        selfId: row.id,
      });
      const skips: Event[] = plan.skipped.map((s) => ({
        action: s.byData ? 'skip-by-data' : 'skip',
        from: s.stage,
        to: null,
        reason: s.reason,
      }));
      return {
        ...base,
        stage: plan.to,
        clock: clockOnStageChange(current, snapshot.stage, clock.today, clock.calendar),
        events: [...skips, { action: 'advance', from: snapshot.stage, to: plan.to }],
        ...(given.length > 0 ? { record: app } : {}),
      };
    }
    case 'return': {
      const plan = planReturn(snapshot, request.to, request.reason);
      if (!plan.ok) throw refused(plan);
      return {
        ...base,
        stage: plan.to,
        clock: clockOnStageChange(current, snapshot.stage, clock.today, clock.calendar),
        events: [{ action: 'return', from: snapshot.stage, to: plan.to, reason: request.reason }],
      };
    }
    case 'suspend': {
      const plan = planSuspend(snapshot, request.reasonCode);
      if (!plan.ok) throw refused(plan);
      return {
        ...base,
        status: plan.status,
        suspendedSince: clock.today,
        pauseReason: request.reasonCode,
        events: [
          {
            action: 'suspend',
            from: snapshot.stage,
            to: snapshot.stage,
            reasonCode: request.reasonCode,
            reason: request.note ?? null,
          },
        ],
      };
    }
    case 'resume': {
      const plan = planResume(snapshot);
      if (!plan.ok) throw refused(plan);
      return {
        ...base,
        status: plan.status,
        clock: clockOnResume(current, snapshot.stage, row.suspended_since ?? clock.today, clock.today, clock.calendar),
        suspendedSince: null,
        pauseReason: null,
        events: [{ action: 'resume', from: snapshot.stage, to: snapshot.stage, reasonCode: row.pause_reason }],
      };
    }
    case 'cancel': {
      const plan = planCancel(snapshot, request.reason);
      if (!plan.ok) throw refused(plan);
      refuseLoneClosureCancel(scope.db, row);
      return {
        ...base,
        status: plan.status,
        closedAt: clock.at,
        events: [{ action: 'cancel', from: snapshot.stage, to: null, reason: request.reason }],
      };
    }
    case 'archive': {
      const plan = planArchive(snapshot);
      if (!plan.ok) throw refused(plan);
      requireOldSiteClosed(scope.db, row);
      const given = request.acknowledgements ?? [];
      const app = given.length > 0 ? withAcknowledgements(snapshot.app, given) : snapshot.app;
      // Closing is the last gate: what is due by ARCHIVE (arrears settled, contract amendment) must be there.
      enforceApplicationRules(scope.db, app, {
        stage: 'ARCHIVE',
        today: clock.today,
        calendar: clock.calendar,
        selfId: row.id,
      });
      return {
        ...base,
        status: plan.status,
        closedAt: clock.at,
        events: [{ action: 'archive', from: snapshot.stage, to: null }],
        ...(given.length > 0 ? { record: app } : {}),
      };
    }
  }
}

function stateColumns(row: ApplicationRow, outcome: Outcome, clock: Clock, changeSeq: number) {
  return {
    stage: outcome.stage,
    status: outcome.status,
    customer_name: row.customer_name,
    id_number: row.id_number,
    phone: row.phone,
    address: row.address,
    account_no: row.account_no,
    updated_at: clock.at,
    stage_start_date: outcome.clock.stageStartDate,
    stage_paused_wd: outcome.clock.stagePausedWorkdays,
    total_paused_wd: outcome.clock.totalPausedWorkdays,
    ...deadlineColumns(outcome.clock, outcome.stage, row.time_limit_class as TimeLimitClass, outcome.status, clock),
    suspended_since: outcome.suspendedSince,
    pause_reason: outcome.pauseReason,
    closed_at: outcome.closedAt,
    record_json: outcome.record ? JSON.stringify(outcome.record) : row.record_json,
    change_seq: changeSeq,
  };
}

/**
 * Applies one move to the application `number`. Cancelling a 迁址 cancels the open closing of its old site in
 * the same transaction, as a move of its own (relocationLinks.ts).
 */
export function moveApplication(ctx: HandlerContext, number: string, request: MoveRequest): ApplicationSummary {
  if (request.move !== 'cancel') return moveOne(ctx, number, request);
  return inOneTransaction(ctx, () => {
    const moved = moveOne(ctx, number, request);
    if (moved.businessType !== 'RELOC') return moved;
    const relocId = loadApplication(ctx.db, number).id;
    for (const closure of openOldSiteClosures(ctx.db, relocId)) {
      moveOne(ctx, closure, { move: 'cancel', reason: `随迁址申请 ${number} 终止：${request.reason}` });
    }
    return moved;
  });
}

function moveOne(ctx: HandlerContext, number: string, request: MoveRequest): ApplicationSummary {
  return mutate(ctx, (scope) => {
    const row = loadApplication(scope.db, number);
    const snapshot = workflowSnapshotOf(scope.db, row);
    const outcome = outcomeOf(row, snapshot, request, scope);
    const update = stateColumns(row, outcome, scope.clock, scope.changeSeq);
    if (!updateApplication(scope.db, row.id, row.version, update)) {
      throw new AppError('CONFLICT', `申请 ${number} 已被他人修改：请刷新后重试。`);
    }
    for (const event of outcome.events) {
      insertStageEvent(scope.db, {
        application_id: row.id,
        action: event.action,
        from_stage: event.from,
        to_stage: event.to,
        reason_code: event.reasonCode ?? null,
        reason: event.reason ?? null,
        user_id: scope.session.userId,
        at: scope.clock.at,
        change_seq: scope.changeSeq,
      });
    }
    const tracked = (r: typeof update | ApplicationRow) => ({
      stage: r.stage,
      status: r.status,
      stageStartDate: r.stage_start_date,
      stageDue: r.stage_due,
      totalDue: r.total_due,
      suspendedSince: r.suspended_since,
      pauseReason: r.pause_reason,
      closedAt: r.closed_at,
    });
    const reasons = outcome.events
      .filter((e) => e.reason || e.reasonCode)
      .map((e) => ({ code: e.reasonCode, text: e.reason }));
    return {
      result: summaryOf({ ...row, ...update }, scope.clock.today),
      audit: {
        action: `application.${request.move}`,
        entity: 'application',
        entityId: number,
        diff: {
          ...fieldDiff(tracked(row), tracked(update)),
          ...(reasons.length > 0 ? fieldDiff({}, { reasons }) : {}),
          // Acknowledged warnings are diffed as the record's, as an update at intake would write them.
          ...(outcome.record
            ? fieldDiff(
                { record: { acknowledgements: snapshot.app.acknowledgements ?? [] } },
                { record: { acknowledgements: outcome.record.acknowledgements } },
              )
            : {}),
        },
      },
    };
  });
}
