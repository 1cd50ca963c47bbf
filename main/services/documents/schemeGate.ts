/**
 * Which scheme version a document may be printed from (REFERENCE.md §5.3.7 R-GATE-02/03): only an approved
 * one; and once a contract is signed the scheme is locked, so a new version is refused until that contract
 * is voided.
 */
import { supplySchemeSchema, type SupplyScheme } from '../../../shared/domain/scheme';
import type { Db } from '../../db/connection';
import { signedContractCount } from '../../db/repositories/documentRepo';
import { schemeVersionsOf, type SchemeVersionRow } from '../../db/repositories/schemeRepo';
import { AppError } from '../errors';

export interface ApprovedScheme {
  row: SchemeVersionRow;
  scheme: SupplyScheme;
}

/** Whether the application has an approved scheme version at all. */
export function hasApprovedScheme(db: Db, applicationId: number): boolean {
  return schemeVersionsOf(db, applicationId).some((v) => v.status === 'approved');
}

export function approvedScheme(db: Db, applicationId: number, applicationNo: string): ApprovedScheme {
  const versions = schemeVersionsOf(db, applicationId);
  const row = versions.filter((v) => v.status === 'approved').at(-1);
  if (!row) {
    const draft = versions.some((v) => v.status === 'draft');
    throw new AppError(
      'ILLEGAL_STATE',
      draft
        ? `申请 ${applicationNo} 的供电方案尚未审批：合同和答复单只能依据已审批的方案生成，请先提交班长审批。`
        : `申请 ${applicationNo} 还没有供电方案：请先拟定并审批供电方案。`,
    );
  }
  const parsed = supplySchemeSchema.safeParse(JSON.parse(row.content_json));
  if (!parsed.success) {
    throw new AppError(
      'ILLEGAL_STATE',
      `申请 ${applicationNo} 第 ${row.version} 版供电方案内容不完整，无法生成文书：${parsed.error.issues[0]?.message ?? ''}`,
    );
  }
  return { row, scheme: parsed.data };
}

/** For the scheme service: call before saving a new version of an application's scheme. */
export function assertSchemeUnlocked(db: Db, applicationId: number, applicationNo: string): void {
  if (signedContractCount(db, applicationId) > 0) {
    throw new AppError(
      'ILLEGAL_STATE',
      `申请 ${applicationNo} 的供用电合同已签订，供电方案已锁定，不能再变更：如确需变更，请先作废该合同（注明原因）并重新签订。`,
    );
  }
}
