import type { ApplicationSummary } from '../../../shared/api/applications';
import type { ApplicationInput } from '../../../shared/domain/application';
import { APPLICATION_STATUS_LABELS, type ApplicationStatus, type Stage } from '../../../shared/domain/codes';
import { updateApplication as updateRow } from '../../db/repositories/applicationRepo';
import { replaceRequiredDocuments } from '../../db/repositories/requiredDocumentRepo';
import { indexApplication, unindexApplication } from '../../db/repositories/searchRepo';
import type { HandlerContext } from '../../ipc/context';
import { enforceApplicationRules, parseApplication } from '../applicationRules';
import { canonicalJson, fieldDiff } from '../canonicalJson';
import { AppError } from '../errors';
import { inOneTransaction, mutate } from '../mutation';
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
export function updateApplicationRecord(ctx: HandlerContext, number: string, raw: unknown): ApplicationSummary {
  const app = parseApplication(raw);
  if (app.businessType !== 'RELOC') return updateOne(ctx, number, app);
  return inOneTransaction(ctx, () => {
    const updated = updateOne(ctx, number, app);
    for (const closure of openOldSiteClosures(ctx.db, loadApplication(ctx.db, number).id)) {
      const before = recordOf(loadApplication(ctx.db, closure));
      const next: ApplicationInput = {
        ...oldSiteClosure(app),
        documents: before.documents,
        ...(before.acknowledgements ? { acknowledgements: before.acknowledgements } : {}),
      };
      if (canonicalJson(next) === canonicalJson(before)) continue;
      try {
        updateOne(ctx, closure, next);
      } catch (error) {
        throw asOldSiteRefusal(error);
      }
    }
    return updated;
  });
}

function updateOne(ctx: HandlerContext, number: string, app: ApplicationInput): ApplicationSummary {
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
        diff: fieldDiff({ record: before }, { record: app }),
      },
    };
  });
}
