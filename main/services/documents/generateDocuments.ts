/**
 * 供电方案答复单 from the approved scheme version (R-GATE-02/03), and the paper each business type signs
 * (供用电合同, 补充协议, 终止协议; paperSource.ts says what each is printed from). Each file is stored by content
 * hash and recorded with its sha256 and size; a contract row records the scheme version, the template id and
 * version and the PDF's sha256. Generating again from the same rows gives the same bytes, so a regenerated
 * document adds no new row.
 */
import type { GeneratedDocument } from '../../../shared/api/documents';
import {
  APPLICATION_STATUS_LABELS,
  BUSINESS_TYPE_INFO,
  STAGE_LABELS,
  type ApplicationStatus,
  type BusinessType,
  type Stage,
} from '../../../shared/domain/codes';
import { PAPER_LABELS, type PaperKind } from '../../../shared/workflow/contractPaper';
import { contractStages } from '../../../shared/workflow/contractStages';
import type { ApplicationRow } from '../../db/repositories/applicationRepo';
import { insertContract, insertDocument } from '../../db/repositories/contractRepo';
import { attachContractPdf, currentContract, documentBySha } from '../../db/repositories/documentRepo';
import type { HandlerContext } from '../../ipc/context';
import type { PaperRecord } from '../../pdf/documentRecord';
import type { RenderedDocument } from '../../pdf/renderDocument';
import type { DisputeResolution } from '../../../shared/rules/profile/profile';
import { formatDate } from '../../pdf/templates/filters';
import { loadTemplate } from '../../pdf/templates/loadTemplate';
import { loadApplication } from '../applications/loadApplication';
import { shanghaiDate } from '../clock';
import { AppError } from '../errors';
import { requireHall } from '../hall';
import { mutate, type MutationScope } from '../mutation';
import { allocateContractNumber } from '../numbers';
import { recordOf } from '../applications/rowMapping';
import { assertContractParties } from './contractDetails';
import { DISPUTE_AUDIT_KEY, disputeAuditValue } from './disputeChoice';
import { PRINTED_CONTENT_AUDIT_KEY, printedContentOf } from './printedContent';
import { customerClassOf, documentRecordOf, renderOrRefuse } from './documentRecordOf';
import { documentPath, storeDocument } from './fileStore';
import { paperFor, paperSource, type PaperSource } from './paperSource';
import { approvedScheme } from './schemeGate';

function describe(kind: GeneratedDocument['kind'], rendered: RenderedDocument): GeneratedDocument {
  return {
    kind,
    documentNo: rendered.documentNo,
    sha256: rendered.sha256,
    size: rendered.pdf.length,
    path: documentPath(rendered.sha256),
    pageCount: rendered.pageCount,
    templateId: rendered.templateId,
    templateVersion: rendered.templateVersion,
    dataHash: rendered.dataHash,
  };
}

/**
 * Stores the file and its documents row (once per content hash); returns the row id. Also for the files a
 * print adds (the 副本 of a signed contract, a reply printed before it was generated).
 */
export function keepDocument(
  ctx: HandlerContext,
  scope: MutationScope,
  file: { applicationId: number; contractId: number | null; kind: string; sha256: string; pdf: Buffer },
): number {
  storeDocument(ctx.dataDir, file.sha256, file.pdf);
  const existing = documentBySha(scope.db, file.sha256);
  if (existing) return existing.id;
  return insertDocument(scope.db, {
    application_id: file.applicationId,
    contract_id: file.contractId,
    kind: file.kind,
    path: documentPath(file.sha256),
    sha256: file.sha256,
    size: file.pdf.length,
    created_at: scope.clock.at,
    change_seq: scope.changeSeq,
  });
}

/** The documents printed from the approved scheme version alone, their number suffix and audit action. */
const SCHEME_DOCUMENTS = {
  'scheme-reply': { suffix: 'FA', action: 'documents.schemeReply' },
  'work-sheet': { suffix: 'GD', action: 'documents.workSheet' },
} as const;
type SchemeDocumentKind = keyof typeof SCHEME_DOCUMENTS;

/** The reply (or work sheet) of the application's approved scheme version, rendered (not stored). */
export function renderSchemeDocument(
  ctx: HandlerContext,
  app: ApplicationRow,
  kind: SchemeDocumentKind = 'scheme-reply',
): RenderedDocument {
  const approved = approvedScheme(ctx.db, app.id, app.number);
  // Number and date come from the scheme version, so the document of one version is always the same file.
  const record = documentRecordOf(ctx, app, approved, {
    documentNo: `${app.number}-${SCHEME_DOCUMENTS[kind].suffix}${approved.row.version}`,
    issuedOn: shanghaiDate(new Date(approved.row.approved_at ?? approved.row.created_at)),
  });
  return renderOrRefuse(ctx, kind, record);
}

export function generateSchemeDocument(
  ctx: HandlerContext,
  applicationNo: string,
  kind: SchemeDocumentKind,
): GeneratedDocument {
  const app = loadApplication(ctx.db, applicationNo);
  const rendered = renderSchemeDocument(ctx, app, kind);
  const doc = describe(kind, rendered);
  return mutate(ctx, (scope) => {
    keepDocument(ctx, scope, {
      applicationId: app.id,
      contractId: null,
      kind: doc.kind,
      sha256: rendered.sha256,
      pdf: rendered.pdf,
    });
    return {
      result: doc,
      audit: {
        action: SCHEME_DOCUMENTS[kind].action,
        entity: 'application',
        entityId: app.number,
        diff: {
          [kind === 'scheme-reply' ? 'schemeReply' : 'workSheet']: {
            before: null,
            after: `${doc.documentNo} ${doc.sha256}`,
          },
        },
      },
    };
  });
}

export const generateSchemeReply = (ctx: HandlerContext, applicationNo: string) =>
  generateSchemeDocument(ctx, applicationNo, 'scheme-reply');

/**
 * A signed paper is what the parties signed: it is never generated again, whatever changed since (资料清单 and
 * other progress do not print, but they move the data hash and so the bytes). The clerk's ways through: the 副本
 * (printJobs.ts), the file kept from signing, or a 补充协议 when the terms themselves change.
 */
function refuseSignedPaper(paper: PaperKind, contract: { number: string; signed_on: string | null }): never {
  const label = PAPER_LABELS[paper];
  const on = contract.signed_on ? `于${formatDate(contract.signed_on)}` : '';
  throw new AppError(
    'ILLEGAL_STATE',
    `${label} ${contract.number} 已${on}签订，签订后不再重新生成：需要再打一份时，请在“申请详情 › 合同与文书”中点“打印”（打印件每页标注“副本”），或下载签订时的文件；约定的内容需要变更时，请受理相应的变更业务（增容、减容、更名、改类等），签订补充协议。`,
  );
}

function refuseStaleContract(applicationNo: string, source: PaperSource, contract: { number: string; status: string }) {
  const state = contract.status === 'signed' ? '已签订' : '尚未作废';
  const now = source.schemeVersion ? `第 ${source.schemeVersion} 版方案` : '申请信息';
  throw new AppError(
    'ILLEGAL_STATE',
    `申请 ${applicationNo} 的合同 ${contract.number} 依据其他版本的供电方案生成且${state}，不能按${now}再生成合同：请先作废该合同（注明原因）。`,
  );
}

/**
 * A new paper only while the application is in a stage where its flow signs one (REFERENCE.md §3.2,
 * shared/workflow/contractStages.ts) and is being worked on; checked before a number is allocated, so a refusal
 * uses no number; so does an HV contract without the customer's party details (contractDetails.ts). An existing
 * paper not yet signed regenerates in any stage but a cancelled one (the same bytes); a signed one never does.
 */
function assertPaperAllowed(app: ApplicationRow, paper: PaperKind, existing: boolean): void {
  const type = app.business_type as BusinessType;
  const cls = customerClassOf(app);
  const label = PAPER_LABELS[paper];
  if (app.status === 'CANCELLED') {
    throw new AppError('ILLEGAL_STATE', `申请 ${app.number} 已终止，不能生成${label}；已签订的副本仍可在打印时取得。`);
  }
  if (existing) return;
  const stages = contractStages(type, cls);
  if (app.status !== 'ACTIVE' || !stages.includes(app.stage as Stage)) {
    const where = stages.map((stage) => STAGE_LABELS[stage]).join('、');
    const now =
      app.status === 'ACTIVE'
        ? `现处于“${STAGE_LABELS[app.stage as Stage]}”环节`
        : `现为“${APPLICATION_STATUS_LABELS[app.status as ApplicationStatus]}”`;
    throw new AppError(
      'ILLEGAL_STATE',
      `申请 ${app.number} ${now}，不能生成${label}：${BUSINESS_TYPE_INFO[type].label}的${label}在“${where}”环节签订，请办理到该环节后再生成。`,
    );
  }
}

/** The dispute choice a record was printed with. */
function disputeOf(record: PaperRecord): DisputeResolution {
  const terms = record.contract;
  return terms?.disputeResolution === 'ARBITRATION' && terms.arbitrationCommission
    ? { method: 'ARBITRATION', arbitrationCommission: terms.arbitrationCommission }
    : { method: 'COURT' };
}

/**
 * The paper of the application's business type (shared/workflow/contractPaper.ts): a 供用电合同, a 补充协议 or a
 * 终止协议; `paper` chooses one where the type signs two (过户). Every paper takes a contract number, is stored
 * and goes through the same lifecycle (print, sign, void).
 */
export function generatePaper(ctx: HandlerContext, applicationNo: string, requested?: PaperKind): GeneratedDocument {
  const app = loadApplication(ctx.db, applicationNo);
  const paper = paperFor(app, requested);
  const source = paperSource(ctx, app, paper);
  const hall = requireHall(ctx);
  return mutate(ctx, (scope) => {
    const existing = currentContract(scope.db, app.id, source.templateId);
    assertPaperAllowed(app, paper, existing !== undefined);
    if (existing?.status === 'signed') refuseSignedPaper(paper, existing);
    if (!existing) assertContractParties(app.number, recordOf(app), source.templateId);
    if (existing && existing.scheme_version_id !== source.schemeVersionId)
      refuseStaleContract(app.number, source, existing);
    // A paper always regenerates with the template version it was first generated with.
    const template = loadTemplate(source.templateId, existing?.template_version);
    const number = existing?.number ?? allocateContractNumber(scope.db, hall.code, scope.clock.today);
    const issuedOn = existing ? shanghaiDate(new Date(existing.created_at)) : scope.clock.today;
    const record = source.recordFor({ number, issuedOn });
    const rendered = renderOrRefuse(ctx, paper, record, { templateVersion: template.version });
    const doc = describe(paper, rendered);
    const row =
      existing ??
      insertContract(scope.db, {
        number,
        application_id: app.id,
        scheme_version_id: source.schemeVersionId,
        template_id: template.id,
        template_version: template.version,
        status: 'draft',
        pdf_sha256: doc.sha256,
        created_at: scope.clock.at,
        updated_at: scope.clock.at,
        change_seq: scope.changeSeq,
      });
    if (existing && existing.pdf_sha256 !== doc.sha256) {
      attachContractPdf(scope.db, row.id, doc.sha256, scope.clock.at, scope.changeSeq);
    }
    keepDocument(ctx, scope, {
      applicationId: app.id,
      contractId: row.id,
      kind: doc.kind,
      sha256: rendered.sha256,
      pdf: rendered.pdf,
    });
    return {
      result: doc,
      audit: {
        action: existing ? 'contracts.regenerate' : 'contracts.generate',
        entity: 'contract',
        entityId: number,
        diff: {
          pdfSha256: { before: existing?.pdf_sha256 ?? null, after: doc.sha256 },
          schemeVersion: { before: null, after: source.schemeVersion },
          template: { before: null, after: `${template.id}@${template.version}` },
          // Frozen here: the profile in force may change before the contract is regenerated or reprinted.
          ...(existing ? {} : { [DISPUTE_AUDIT_KEY]: { before: null, after: disputeAuditValue(disputeOf(record)) } }),
          // What the file prints, for its 副本 (printJobs.ts): kept whenever the file is new.
          ...(existing?.pdf_sha256 === doc.sha256
            ? {}
            : { [PRINTED_CONTENT_AUDIT_KEY]: { before: null, after: printedContentOf(record) } }),
        },
      },
    };
  });
}

/** The paper of the application's type (a contract for a new connection). */
export const generateContract = (ctx: HandlerContext, applicationNo: string) => generatePaper(ctx, applicationNo);
