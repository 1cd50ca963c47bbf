/**
 * What a 补充协议 or 终止协议 says (REFERENCE.md §7.3 E), from the stored records only: the base contract (the
 * account's contract held by this hall, else the account's contract named by 户号), the customer who signs, the
 * items the application changes before → after with their units (the 原用电信息 recorded from the account
 * against the application), the effective date, and for a 终止协议 the final reading and the settlement.
 */
import type { ApplicationInput, CustomerInput } from '../../../shared/domain/application';
import { applicationInputSchema } from '../../../shared/domain/application';
import { BUSINESS_TYPE_INFO, type BusinessType } from '../../../shared/domain/codes';
import { TARIFF_CATEGORY_LABELS, VOLTAGE_LABELS } from '../../../shared/domain/labels';
import type { PaperKind } from '../../../shared/workflow/contractPaper';
import type { Db } from '../../db/connection';
import { applicationsOnAccount } from '../../db/repositories/accountRepo';
import type { ApplicationRow } from '../../db/repositories/applicationRepo';
import { baseContractOnAccount } from '../../db/repositories/documentRepo';
import type { AgreementTerms } from '../../pdf/documentRecord';
import { formatDate, formatYuan } from '../../pdf/templates/filters';
import { AppError } from '../errors';

type Change = AgreementTerms['changes'][number];
type Holder = AgreementTerms['holder'];

const holderOf = (c: CustomerInput): Holder => ({ kind: c.kind, name: c.name, idType: c.idType, idNumber: c.idNumber });

/**
 * The holder before a 更名 or 过户: as the 户号 look-up recorded it (`existing.holder`), else the customer of the
 * newest other application on the account.
 */
function previousHolder(db: Db, app: ApplicationRow, record: ApplicationInput, accountNo: string): Holder | undefined {
  const recorded = record.existing?.holder;
  if (recorded) {
    const organisation = recorded.idType === 'USCC' || recorded.legalRepName !== undefined;
    return {
      kind: organisation ? 'ORG' : 'PERSON',
      name: recorded.name,
      idType: recorded.idType ?? (organisation ? 'USCC' : 'RIC'),
      idNumber: recorded.idNumber ?? '',
    };
  }
  for (const other of applicationsOnAccount(db, accountNo, 20)) {
    if (other.number === app.number) continue;
    const parsed = applicationInputSchema.safeParse(JSON.parse(other.record_json));
    if (parsed.success) return holderOf(parsed.data.customer);
  }
  return undefined;
}

const transformersText = (list: readonly { ratingKva: number; count: number }[]) =>
  list.map((t) => `${t.ratingKva} kVA × ${t.count} 台`).join('，');

/** The status line of a change that the capacity and tariff rows do not show (暂停, restorations, 移表). */
const STATUS_CHANGE: Partial<Record<BusinessType, (app: ApplicationInput) => Change>> = {
  SUS: (app) => ({
    label: '用电状态',
    before: '正常用电',
    after: app.endDate ? `暂停用电至 ${formatDate(app.endDate)}` : '暂停用电',
  }),
  SUS_RESTORE: () => ({ label: '用电状态', before: '暂停用电', after: '恢复用电' }),
  RED_RESTORE: () => ({ label: '用电状态', before: '减容', after: '减容恢复' }),
  TTX: (app) => ({
    label: '受电变压器',
    before: '原变压器',
    after: app.endDate ? `暂换变压器，至 ${formatDate(app.endDate)} 止` : '暂换变压器',
  }),
  TTX_RESTORE: () => ({ label: '受电变压器', before: '暂换变压器', after: '换回原变压器' }),
  METER_MOVE: () => ({ label: '计量装置安装位置', before: '原安装位置', after: '按装表接电工作单移至新位置' }),
};

function changesOf(app: ApplicationInput, previous: Holder | undefined): Change[] {
  const e = app.existing ?? {};
  const rows: Change[] = [];
  const push = (label: string, before: string | undefined, after: string | undefined) => {
    if (before !== undefined && after !== undefined && before !== after) rows.push({ label, before, after });
  };
  if (app.businessType === 'RENAME') push('户名', previous?.name, app.customer.name);
  push('用电地址', e.address, app.site.address);
  push('供电电压', e.voltageCode && VOLTAGE_LABELS[e.voltageCode], VOLTAGE_LABELS[app.voltageCode]);
  // A 暂停 keeps the contract capacity and stops part of it: what changes is the capacity in use.
  const capacity = app.businessType === 'SUS' ? '运行容量' : '合同容量';
  if (app.customerClass === 'HV') {
    const kva = (v: number | undefined) => (v === undefined ? undefined : `${v} kVA`);
    push(capacity, kva(e.capacityKva), kva(app.requestedCapacityKva));
    if (e.transformers && app.transformers)
      push('受电变压器', transformersText(e.transformers), transformersText(app.transformers));
  } else {
    const kw = (v: number | undefined) => (v === undefined ? undefined : `${v} kW`);
    push(capacity, kw(e.capacityKw), kw(app.requestedCapacityKw));
  }
  push(
    '用电类别',
    e.tariffCategory && TARIFF_CATEGORY_LABELS[e.tariffCategory],
    TARIFF_CATEGORY_LABELS[app.tariff.category],
  );
  if (app.businessType === 'TEMP_EXTEND' && e.temporaryEndDate && app.endDate)
    push('临时用电截止日期', formatDate(e.temporaryEndDate), formatDate(app.endDate));
  const status = STATUS_CHANGE[app.businessType];
  if (status) rows.push(status(app));
  return rows;
}

/** The settlement a 终止协议 states; every part must be recorded (原用电信息) before it is printed. */
function settlementOf(number: string, app: ApplicationInput): NonNullable<AgreementTerms['settlement']> {
  const { finalMeterReading, arrearsFen, depositFen } = app.existing ?? {};
  if (finalMeterReading === undefined || arrearsFen === undefined || depositFen === undefined) {
    const missing = [
      finalMeterReading === undefined ? '最终抄见示数 (kWh)' : '',
      arrearsFen === undefined ? '欠费 (分)' : '',
      depositFen === undefined ? '保证金 (分)' : '',
    ].filter(Boolean);
    throw new AppError(
      'RULE_VIOLATION',
      `申请 ${number} 缺少“原用电信息”中的${missing.map((m) => `“${m}”`).join('、')}：终止协议须写明最终抄见示数和欠费、保证金的结算，请先登记。`,
    );
  }
  return {
    finalReading: `${finalMeterReading} kWh`,
    arrears: arrearsFen === 0 ? '无欠费' : `${formatYuan(arrearsFen)}，用电人于本协议签订前结清`,
    deposit: depositFen === 0 ? '无' : `${formatYuan(depositFen)}，抵扣应付电费后的余额退还用电人`,
  };
}

export function agreementTermsOf(db: Db, row: ApplicationRow, app: ApplicationInput, paper: PaperKind): AgreementTerms {
  const accountNo = app.accountNo;
  if (!accountNo) {
    throw new AppError(
      'RULE_VIOLATION',
      `申请 ${row.number} 没有户号，无法确定原供用电合同：补充协议和终止协议须登记原户号。`,
    );
  }
  const base = baseContractOnAccount(db, accountNo, row.id);
  const previous = previousHolder(db, row, app, accountNo);
  // A 过户's 终止协议 ends the previous holder's contract; every other paper is signed by the applicant.
  const endsPreviousHolder = paper === 'termination' && app.businessType === 'TRANSFER';
  if (endsPreviousHolder && !previous) {
    throw new AppError(
      'RULE_VIOLATION',
      `户号 ${accountNo} 在本厅没有原用电人的记录，无法生成过户的终止协议：请核对户号。`,
    );
  }
  const changes = paper === 'agreement' ? changesOf(app, previous) : [];
  if (paper === 'agreement' && changes.length === 0) {
    throw new AppError(
      'RULE_VIOLATION',
      `申请 ${row.number} 没有可写入补充协议的变更事项：请在“原用电信息”中登记变更前的容量、电压、电价类别或地址。`,
    );
  }
  return {
    business: BUSINESS_TYPE_INFO[app.businessType].label,
    holder: endsPreviousHolder ? previous! : holderOf(app.customer),
    baseContract: base
      ? `${base.number}${base.signed_on ? `（${formatDate(base.signed_on)}签订）` : ''}`
      : `户号 ${accountNo} 项下的供用电合同`,
    ...(app.effectiveDate ? { effectiveDate: app.effectiveDate } : {}),
    ...(app.endDate ? { endDate: app.endDate } : {}),
    changes,
    ...(paper === 'termination' ? { settlement: settlementOf(row.number, app) } : {}),
  };
}
