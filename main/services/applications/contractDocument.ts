/**
 * The checklist's 供用电合同 and the contract the hall generated are one paper: while a generated contract (or
 * supplementary agreement) is unsigned, the checklist cannot call it received — signing it registers it.
 */
import type { ApplicationInput } from '../../../shared/domain/application';
import type { Db } from '../../db/connection';
import { liveContracts } from '../../db/repositories/documentRepo';
import { paperKindOfTemplate } from '../../pdf/documents';
import { AppError } from '../errors';

const contractReceived = (app: ApplicationInput): boolean =>
  app.documents.some((d) => d.code === 'CONTRACT' && d.status === 'RECEIVED');

/** Refuses registering 供用电合同 as received while the application's generated contract is not signed. */
export function assertContractDocumentSigned(
  db: Db,
  applicationId: number,
  before: ApplicationInput,
  after: ApplicationInput,
): void {
  if (contractReceived(before) || !contractReceived(after)) return;
  const unsigned = liveContracts(db, applicationId).find(
    (c) => paperKindOfTemplate(c.template_id) !== 'termination' && c.status !== 'signed',
  );
  if (!unsigned) return;
  throw new AppError(
    'ILLEGAL_STATE',
    `本申请的供用电合同 ${unsigned.number} 尚未登记签订，资料清单不能登记为“已收”：请在“合同与文书”中登记已签订，` +
      '登记后资料清单自动登记为已收。',
  );
}

/** The record with its listed 供用电合同 registered as received (what signing the generated contract means). */
export function withContractReceived(app: ApplicationInput): ApplicationInput | null {
  if (contractReceived(app) || !app.documents.some((d) => d.code === 'CONTRACT')) return null;
  return {
    ...app,
    documents: app.documents.map((d) => (d.code === 'CONTRACT' ? { code: 'CONTRACT', status: 'RECEIVED' } : d)),
  };
}
