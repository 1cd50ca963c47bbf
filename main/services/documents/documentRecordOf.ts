/**
 * Assembles the record a document is generated from: the stored application, its approved scheme (with what it
 * changed from the version before), the hall.
 */
import type { CustomerClass } from '../../../shared/domain/codes';
import type { ApplicationRow } from '../../db/repositories/applicationRepo';
import type { HandlerContext } from '../../ipc/context';
import type { ContractTerms, DocumentRecord, PaperRecord } from '../../pdf/documentRecord';
import { renderKind, type DocumentKind } from '../../pdf/documents';
import { FontLoadError } from '../../pdf/fonts';
import { MissingGlyphError } from '../../pdf/glyphRuns';
import type { RenderOptions, RenderedDocument } from '../../pdf/renderDocument';
import { MissingFieldError } from '../../pdf/templates/placeholders';
import { recordOf } from '../applications/rowMapping';
import { AppError } from '../errors';
import { defaultContractTerms } from './contractTerms';
import { disputeChoiceOf } from './disputeChoice';
import { documentFonts, documentHall } from './documentSettings';
import { schemeChangeOf } from './schemeChange';
import type { ApprovedScheme } from './schemeGate';

/** An approved scheme version, or (a 居民 contract without a scheme) the scheme of record with no version. */
export type SchemeBasis = Pick<ApprovedScheme, 'scheme'> & Partial<Pick<ApprovedScheme, 'row'>>;

export function documentRecordOf(
  ctx: HandlerContext,
  app: ApplicationRow,
  approved: SchemeBasis,
  document: { documentNo: string; issuedOn: string; contract?: ContractTerms },
): DocumentRecord {
  const schemeChange = approved.row
    ? schemeChangeOf(ctx.db, { row: approved.row, scheme: approved.scheme })
    : undefined;
  return {
    documentNo: document.documentNo,
    applicationNo: app.number,
    issuedOn: document.issuedOn,
    ...(approved.row ? { schemeVersion: approved.row.version } : {}),
    application: recordOf(app),
    scheme: approved.scheme,
    ...(schemeChange ? { schemeChange } : {}),
    hall: documentHall(ctx),
    ...(document.contract ? { contract: document.contract } : {}),
  };
}

export const customerClassOf = (app: ApplicationRow) => app.customer_class as CustomerClass;

/**
 * A contract's record: its number and issue date, the profile's terms for the class, signed at the hall; with
 * the recorded signing date for the 副本 of a signed contract.
 */
export function contractRecordOf(
  ctx: HandlerContext,
  app: ApplicationRow,
  approved: SchemeBasis,
  contract: { number: string; issuedOn: string; signedOn?: string | null },
): DocumentRecord {
  const hall = documentHall(ctx);
  const terms = defaultContractTerms(recordOf(app), contract.issuedOn, hall.name, {
    signedOn: contract.signedOn,
    copies: hall.contractCopies,
    dispute: disputeChoiceOf(ctx.db, contract.number),
  });
  return documentRecordOf(ctx, app, approved, {
    documentNo: contract.number,
    issuedOn: contract.issuedOn,
    contract: terms,
  });
}

/** Renders, turning a template's refusal (a missing value, an unprintable character) into a typed error. */
export function renderOrRefuse(
  ctx: HandlerContext,
  kind: DocumentKind,
  record: PaperRecord,
  options: RenderOptions & { templateVersion?: string } = {},
): RenderedDocument {
  try {
    return renderKind(kind, record, { ...options, fonts: documentFonts(ctx) });
  } catch (error) {
    if (error instanceof MissingFieldError || error instanceof MissingGlyphError || error instanceof FontLoadError) {
      throw new AppError('RULE_VIOLATION', error.message);
    }
    throw error;
  }
}
