/**
 * 供电方案答复单 and 供用电合同 from the approved scheme version (R-GATE-02/03). Each file is stored by content
 * hash and recorded with its sha256 and size; a contract row records the scheme version, the template id and
 * version and the PDF's sha256. Generating again from the same rows gives the same bytes, so a regenerated
 * document adds no new row.
 */
import type { GeneratedDocument } from '../../../shared/api/documents';
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

export function generateContract(ctx: HandlerContext, applicationNo: string): GeneratedDocument {
  const app = loadApplication(ctx.db, applicationNo);
  const approved = approvedScheme(ctx.db, app.id, app.number);
  const hall = requireHall(ctx);
  const templateId = templateIdFor('contract', { customerClass: customerClassOf(app) });
  const template = loadTemplate(templateId);
  return mutate(ctx, (scope) => {
    const existing = currentContract(scope.db, app.id);
    if (existing && existing.scheme_version_id !== approved.row.id) refuseStaleContract(app.number, approved, existing);
    if (existing && existing.template_version !== template.version) {
      throw new AppError(
        'ILLEGAL_STATE',
        `合同 ${existing.number} 使用模板 ${existing.template_id} v${existing.template_version} 生成，现行模板为 v${template.version}：原文件见文书存档，如需按新模板重签请先作废该合同。`,
      );
    }
    const number = existing?.number ?? allocateContractNumber(scope.db, hall.code, scope.clock.today);
    const issuedOn = existing ? shanghaiDate(new Date(existing.created_at)) : scope.clock.today;
    const record = contractRecordOf(ctx, app, approved, { number, issuedOn });
    const rendered = renderOrRefuse(ctx, 'contract', record);
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
