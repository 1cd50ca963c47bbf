import type { ApplicationSummary } from '../../../shared/api/applications';
import type { ApplicationInput } from '../../../shared/domain/application';
import { timeLimitClassOf } from '../../../shared/workflow/timeLimits';
import { insertLink } from '../../db/repositories/applicationLinkRepo';
import { insertApplication } from '../../db/repositories/applicationRepo';
import { upsertCustomer } from '../../db/repositories/customerRepo';
import { replaceRequiredDocuments } from '../../db/repositories/requiredDocumentRepo';
import { getUser } from '../../db/repositories/userRepo';
import { indexApplication } from '../../db/repositories/searchRepo';
import { insertStageEvent } from '../../db/repositories/stageEventRepo';
import type { HandlerContext } from '../../ipc/context';
import { enforceApplicationRules, parseApplication } from '../applicationRules';
import { requireHall } from '../hall';
import { inOneTransaction, mutate, type Mutation, type MutationScope } from '../mutation';
import { allocateApplicationNumber } from '../numbers';
import { asOldSiteRefusal, oldSiteClosure } from './oldSiteClosure';
import { deadlineColumns, extractedColumns, summaryOf } from './rowMapping';

/**
 * 受理 accepts an application: validates it, takes its number and stores row, checklist, first stage event,
 * search entries and the audit entry in one transaction. The application starts ACTIVE in ACCEPT. A 迁址 is
 * accepted together with the 销户 of its old site, linked to it, in the same transaction (oldSiteClosure.ts).
 */
export function createApplication(ctx: HandlerContext, raw: unknown): ApplicationSummary {
  const app: ApplicationInput = parseApplication(raw);
  const hall = requireHall(ctx);
  if (app.businessType !== 'RELOC') return accept(ctx, app, hall.code).summary;
  // Derived before the transaction: a 迁址 without its old address writes nothing.
  const closure = oldSiteClosure(app);
  return inOneTransaction(ctx, () => {
    const reloc = accept(ctx, app, hall.code);
    try {
      accept(ctx, closure, hall.code, { relocId: reloc.id, relocNumber: reloc.summary.number });
    } catch (error) {
      throw asOldSiteRefusal(error);
    }
    return reloc.summary;
  });
}

/** An application just accepted: its row id (for links in the same transaction) and its summary. */
interface AcceptedApplication {
  id: number;
  summary: ApplicationSummary;
}

/** One acceptance as one mutation; `oldSiteOf` makes it the linked closing of that 迁址's old site. */
function accept(
  ctx: HandlerContext,
  app: ApplicationInput,
  hallCode: string,
  oldSiteOf?: { relocId: number; relocNumber: string },
): AcceptedApplication {
  return mutate(ctx, (scope) => {
    // Inside the write transaction, so the duplicate and open-account lookups cannot race another creation.
    enforceApplicationRules(scope.db, app, {
      stage: 'ACCEPT',
      today: scope.clock.today,
      calendar: scope.clock.calendar,
      linkedIds: oldSiteOf ? [oldSiteOf.relocId] : [],
    });
    const stored = storeAcceptedApplication(scope, app, hallCode);
    if (!oldSiteOf) return stored;
    insertLink(scope.db, {
      application_id: oldSiteOf.relocId,
      linked_id: stored.result.id,
      kind: 'RELOC_OLD_SITE',
      created_at: scope.clock.at,
      change_seq: scope.changeSeq,
    });
    return {
      ...stored,
      audit: {
        ...stored.audit,
        diff: { ...stored.audit.diff, relocation: { before: null, after: oldSiteOf.relocNumber } },
      },
    };
  });
}

/**
 * The writes of an acceptance, for a record that has passed the rules in this same transaction. Separate so the
 * store bench can measure what storage alone costs beside the whole creation.
 */
export function storeAcceptedApplication(
  { db, changeSeq, clock, session, beforeCommit }: MutationScope,
  app: ApplicationInput,
  hallCode: string,
): Mutation<AcceptedApplication> {
  const number = allocateApplicationNumber(db, hallCode, clock.today);
  const customerId = upsertCustomer(
    db,
    {
      kind: app.customer.kind,
      name: app.customer.name,
      idType: app.customer.idType,
      idNumber: app.customer.idNumber,
      phone: app.customer.phone,
    },
    clock.at,
    changeSeq,
  );
  const limitClass = timeLimitClassOf(app);
  const clockState = {
    acceptDate: clock.today,
    stageStartDate: clock.today,
    stagePausedWorkdays: 0,
    totalPausedWorkdays: 0,
  };
  const row = {
    number,
    customer_id: customerId,
    business_type: app.businessType,
    customer_class: app.customerClass,
    time_limit_class: limitClass,
    stage: 'ACCEPT',
    status: 'ACTIVE',
    ...extractedColumns(app),
    application_date: app.applicationDate,
    created_at: clock.at,
    updated_at: clock.at,
    accept_date: clock.today,
    stage_start_date: clock.today,
    stage_paused_wd: 0,
    total_paused_wd: 0,
    ...deadlineColumns(clockState, 'ACCEPT', limitClass, 'ACTIVE', clock),
    suspended_since: null,
    pause_reason: null,
    closed_at: null,
    record_json: JSON.stringify(app),
    version: 1,
    change_seq: changeSeq,
    // The accepting clerk is its 经办人 until a supervisor reassigns it (so it shows in their 我的待办); the CLI
    // and imports are no hall user and leave it unassigned.
    assignee: getUser(db, session.userId)?.active === 1 ? session.userId : null,
  };
  const id = insertApplication(db, row);
  replaceRequiredDocuments(db, id, app.documents, changeSeq);
  insertStageEvent(db, {
    application_id: id,
    action: 'create',
    from_stage: null,
    to_stage: 'ACCEPT',
    reason_code: null,
    reason: null,
    user_id: session.userId,
    at: clock.at,
    change_seq: changeSeq,
  });
  beforeCommit(() =>
    indexApplication(db, id, {
      number,
      customerName: app.customer.name,
      idNumber: app.customer.idNumber,
      phone: app.customer.phone,
      address: app.site.address,
    }),
  );
  return {
    result: { id, summary: summaryOf({ id, ...row }, clock.today) },
    audit: {
      action: 'application.create',
      entity: 'application',
      entityId: number,
      // The whole record is the "after" of one field: flattening ~50 leaves per creation halved the bulk
      // rate, and a reader can flatten it on display. Later edits are diffed field by field.
      diff: {
        number: { before: null, after: number },
        stage: { before: null, after: 'ACCEPT' },
        status: { before: null, after: 'ACTIVE' },
        ...(row.assignee ? { assignee: { before: null, after: row.assignee } } : {}),
        record: { before: null, after: app },
      },
    },
  };
}
