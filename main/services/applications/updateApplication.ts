import type { ApplicationSummary } from '../../../shared/api/applications';
import type { ApplicationInput } from '../../../shared/domain/application';
import {
  APPLICATION_STATUS_LABELS,
  roleAtLeast,
  ROLE_LABELS,
  type ApplicationStatus,
  type Stage,
} from '../../../shared/domain/codes';
import { correctionNeeds } from '../../../shared/workflow/corrections';
import type { ApplicationRow } from '../../db/repositories/applicationRepo';
import { schemeVersionsOf } from '../../db/repositories/schemeRepo';
import { updateApplication as updateRow } from '../../db/repositories/applicationRepo';
import { replaceRequiredDocuments } from '../../db/repositories/requiredDocumentRepo';
import { indexApplication, unindexApplication } from '../../db/repositories/searchRepo';
import type { HandlerContext } from '../../ipc/context';
import { enforceApplicationRules, parseApplication } from '../applicationRules';
import { canonicalJson, fieldDiff } from '../canonicalJson';
import { AppError } from '../errors';
import { inOneTransaction, mutate } from '../mutation';
import { assertContractDocumentSigned } from './contractDocument';
import { loadApplication } from './loadApplication';
import { asOldSiteRefusal, oldSiteClosure } from './oldSiteClosure';
import { openOldSiteClosures } from './relocationLinks';
import { extractedColumns, recordOf, summaryOf } from './rowMapping';

/**
 * Replaces the record of an open application (e.g. a deferred document received, a phone corrected). The
 * business type and class are fixed once accepted: a different type is a new application. A corrected 迁址
 * carries its old-site details (address, voltage, capacity, tariff, customer) over to the open closing of its
 * old site in the same transaction; the closing keeps its own documents and acknowledgements.
 */
export function updateApplicationRecord(
  ctx: HandlerContext,
  number: string,
  raw: unknown,
  reason?: string,
): ApplicationSummary {
  const app = parseApplication(raw);
  const correction: Correction = { reason: reason?.trim() || undefined };
  if (app.businessType !== 'RELOC') return updateOne(ctx, number, app, correction);
  return inOneTransaction(ctx, () => {
    const updated = updateOne(ctx, number, app, correction);
    for (const closure of openOldSiteClosures(ctx.db, loadApplication(ctx.db, number).id)) {
      const before = recordOf(loadApplication(ctx.db, closure));
      const next: ApplicationInput = {
        ...oldSiteClosure(app),
        documents: before.documents,
        ...(before.acknowledgements ? { acknowledgements: before.acknowledgements } : {}),
      };
      if (canonicalJson(next) === canonicalJson(before)) continue;
      try {
        updateOne(ctx, closure, next, 'derived');
      } catch (error) {
        throw asOldSiteRefusal(error);
      }
    }
    return updated;
  });
}

/** The reason given for a correction; 'derived' for the old-site closing a corrected 迁址 carries over. */
type Correction = { reason: string | undefined } | 'derived';

/**
 * Who may correct what, and when (shared/workflow/corrections.ts): clerks up to 供电方案; after that, or for a
 * change of the customer's identity, a supervisor with a reason. Returns the audit markers of the correction:
 * `correction.reason`, `correction.afterScheme` and `correction.identityChanged` (the one the risk detectors
 * query: `json_extract(diff_json, '$."correction.identityChanged".after')`).
 */
function correctionMarkers(
  ctx: HandlerContext,
  row: ApplicationRow,
  before: ApplicationInput,
  after: ApplicationInput,
  correction: Correction,
): Record<string, { before: null; after: unknown }> {
  if (correction === 'derived') return {};
  const schemeApproved = schemeVersionsOf(ctx.db, row.id).some((v) => v.status === 'approved');
  const needs = correctionNeeds(before, after, { stage: row.stage as Stage, schemeApproved });
  if (needs.corrected.length === 0) return {};
  const what = needs.identityChanged ? '更改客户身份（户名、证件）' : '供电方案审批后更正申请信息';
  if (!roleAtLeast(ctx.session.role, needs.role)) {
    throw new AppError('FORBIDDEN', `${what}需要${ROLE_LABELS[needs.role]}或以上权限并填写更正理由：请交班长办理。`);
  }
  if (needs.reasonRequired && !correction.reason) {
    throw new AppError('BAD_INPUT', `${what}须填写更正理由（记入审计日志）。`, [
      { field: 'reason', ruleId: 'WF-CORRECT', severity: 'error', message: `更正理由：${what}须填写理由。` },
    ]);
  }
  return {
    ...(correction.reason ? { 'correction.reason': { before: null, after: correction.reason } } : {}),
    ...(needs.late ? { 'correction.afterScheme': { before: null, after: true } } : {}),
    ...(needs.identityChanged ? { 'correction.identityChanged': { before: null, after: true } } : {}),
  };
}

function updateOne(
  ctx: HandlerContext,
  number: string,
  app: ApplicationInput,
  correction: Correction,
): ApplicationSummary {
  return mutate(ctx, ({ db, changeSeq, clock, beforeCommit }) => {
    const row = loadApplication(db, number);
    const status = row.status as ApplicationStatus;
    if (status !== 'ACTIVE' && status !== 'SUSPENDED') {
      throw new AppError('ILLEGAL_STATE', `申请 ${number} 已${APPLICATION_STATUS_LABELS[status]}，不能再修改。`);
    }
    const before = recordOf(row);
    if (app.businessType !== before.businessType || app.customerClass !== before.customerClass) {
      throw new AppError('ILLEGAL_STATE', '受理后不能更改业务类型或用户分类：请终止本申请并重新受理。');
    }
    const markers = correctionMarkers(ctx, row, before, app, correction);
    assertContractDocumentSigned(db, row.id, before, app);
    enforceApplicationRules(db, app, {
      stage: row.stage as Stage,
      today: clock.today,
      calendar: clock.calendar,
      selfId: row.id,
    });
    const columns = extractedColumns(app);
    const update = {
      ...row,
      ...columns,
      updated_at: clock.at,
      record_json: JSON.stringify(app),
      change_seq: changeSeq,
    };
    if (!updateRow(db, row.id, row.version, update)) {
      throw new AppError('CONFLICT', `申请 ${number} 已被他人修改：请刷新后重试。`);
    }
    replaceRequiredDocuments(db, row.id, app.documents, changeSeq);
    beforeCommit(() => {
      unindexApplication(db, row.id, {
        number,
        customerName: row.customer_name,
        idNumber: row.id_number,
        phone: row.phone,
        address: row.address,
      });
      indexApplication(db, row.id, {
        number,
        customerName: columns.customer_name,
        idNumber: columns.id_number,
        phone: columns.phone,
        address: columns.address,
      });
    });
    return {
      result: summaryOf(update, clock.today),
      audit: {
        action: 'application.update',
        entity: 'application',
        entityId: number,
        diff: { ...fieldDiff({ record: before }, { record: app }), ...markers },
      },
    };
  });
}
