/**
 * 供电方案答复单 and 供用电合同 from the approved scheme version (R-GATE-02/03). Each file is stored by content
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
import { contractStages } from '../../../shared/workflow/contractStages';
import type { ApplicationRow } from '../../db/repositories/applicationRepo';
import { insertContract, insertDocument } from '../../db/repositories/contractRepo';
import { attachContractPdf, currentContract, documentBySha } from '../../db/repositories/documentRepo';
import type { HandlerContext } from '../../ipc/context';
import { templateIdFor } from '../../pdf/documents';
import type { RenderedDocument } from '../../pdf/renderDocument';
import { loadTemplate } from '../../pdf/templates/loadTemplate';
import { loadApplication } from '../applications/loadApplication';
import { shanghaiDate } from '../clock';
import { AppError } from '../errors';
import { requireHall } from '../hall';
import { mutate, type MutationScope } from '../mutation';
import { allocateContractNumber } from '../numbers';
import { contractRecordOf, customerClassOf, documentRecordOf, renderOrRefuse } from './documentRecordOf';
import { documentPath, storeDocument } from './fileStore';
import { approvedScheme, type ApprovedScheme } from './schemeGate';

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

/** The reply of the application's approved scheme version, rendered (not stored). */
export function renderSchemeReply(ctx: HandlerContext, app: ApplicationRow): RenderedDocument {
  const approved = approvedScheme(ctx.db, app.id, app.number);
  // Number and date come from the scheme version, so the reply of one version is always the same file.
  const record = documentRecordOf(ctx, app, approved, {
    documentNo: `${app.number}-FA${approved.row.version}`,
    issuedOn: shanghaiDate(new Date(approved.row.approved_at ?? approved.row.created_at)),
  });
  return renderOrRefuse(ctx, 'scheme-reply', record);
}

export function generateSchemeReply(ctx: HandlerContext, applicationNo: string): GeneratedDocument {
  const app = loadApplication(ctx.db, applicationNo);
  const rendered = renderSchemeReply(ctx, app);
  const doc = describe('scheme-reply', rendered);
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
        action: 'documents.schemeReply',
        entity: 'application',
        entityId: app.number,
        diff: { schemeReply: { before: null, after: `${doc.documentNo} ${doc.sha256}` } },
      },
    };
  });
}

function refuseStaleContract(
  applicationNo: string,
  approved: ApprovedScheme,
  contract: { number: string; status: string },
) {
  const state = contract.status === 'signed' ? '已签订' : '尚未作废';
  throw new AppError(
    'ILLEGAL_STATE',
    `申请 ${applicationNo} 的合同 ${contract.number} 依据旧版供电方案生成且${state}，不能按第 ${approved.row.version} 版方案再生成合同：请先作废该合同（注明原因）。`,
  );
}

/**
 * A new contract only while the application is in a stage where its flow signs one (REFERENCE.md §3.2,
 * shared/workflow/contractStages.ts) and is being worked on; checked before a number is allocated, so a refusal
 * uses no number. An existing contract regenerates in any stage but a cancelled one (the same bytes).
 */
function assertContractAllowed(app: ApplicationRow, existing: boolean): void {
  const type = app.business_type as BusinessType;
  const cls = customerClassOf(app);
  if (app.status === 'CANCELLED') {
    throw new AppError('ILLEGAL_STATE', `申请 ${app.number} 已终止，不能生成合同；已签订合同的副本仍可在打印时取得。`);
  }
  if (existing) return;
  const stages = contractStages(type, cls);
  if (stages.length === 0) {
    throw new AppError(
      'ILLEGAL_STATE',
      `${BUSINESS_TYPE_INFO[type].label}（${app.number}）的流程不签订新的供用电合同：原合同继续有效，按业务打印相应的协议或工作单。`,
    );
  }
  if (app.status !== 'ACTIVE' || !stages.includes(app.stage as Stage)) {
    const where = stages.map((stage) => STAGE_LABELS[stage]).join('、');
    const now =
      app.status === 'ACTIVE'
        ? `现处于“${STAGE_LABELS[app.stage as Stage]}”环节`
        : `现为“${APPLICATION_STATUS_LABELS[app.status as ApplicationStatus]}”`;
    throw new AppError(
      'ILLEGAL_STATE',
      `申请 ${app.number} ${now}，不能生成合同：${BUSINESS_TYPE_INFO[type].label}的合同在“${where}”环节签订，请办理到该环节后再生成。`,
    );
  }
}

export function generateContract(ctx: HandlerContext, applicationNo: string): GeneratedDocument {
  const app = loadApplication(ctx.db, applicationNo);
  const approved = approvedScheme(ctx.db, app.id, app.number);
  const hall = requireHall(ctx);
  const templateId = templateIdFor('contract', { customerClass: customerClassOf(app) });
  return mutate(ctx, (scope) => {
    const existing = currentContract(scope.db, app.id);
    assertContractAllowed(app, existing !== undefined);
    if (existing && existing.scheme_version_id !== approved.row.id) refuseStaleContract(app.number, approved, existing);
    // A contract always regenerates with the template version it was first generated with.
    const template = loadTemplate(templateId, existing?.template_version);
    const number = existing?.number ?? allocateContractNumber(scope.db, hall.code, scope.clock.today);
    const issuedOn = existing ? shanghaiDate(new Date(existing.created_at)) : scope.clock.today;
    const record = contractRecordOf(ctx, app, approved, { number, issuedOn });
    const rendered = renderOrRefuse(ctx, 'contract', record, { templateVersion: template.version });
    const doc = describe('contract', rendered);
    const row =
      existing ??
      insertContract(scope.db, {
        number,
        application_id: app.id,
        scheme_version_id: approved.row.id,
        template_id: template.id,
        template_version: template.version,
        status: 'draft',
        pdf_sha256: doc.sha256,
        created_at: scope.clock.at,
        updated_at: scope.clock.at,
        change_seq: scope.changeSeq,
      });
    if (existing && existing.pdf_sha256 !== doc.sha256) {
      // A signed contract regenerates byte for byte, or its data was altered after signing.
      if (existing.status === 'signed') {
        throw new AppError(
          'ILLEGAL_STATE',
          `合同 ${number} 已签订，但申请或方案数据已与签订时不同，不能重新生成：请核对修改记录；如确需变更，请作废该合同后重新签订。`,
        );
      }
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
          schemeVersion: { before: null, after: approved.row.version },
          template: { before: null, after: `${template.id}@${template.version}` },
        },
      },
    };
  });
}
