/**
 * Printing in two steps, so the print log says what really came out of the printer: `preparePrint` names the
 * file to print and writes no row; `confirmPrinted`, called once the print dialog (Electron) or the clerk (web
 * harness, where a download replaces printing) says the paper came out, writes the print-log row (who, when,
 * which document, copies) and moves a draft contract to printed, in one mutation. A print of a signed contract
 * is a 副本, a separate file marked as such on every page; a scheme reply prints as generated.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { PrintPlan, PrintRecord, PrintTarget } from '../../../shared/api/documents';
import { PAPER_LABELS } from '../../../shared/workflow/contractPaper';
import { getApplicationsByIds } from '../../db/repositories/applicationRepo';
import { setContractStatus } from '../../db/repositories/contractRepo';
import { documentBySha, insertPrintEntry, type ContractLifecycleRow } from '../../db/repositories/documentRepo';
import type { HandlerContext } from '../../ipc/context';
import { sha256Hex } from '../../pdf/dataHash';
import { paperKindOfTemplate } from '../../pdf/documents';
import { loadApplication } from '../applications/loadApplication';
import { shanghaiDate } from '../clock';
import { AppError } from '../errors';
import { mutate } from '../mutation';
import { requireContract, stateOf } from './contractLifecycle';
import { renderOrRefuse } from './documentRecordOf';
import { documentPath, storeDocument } from './fileStore';
import { keepDocument, renderSchemeDocument } from './generateDocuments';
import { paperSource } from './paperSource';
import { keptPrintedContent, printedContentOf } from './printedContent';

/** What a target prints as of now: its plan, and the bytes when they were rendered for it. */
interface Printable {
  plan: PrintPlan;
  applicationId: number;
  /** The application (reply) or the contract the audit entry is about. */
  entityId: string;
  contract: ContractLifecycleRow | null;
  /** Rendered now: the 副本 of a signed contract, a scheme reply. */
  pdf?: Buffer;
}

const TITLES: Record<PrintPlan['kind'], string> = { contract: '供用电合同', 'scheme-reply': '供电方案答复单' };

const planOf = (kind: PrintPlan['kind'], documentNo: string, sha256: string, copy: boolean): PrintPlan => ({
  kind,
  documentNo,
  title: `${TITLES[kind]} ${documentNo}${copy ? '（副本）' : ''}`,
  path: documentPath(sha256),
  sha256,
  copy,
});

/**
 * The 副本 of a signed contract or agreement, rendered from the same rows as the original, with the template
 * version it was signed under: the signed text plus the 副本 mark and the recorded signing date (issue 12 §8).
 * Only while those rows still print what was signed (printedContent.ts: progress recorded since, such as 资料清单
 * or 竣工检验, prints nowhere and does not count), or the 副本 would say something the customer did not sign.
 * A paper generated before the fingerprint was kept prints as before.
 */
function copyOf(ctx: HandlerContext, row: ContractLifecycleRow): Buffer {
  const [app] = getApplicationsByIds(ctx.db, [row.application_id]);
  const paper = paperKindOfTemplate(row.template_id);
  const source = paperSource(ctx, app!, paper);
  const issuedOn = shanghaiDate(new Date(row.created_at));
  const kept = keptPrintedContent(ctx.db, row.number);
  if (kept && kept !== printedContentOf(source.recordFor({ number: row.number, issuedOn }))) {
    throw new AppError(
      'ILLEGAL_STATE',
      `${PAPER_LABELS[paper]} ${row.number} 已签订，但申请、供电方案或文书抬头自签订后已修改，按现有数据打印的副本将与签订的文本不一致，不能打印副本：请下载签订时的文件或签字扫描件；如确需变更，请作废后重新签订。`,
    );
  }
  const record = source.recordFor({ number: row.number, issuedOn, signedOn: row.signed_on });
  return renderOrRefuse(ctx, paper, record, { copy: true, templateVersion: row.template_version }).pdf;
}

function printableContract(ctx: HandlerContext, number: string): Printable {
  const row = requireContract(ctx, number);
  if (row.status === 'void') throw new AppError('ILLEGAL_STATE', `合同 ${row.number} 已作废，不能打印。`);
  if (!row.pdf_sha256) throw new AppError('ILLEGAL_STATE', `合同 ${row.number} 尚未生成文件：请先生成合同。`);
  const common = { applicationId: row.application_id, entityId: row.number, contract: row };
  if (row.status !== 'signed') return { ...common, plan: planOf('contract', row.number, row.pdf_sha256, false) };
  const pdf = copyOf(ctx, row);
  return { ...common, plan: planOf('contract', row.number, sha256Hex(pdf), true), pdf };
}

function printableReply(ctx: HandlerContext, applicationNo: string): Printable {
  const app = loadApplication(ctx.db, applicationNo);
  // The reply of the approved version as it prints today, whether or not it was generated before.
  const rendered = renderSchemeDocument(ctx, app);
  return {
    plan: planOf('scheme-reply', rendered.documentNo, rendered.sha256, false),
    applicationId: app.id,
    entityId: app.number,
    contract: null,
    pdf: rendered.pdf,
  };
}

const printableOf = (ctx: HandlerContext, target: PrintTarget): Printable =>
  target.kind === 'contract' ? printableContract(ctx, target.number) : printableReply(ctx, target.number);

/**
 * The file to print for a target. Writes no row: a rendered 副本 or reply is only put in the content-addressed
 * file store, so the preview and the web harness's download can read it.
 */
export function preparePrint(ctx: HandlerContext, target: PrintTarget): PrintPlan {
  const { plan, pdf } = printableOf(ctx, target);
  if (pdf) storeDocument(ctx.dataDir, plan.sha256, pdf);
  else if (!fs.existsSync(path.join(ctx.dataDir, plan.path))) {
    throw new AppError('STORAGE', `文书文件 ${plan.path} 不在数据目录中：请从备份恢复或重新生成。`);
  }
  return plan;
}

/**
 * Logs a print that came out. `sha256` is the file printed: if the target would print another file now (the
 * contract was signed, voided or regenerated in between), nothing is logged and the clerk prints again.
 */
export function confirmPrinted(
  ctx: HandlerContext,
  input: { target: PrintTarget; sha256: string; copies: number; printer?: string | undefined },
): PrintRecord {
  return mutate(ctx, (scope) => {
    const { db, clock, changeSeq, session } = scope;
    const { plan, applicationId, entityId, contract, pdf } = printableOf(ctx, input.target);
    if (plan.sha256 !== input.sha256) {
      const why = contract ? '合同在打印期间已签订或重新生成' : '供电方案或文书信息在打印期间已修改';
      throw new AppError(
        'CONFLICT',
        `${TITLES[plan.kind]} ${plan.documentNo}：${why}，打印的不是现行文件，本次打印未记录：请重新打印。`,
      );
    }
    const file = { applicationId, contractId: contract?.id ?? null, kind: plan.copy ? 'contract-copy' : plan.kind };
    const documentId =
      documentBySha(db, plan.sha256)?.id ??
      (pdf ? keepDocument(ctx, scope, { ...file, sha256: plan.sha256, pdf }) : undefined);
    if (documentId === undefined) {
      throw new AppError('STORAGE', `${TITLES[plan.kind]} ${plan.documentNo} 的文件记录缺失：请重新生成。`);
    }
    const entry = { document_id: documentId, printer: input.printer ?? null, copies: input.copies };
    insertPrintEntry(db, { ...entry, user_id: session.userId, at: clock.at, is_copy: plan.copy ? 1 : 0 }, changeSeq);
    const becomesPrinted = contract?.status === 'draft';
    if (becomesPrinted) setContractStatus(db, contract.id, 'printed', null, clock.at, changeSeq);
    const printed = `${input.copies} × ${plan.sha256.slice(0, 16)}${plan.copy ? ' 副本' : ''}`;
    return {
      result: { ...plan, copies: input.copies, contract: contract ? stateOf(requireContract(ctx, entityId)) : null },
      audit: {
        // A reply's print is audited as the batch print of replies is (workstation/printSchemeReplies.ts).
        action: contract ? (plan.copy ? 'contracts.printCopy' : 'contracts.print') : 'documents.schemeReply.print',
        entity: contract ? 'contract' : 'application',
        entityId,
        diff: {
          printed: { before: null, after: printed },
          ...(becomesPrinted ? { status: { before: 'draft', after: 'printed' } } : {}),
        },
      },
    };
  });
}
