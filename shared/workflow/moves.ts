/**
 * 流程操作 the moves of an application: advance, return, suspend, resume, cancel, archive. Pure checks that
 * say whether a move is legal and where it leads; the store applies the result in one transaction.
 * What the record must hold to enter a stage (documents due, signed contract, passed inspection) is the rule
 * catalogue's job (shared/rules R-DOC-*, R-GATE-*), which the store runs at the target stage of every advance.
 */
import type { ApplicationInput } from '../domain/application';
import type { SupplyScheme } from '../domain/scheme';
import {
  APPLICATION_STATUS_LABELS,
  ROLE_LABELS,
  STAGE_LABELS,
  roleAtLeast,
  type ApplicationStatus,
  type Role,
  type Stage,
} from '../domain/codes';
import type { FieldProblem } from '../api/result';
import { PAUSE_REASONS, type PauseReason } from './pauseReasons';
import { stageIndex, stagePlan, type StageStep } from './stagePlans';

export const MOVES = ['advance', 'return', 'suspend', 'resume', 'cancel', 'archive'] as const;
export type Move = (typeof MOVES)[number];

/**
 * Minimum role per move. Returning and cancelling undo a clerk's work, so they need a supervisor; leaving
 * SCHEME approves the supply scheme and needs one too (SUPERVISOR_EXIT_STAGES). docs/workflow.md.
 */
export const MOVE_ROLES: Record<Move, Role> = {
  advance: 'clerk',
  return: 'supervisor',
  suspend: 'clerk',
  resume: 'clerk',
  cancel: 'supervisor',
  archive: 'clerk',
};

/** Leaving these stages is an approval (方案审批, REFERENCE.md §3.1 "拟定 → 审批 → 答复"). */
export const SUPERVISOR_EXIT_STAGES: ReadonlySet<Stage> = new Set<Stage>(['SCHEME']);

export interface WorkflowSnapshot {
  app: ApplicationInput;
  /** The approved supply scheme in force (null before approval): some optional stages follow it. */
  approvedScheme: SupplyScheme | null;
  stage: Stage;
  status: ApplicationStatus;
}

export interface Refusal {
  ok: false;
  code: 'ILLEGAL_STATE' | 'FORBIDDEN' | 'RULE_VIOLATION' | 'BAD_INPUT';
  message: string;
  problems?: FieldProblem[];
}

export interface SkippedStage {
  stage: Stage;
  /** Why: the optional rule's note (by data) or the user's reason. */
  reason: string;
  byData: boolean;
}

export type AdvancePlan = { ok: true; to: Stage; skipped: SkippedStage[] };
export type ReturnPlan = { ok: true; to: Stage };
export type StatusPlan = { ok: true; status: ApplicationStatus };

const refuse = (code: Refusal['code'], message: string, problems?: FieldProblem[]): Refusal => ({
  ok: false,
  code,
  message,
  ...(problems ? { problems } : {}),
});

function requireActive(s: WorkflowSnapshot, action: string): Refusal | null {
  if (s.status === 'ACTIVE') return null;
  return refuse(
    'ILLEGAL_STATE',
    `申请当前状态为「${APPLICATION_STATUS_LABELS[s.status]}」，不能${action}。${s.status === 'SUSPENDED' ? '请先恢复办理。' : ''}`,
  );
}

function planOf(s: WorkflowSnapshot): readonly StageStep[] {
  return stagePlan(s.app.businessType, s.app.customerClass);
}

export interface AdvanceOptions {
  role: Role;
  /** Optional stages the user skips, with one reason for all of them. */
  skip?: { stages: Stage[]; reason: string };
}

export function planAdvance(s: WorkflowSnapshot, options: AdvanceOptions): AdvancePlan | Refusal {
  const inactive = requireActive(s, '推进到下一环节');
  if (inactive) return inactive;
  const plan = planOf(s);
  const at = stageIndex(plan, s.stage);
  if (at === plan.length - 1) {
    return refuse('ILLEGAL_STATE', `已处于最后环节「${STAGE_LABELS[s.stage]}」：请使用“归档”完成办理。`);
  }
  if (SUPERVISOR_EXIT_STAGES.has(s.stage) && !roleAtLeast(options.role, 'supervisor')) {
    return refuse(
      'FORBIDDEN',
      `离开「${STAGE_LABELS[s.stage]}」即审批通过，需要${ROLE_LABELS.supervisor}或以上权限：请提交班长审批。`,
    );
  }
  const toSkip = new Set(options.skip?.stages ?? []);
  const skipReason = options.skip?.reason.trim() ?? '';
  if (toSkip.size > 0 && skipReason === '') {
    return refuse('BAD_INPUT', '跳过可选环节须填写理由。');
  }
  for (const stage of toSkip) {
    const step = plan.slice(at + 1).find((candidate) => candidate.stage === stage);
    if (!step?.optional) {
      return refuse('ILLEGAL_STATE', `「${STAGE_LABELS[stage]}」不是此申请后续的可选环节，不能跳过。`);
    }
  }
  const skipped: SkippedStage[] = [];
  for (const step of plan.slice(at + 1)) {
    const byData = step.optional?.appliesWhen !== undefined && !step.optional.appliesWhen(s.app, s.approvedScheme);
    if (step.optional && byData) {
      skipped.push({ stage: step.stage, reason: step.optional.note, byData: true });
      continue;
    }
    if (toSkip.has(step.stage)) {
      skipped.push({ stage: step.stage, reason: skipReason, byData: false });
      continue;
    }
    return { ok: true, to: step.stage, skipped };
  }
  // Unreachable while every plan ends with the mandatory ARCHIVE stage.
  return refuse('ILLEGAL_STATE', '没有可进入的下一环节。');
}

export function planReturn(s: WorkflowSnapshot, to: Stage, reason: string): ReturnPlan | Refusal {
  const inactive = requireActive(s, '退回');
  if (inactive) return inactive;
  if (reason.trim() === '') return refuse('BAD_INPUT', '退回须填写理由。');
  const plan = planOf(s);
  const target = stageIndex(plan, to);
  if (target < 0) {
    return refuse('ILLEGAL_STATE', `此类业务没有「${STAGE_LABELS[to]}」环节，不能退回到该环节。`);
  }
  if (target >= stageIndex(plan, s.stage)) {
    return refuse(
      'ILLEGAL_STATE',
      `只能退回到当前环节「${STAGE_LABELS[s.stage]}」之前的环节，「${STAGE_LABELS[to]}」不在其前。`,
    );
  }
  return { ok: true, to };
}

export function planSuspend(s: WorkflowSnapshot, reasonCode: string): StatusPlan | Refusal {
  const inactive = requireActive(s, '挂起');
  if (inactive) return inactive;
  if (s.stage === 'ARCHIVE') return refuse('ILLEGAL_STATE', '归档环节不计时限，无需挂起。');
  if (!isPauseReason(reasonCode)) {
    return refuse(
      'BAD_INPUT',
      `挂起原因代码「${reasonCode}」无效：只能因客户原因挂起，可选 ${PAUSE_REASONS.join('、')}。`,
    );
  }
  return { ok: true, status: 'SUSPENDED' };
}

export function planResume(s: WorkflowSnapshot): StatusPlan | Refusal {
  if (s.status !== 'SUSPENDED') {
    return refuse('ILLEGAL_STATE', `申请当前状态为「${APPLICATION_STATUS_LABELS[s.status]}」，未挂起，无需恢复。`);
  }
  return { ok: true, status: 'ACTIVE' };
}

export function planCancel(s: WorkflowSnapshot, reason: string): StatusPlan | Refusal {
  if (s.status !== 'ACTIVE' && s.status !== 'SUSPENDED') {
    return refuse('ILLEGAL_STATE', `申请当前状态为「${APPLICATION_STATUS_LABELS[s.status]}」，不能终止。`);
  }
  if (reason.trim() === '') return refuse('BAD_INPUT', '终止申请须填写理由。');
  return { ok: true, status: 'CANCELLED' };
}

export function planArchive(s: WorkflowSnapshot): StatusPlan | Refusal {
  const inactive = requireActive(s, '归档');
  if (inactive) return inactive;
  if (s.stage !== 'ARCHIVE') {
    return refuse('ILLEGAL_STATE', `申请尚在「${STAGE_LABELS[s.stage]}」环节，须依次办理到「归档」环节后才能归档。`);
  }
  return { ok: true, status: 'ARCHIVED' };
}

export function isPauseReason(code: string): code is PauseReason {
  return (PAUSE_REASONS as readonly string[]).includes(code);
}
