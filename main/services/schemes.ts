/**
 * 供电方案 versions (REFERENCE.md §6.3, R-GATE-02): a draft is edited freely; a supervisor approves it;
 * approved versions are immutable (a trigger guards them). Changing an approved scheme starts a new draft,
 * which needs a supervisor and a reason, and is refused while a signed contract locks the scheme.
 */
import type { SchemeVersion } from '../../shared/api/schemes';
import { roleAtLeast, ROLE_LABELS } from '../../shared/domain/codes';
import { schemeAdvice, schemeApprovalProblems, schemeValidity, validityMonthsProblem } from '../../shared/rules';
import type { SupplyScheme } from '../../shared/domain/scheme';
import { schemeProblems } from '../../shared/domain/schemeChecks';
import type { ApplicationRow } from '../db/repositories/applicationRepo';
import {
  approveSchemeVersion,
  insertSchemeVersion,
  schemeVersionsOf,
  updateDraftContent,
  type SchemeVersionRow,
} from '../db/repositories/schemeRepo';
import type { Db } from '../db/connection';
import type { HandlerContext } from '../ipc/context';
import { loadApplication } from './applications/loadApplication';
import { fieldDiff } from './canonicalJson';
import { assertSchemeUnlocked } from './documents/schemeGate';
import { AppError } from './errors';
import { mutate } from './mutation';
import { configurationInForce } from './settings/inForce';
import { recordOf } from './applications/rowMapping';
import { userNames } from './risk/queries';
import { displayNameOf } from './users';

/**
 * Refuses a scheme that fails a scheme check (shared/domain/schemeChecks.ts) or promises a longer validity than
 * the province allows (R-GATE-04), naming every problem.
 */
function assertSchemeSound(db: Db, app: ApplicationRow, content: SupplyScheme, at: 'save' | 'approve'): void {
  const validity = validityMonthsProblem(
    content.validityMonths,
    app.customer_class === 'HV',
    configurationInForce(db).profile,
  );
  const problems = [...schemeProblems(recordOf(app), content, at), ...(validity ? [validity] : [])];
  if (problems.length) {
    throw new AppError(
      'RULE_VIOLATION',
      `申请 ${app.number} 的供电方案不能${at === 'save' ? '保存' : '审批'}：${problems.map((p) => `${p.message}（${p.ruleId}）`).join('；')}`,
      problems.map((p) => ({ ...p, severity: 'error' as const })),
    );
  }
}

export function toVersion(row: SchemeVersionRow): SchemeVersion {
  const content = JSON.parse(row.content_json) as SupplyScheme;
  const { validUntil } = schemeValidity(content, row.extended_until ?? null);
  return {
    version: row.version,
    status: row.status,
    content,
    changeReason: row.change_reason,
    createdBy: row.created_by,
    createdAt: row.created_at,
    approvedBy: row.approved_by,
    approvedAt: row.approved_at,
    validUntil,
    extendedUntil: row.extended_until ?? null,
  };
}

export function listSchemes(ctx: HandlerContext, number: string): SchemeVersion[] {
  const names = userNames(ctx.db);
  return schemeVersionsOf(ctx.db, loadApplication(ctx.db, number).id).map((row) => {
    const version = toVersion(row);
    const createdByName = displayNameOf(version.createdBy, names);
    const approvedByName = version.approvedBy === null ? undefined : displayNameOf(version.approvedBy, names);
    return { ...version, createdByName, ...(approvedByName ? { approvedByName } : {}) };
  });
}

function requireOpen(app: ApplicationRow): void {
  if (app.status !== 'ACTIVE') {
    throw new AppError(
      'ILLEGAL_STATE',
      `申请 ${app.number} 不在办理中（已挂起、终止或归档），不能拟定或审批供电方案。`,
    );
  }
}

export function saveSchemeDraft(
  ctx: HandlerContext,
  number: string,
  content: SupplyScheme,
  reason: string | undefined,
): SchemeVersion {
  return mutate(ctx, ({ db, changeSeq, clock, session }) => {
    const app = loadApplication(db, number);
    requireOpen(app);
    const versions = schemeVersionsOf(db, app.id);
    const draft = versions.find((v) => v.status === 'draft');
    const approved = versions.filter((v) => v.status === 'approved').at(-1);
    if (draft) {
      assertSchemeSound(db, app, content, 'save');
      updateDraftContent(db, draft.id, JSON.stringify(content), changeSeq);
      const saved = { ...draft, content_json: JSON.stringify(content), change_seq: changeSeq };
      return {
        result: toVersion(saved),
        audit: {
          action: 'scheme.edit',
          entity: 'application',
          entityId: number,
          diff: fieldDiff({ scheme: JSON.parse(draft.content_json) }, { scheme: content }),
        },
      };
    }
    if (approved) {
      if (!roleAtLeast(session.role, 'supervisor')) {
        throw new AppError(
          'FORBIDDEN',
          `申请 ${number} 的供电方案第 ${approved.version} 版已审批：变更已审批的方案需要${ROLE_LABELS.supervisor}或以上权限并填写变更理由。`,
        );
      }
      if (!reason) {
        throw new AppError(
          'BAD_INPUT',
          '变更理由：变更已审批的供电方案必须填写理由（将记入审计日志并在重新答复时告知客户）。',
        );
      }
      assertSchemeUnlocked(db, app.id, number);
    }
    assertSchemeSound(db, app, content, 'save');
    const row = insertSchemeVersion(db, {
      application_id: app.id,
      status: 'draft',
      content_json: JSON.stringify(content),
      change_reason: approved ? (reason ?? null) : null,
      created_by: session.userId,
      created_at: clock.at,
      approved_by: null,
      approved_at: null,
      change_seq: changeSeq,
    });
    const before = approved ? { scheme: JSON.parse(approved.content_json) } : {};
    return {
      result: toVersion(row),
      audit: {
        action: approved ? 'scheme.change' : 'scheme.draft',
        entity: 'application',
        entityId: number,
        diff: { ...fieldDiff(before, { scheme: content }), ...(reason ? fieldDiff({}, { changeReason: reason }) : {}) },
      },
    };
  });
}

export function approveScheme(ctx: HandlerContext, number: string, version: number): SchemeVersion {
  return mutate(ctx, ({ db, changeSeq, clock, session }) => {
    const app = loadApplication(db, number);
    requireOpen(app);
    const row = schemeVersionsOf(db, app.id).find((v) => v.version === version);
    if (!row) throw new AppError('NOT_FOUND', `申请 ${number} 没有第 ${version} 版供电方案。`);
    if (row.status !== 'draft') {
      throw new AppError(
        'ILLEGAL_STATE',
        `申请 ${number} 的供电方案第 ${version} 版已${row.status === 'approved' ? '审批' : '被取代'}，不能再次审批。`,
      );
    }
    const problems = schemeApprovalProblems(JSON.parse(app.record_json), {
      profile: configurationInForce(db).profile,
      today: clock.today,
      calendar: clock.calendar,
    });
    if (problems.length > 0) {
      throw new AppError('RULE_VIOLATION', `供电方案不能审批：${problems.map((p) => p.message).join('；')}`, problems);
    }
    const content = JSON.parse(row.content_json) as SupplyScheme;
    assertSchemeSound(db, app, content, 'approve');
    // The supervisor approves in sight of the scheme's warnings (R-MET-03, R-MET-06): the audit keeps them.
    const warnings = schemeAdvice(content, configurationInForce(db).profile.metering.meteringClasses)
      .filter((a) => a.severity === 'warning')
      .map((a) => `${a.ruleId}：${a.message}`);
    approveSchemeVersion(db, row.id, session.userId, clock.at, changeSeq);
    const approved = { ...row, status: 'approved' as const, approved_by: session.userId, approved_at: clock.at };
    return {
      result: toVersion(approved),
      audit: {
        action: 'scheme.approve',
        entity: 'application',
        entityId: number,
        diff: fieldDiff(
          { schemeVersion: null },
          { schemeVersion: version, ...(warnings.length > 0 ? { approvedWithWarnings: warnings } : {}) },
        ),
      },
    };
  });
}
