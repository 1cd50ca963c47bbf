/**
 * 合同条款: what the clerk fills in for the contract itself at the 合同与文书 tab — the 特别约定, a temporary
 * supply's 用电用途及项目 and the customer's party details the HV and LV non-residential contracts print (通讯地址,
 * 开户银行及账号, 电子邮箱) — and the check that such a contract has its party details before it takes a number.
 */
import type { ContractDetailsInput } from '../../../shared/api/documents';
import type { ApplicationInput } from '../../../shared/domain/application';
import { APPLICATION_STATUS_LABELS, type ApplicationStatus } from '../../../shared/domain/codes';
import { updateApplication as updateRow } from '../../db/repositories/applicationRepo';
import { liveContracts } from '../../db/repositories/documentRepo';
import type { HandlerContext } from '../../ipc/context';
import { parseApplication } from '../applicationRules';
import { loadApplication } from '../applications/loadApplication';
import { recordOf, summaryOf } from '../applications/rowMapping';
import type { ApplicationSummary } from '../../../shared/api/applications';
import { fieldDiff } from '../canonicalJson';
import { AppError } from '../errors';
import { mutate } from '../mutation';

/** Where the clerk fills these in: named by every refusal that asks for them. */
export const CONTRACT_DETAILS_PLACE = '申请详情 › 合同与文书 › 合同条款';

/**
 * The customer's side of the party block (REFERENCE.md §7.3 A.1: addresses and bank details for settlement),
 * required before the contract takes a number. A.1 holds for the HV contract and, by §7.3 B ("items 1–8, 11–18
 * of A") and D ("as B/A"), for the LV non-residential one, temporary supply included: contract-hv from 1.4.0 and
 * contract-lv-nonresidential from 1.4.0 print them. The residential contract names the household holder and ID
 * only (§7.3 C); a 补充协议 or 终止协议 refers to the base contract's parties (§7.3 E).
 */
const PARTY_DETAILS_REQUIRED: Record<string, string> = {
  'contract-hv': '高压供用电合同',
  'contract-lv-nonresidential': '低压非居民供用电合同',
};

const PARTY_FIELDS = [
  { key: 'address', label: '用电人·通讯地址' },
  { key: 'bankAccount', label: '用电人·开户银行及账号' },
] as const;

export function assertContractParties(applicationNo: string, app: ApplicationInput, templateId: string): void {
  const paper = PARTY_DETAILS_REQUIRED[templateId];
  if (!paper) return;
  const missing = PARTY_FIELDS.filter(({ key }) => !app.customer[key]?.trim());
  if (missing.length === 0) return;
  const names = missing.map(({ label }) => `“${label}”`).join('、');
  throw new AppError(
    'RULE_VIOLATION',
    `${paper}须载明用电人的通讯地址和开户银行及账号（结算与通知送达），申请 ${applicationNo} 缺少${names}：请在“${CONTRACT_DETAILS_PLACE}”中填写后再生成合同（本次未占用合同编号）。`,
    missing.map(({ key, label }) => ({
      field: `customer.${key}`,
      ruleId: 'R-CON-01',
      severity: 'error' as const,
      message: `${label}：${paper}须载明，请在“${CONTRACT_DETAILS_PLACE}”中填写。`,
    })),
  );
}

/** A value to store: trimmed, or gone when empty (an empty 特别约定 prints 无). */
function withValue<T extends object, K extends string>(target: T, key: K, value: string | undefined): T {
  if (value === undefined) return target;
  const { [key]: _old, ...rest } = target as Record<string, unknown>;
  return (value ? { ...rest, [key]: value } : rest) as T;
}

export function setContractDetails(ctx: HandlerContext, input: ContractDetailsInput): ApplicationSummary {
  return mutate(ctx, ({ db, changeSeq, clock }) => {
    const row = loadApplication(db, input.number);
    const status = row.status as ApplicationStatus;
    if (status !== 'ACTIVE' && status !== 'SUSPENDED') {
      throw new AppError(
        'ILLEGAL_STATE',
        `申请 ${input.number} 已${APPLICATION_STATUS_LABELS[status]}，不能再修改合同条款。`,
      );
    }
    // A signed paper reprints byte for byte from these values; changing them means a new paper.
    const signed = liveContracts(db, row.id).find((contract) => contract.status === 'signed');
    if (signed) {
      throw new AppError(
        'ILLEGAL_STATE',
        `合同 ${signed.number} 已签订，合同条款不能再修改：如确需变更，请交班长作废该合同后重新生成、签订。`,
      );
    }
    const before = recordOf(row);
    let customer = before.customer;
    customer = withValue(customer, 'address', input.address);
    customer = withValue(customer, 'bankAccount', input.bankAccount);
    customer = withValue(customer, 'email', input.email);
    let next: ApplicationInput = { ...before, customer };
    next = withValue(next, 'specialTerms', input.specialTerms);
    next = withValue(next, 'purpose', input.purpose);
    const app = parseApplication(next);
    const update = { ...row, updated_at: clock.at, record_json: JSON.stringify(app), change_seq: changeSeq };
    if (!updateRow(db, row.id, row.version, update)) {
      throw new AppError('CONFLICT', `申请 ${input.number} 已被他人修改：请刷新后重试。`);
    }
    return {
      result: summaryOf(update, clock.today),
      audit: {
        action: 'contracts.setDetails',
        entity: 'application',
        entityId: input.number,
        diff: fieldDiff({ record: before }, { record: app }),
      },
    };
  });
}
