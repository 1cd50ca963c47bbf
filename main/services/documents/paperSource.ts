/**
 * Where each paper's record comes from (shared/workflow/contractPaper.ts): a 供用电合同 from the approved scheme
 * version, or for a 居民 connection without one from the application (residentialRecord.ts); a 补充协议 or
 * 终止协议 from the application and the account (agreementTerms.ts). The same source serves the first
 * generation, every regeneration and the 副本 of a signed paper, so they print the same.
 */
import type { BusinessType } from '../../../shared/domain/codes';
import { PAPER_LABELS, papersFor, type PaperKind } from '../../../shared/workflow/contractPaper';
import { stagePlan } from '../../../shared/workflow/stagePlans';
import { supplySchemeSchema } from '../../../shared/domain/scheme';
import type { ApplicationRow } from '../../db/repositories/applicationRepo';
import { approvedSchemeOnAccount } from '../../db/repositories/schemeRepo';
import type { HandlerContext } from '../../ipc/context';
import type { PaperRecord } from '../../pdf/documentRecord';
import { templateIdFor } from '../../pdf/documents';
import { recordOf } from '../applications/rowMapping';
import { AppError } from '../errors';
import { agreementTermsOf } from './agreementTerms';
import { defaultContractTerms } from './contractTerms';
import { disputeChoiceOf } from './disputeChoice';
import { contractRecordOf, customerClassOf } from './documentRecordOf';
import { documentHall } from './documentSettings';
import { residentialSchemeOfRecord } from './residentialRecord';
import { approvedScheme, hasApprovedScheme } from './schemeGate';

export interface PaperNumbering {
  number: string;
  issuedOn: string;
  /** The recorded signing date, for the 副本 of a signed paper. */
  signedOn?: string | null;
}

export interface PaperSource {
  paper: PaperKind;
  templateId: string;
  /** The approved scheme version the paper rests on; null for a paper without a scheme. */
  schemeVersionId: number | null;
  /** The scheme version number, for the refusal of a stale contract. */
  schemeVersion: number | null;
  recordFor(numbering: PaperNumbering): PaperRecord;
}

/** The paper an application signs when none is named: the first of its type (过户: the new contract). */
export function paperFor(app: ApplicationRow, requested: PaperKind | undefined): PaperKind {
  const type = app.business_type as BusinessType;
  const papers = papersFor(type);
  const paper = requested ?? papers[0];
  if (!paper || !papers.includes(paper)) {
    const signs = papers.length > 0 ? `签订的是${papers.map((p) => PAPER_LABELS[p]).join('和')}` : '不签订合同或协议';
    throw new AppError(
      'ILLEGAL_STATE',
      `申请 ${app.number} 的业务${signs}${requested ? `，不能生成${PAPER_LABELS[requested]}` : ''}：原合同继续有效的，按业务打印相应的工作单。`,
    );
  }
  return paper;
}

/** A flow without a scheme stage (居民 new connection, 过户, 分户 …) takes the contract's data from elsewhere. */
function flowHasScheme(app: ApplicationRow): boolean {
  return stagePlan(app.business_type as BusinessType, customerClassOf(app)).some((step) => step.stage === 'SCHEME');
}

/**
 * The contract of a flow without a scheme stage and without an approved scheme of its own: a 居民 customer's
 * from the application (signed at acceptance, §7.3 C); any other from the scheme the account was supplied under
 * (a 过户 keeps the supply as it is, §2.2), named by its 方案编号 and version.
 */
function contractOfRecord(ctx: HandlerContext, app: ApplicationRow, templateId: string): PaperSource {
  const application = recordOf(app);
  if (customerClassOf(app) === 'LVR') {
    return {
      paper: 'contract',
      templateId,
      schemeVersionId: null,
      schemeVersion: null,
      recordFor: (numbering) =>
        contractRecordOf(
          ctx,
          app,
          { scheme: residentialSchemeOfRecord(application, app.number, numbering.issuedOn) },
          numbering,
        ),
    };
  }
  const row = application.accountNo ? approvedSchemeOnAccount(ctx.db, application.accountNo, app.id) : undefined;
  const parsed = row ? supplySchemeSchema.safeParse(JSON.parse(row.content_json)) : undefined;
  if (!row || !parsed?.success) {
    throw new AppError(
      'ILLEGAL_STATE',
      `户号 ${application.accountNo ?? '（未登记）'} 在本厅没有已审批的供电方案，无法按原供电条件生成申请 ${app.number} 的供用电合同：请核对户号，或为本申请拟定并审批供电方案。`,
    );
  }
  return {
    paper: 'contract',
    templateId,
    schemeVersionId: row.id,
    schemeVersion: null,
    recordFor: (numbering) => contractRecordOf(ctx, app, { scheme: parsed.data, row }, numbering),
  };
}

export function paperSource(ctx: HandlerContext, app: ApplicationRow, paper: PaperKind): PaperSource {
  const application = recordOf(app);
  const templateId = templateIdFor(paper, application);
  if (paper !== 'contract') {
    const agreement = agreementTermsOf(ctx.db, app, application, paper);
    return {
      paper,
      templateId,
      schemeVersionId: null,
      schemeVersion: null,
      recordFor: ({ number, issuedOn, signedOn }) => {
        const hall = documentHall(ctx);
        return {
          documentNo: number,
          applicationNo: app.number,
          issuedOn,
          application,
          hall,
          contract: defaultContractTerms(application, issuedOn, hall.name, {
            signedOn,
            copies: hall.contractCopies,
            dispute: disputeChoiceOf(ctx.db, number),
          }),
          agreement,
        };
      },
    };
  }
  if (!flowHasScheme(app) && !hasApprovedScheme(ctx.db, app.id)) return contractOfRecord(ctx, app, templateId);
  const approved = approvedScheme(ctx.db, app.id, app.number);
  return {
    paper,
    templateId,
    schemeVersionId: approved.row.id,
    schemeVersion: approved.row.version,
    recordFor: (numbering) => contractRecordOf(ctx, app, { scheme: approved.scheme, row: approved.row }, numbering),
  };
}
