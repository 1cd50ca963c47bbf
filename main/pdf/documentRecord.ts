/**
 * Everything a document is generated from: the application, one approved scheme version, the hall and, for a
 * contract, its terms. The same record always gives the same PDF bytes (dates come from the record, not the clock).
 */
import { z } from 'zod';
import { documentSettingsSchema } from '../../shared/api/documents';
import { applicationInputSchema, customerSchema } from '../../shared/domain/application';
import { supplySchemeSchema } from '../../shared/domain/scheme';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const text = (max: number) => z.string().min(1).max(max);

export const hallInfoSchema = documentSettingsSchema
  .omit({ bodyFont: true, headingFont: true })
  .extend({ name: text(128).describe('营业厅名称') });

export const contractTermsSchema = z.object({
  startDate: isoDate.describe('合同生效日期'),
  /** Absent for residential contracts, which run until 销户 (REFERENCE.md §7.4). */
  termYears: z.number().int().positive().optional().describe('合同有效期 (年)'),
  endDate: isoDate.optional().describe('合同终止日期'),
  paymentMethod: text(64).describe('电费交付方式'),
  paymentDueDay: z.number().int().min(1).max(28).describe('每月交费截止日'),
  /** Late-payment penalty per day in ‰ of the arrears, inside the 1‰–3‰ of 条例 art 39. */
  latePaymentPerMille: z.number().min(1).max(3).describe('违约金比例 (‰/日)'),
  disputeBody: text(128).describe('争议解决机构'),
  /**
   * Layout 2 from contract-hv 1.4.0: the province profile's choice after negotiation and mediation, a court at the
   * place of performance or the named arbitration commission (REFERENCE.md §7.3 A.15).
   */
  disputeResolution: z.enum(['COURT', 'ARBITRATION']).optional().describe('争议解决方式'),
  arbitrationCommission: text(128).optional().describe('仲裁委员会'),
  /** Non-residential arrears from earlier years (1996 rules art 98: 3‰ beside the current year's 2‰). */
  latePaymentEarlierYearsPerMille: z.number().min(1).max(3).optional().describe('跨年度欠费违约金比例 (‰/日)'),
  /** Days between the reminder and disconnection for arrears (residential disconnection procedure). */
  arrearsNoticeDays: z.number().int().positive().optional().describe('欠费停电通知期 (日)'),
  signingPlace: text(128).describe('签订地点'),
  originals: z.number().int().min(2).describe('合同份数'),
  customerBank: text(128).optional().describe('客户开户银行及账号'),
  /** 临时供用电 (NEW_TEMP, TEMP_EXTEND): the term is the temporary period, without automatic renewal (§7.3 D). */
  temporary: z.boolean().optional().describe('临时供用电'),
  /**
   * Templates of layout 2 count the term from signing: until the contract is signed they print "自签订之日起";
   * a 副本 of a signed contract prints the recorded signing date and the end date counted from it.
   */
  signedOn: isoDate.optional().describe('签订日期'),
  signedEndDate: isoDate.optional().describe('合同终止日期（自签订之日起算）'),
  /** Originals printed, the same setting as the print dialog's copies (layout 2; `originals` is layout 1's). */
  copies: z.number().int().min(1).optional().describe('合同份数'),
});

/** One changed item, before and after, as printed (a scheme version's change, a 补充协议's). */
const changeRowSchema = z.object({
  label: text(256).describe('变更项目'),
  before: text(1024).describe('变更前'),
  after: text(1024).describe('变更后'),
});

/**
 * What a scheme version after the first replaces and what it changed (REFERENCE.md §6.3: the diff against the
 * previously approved version is printed on the re-issued reply). Derived from the stored versions, which are
 * immutable once approved, so the reply of a version always prints the same change.
 */
export const schemeChangeSchema = z.object({
  replacesVersion: z.number().int().positive().describe('被替代方案版本'),
  replacesSchemeNo: text(32).describe('被替代方案编号'),
  approvedOn: isoDate.describe('被替代方案审批日期'),
  /** Required by the scheme service for every change; a reply without it is refused, naming the field. */
  reason: text(512).optional().describe('变更理由'),
  changes: z.array(changeRowSchema).describe('变更项目'),
});

/**
 * A 补充协议 or 终止协议 to a standing contract (REFERENCE.md §7.3 E): which contract it amends or ends, what the
 * application changes (before → after, with units), from when, and for a 终止协议 the settlement at closing.
 * Built from the stored application and the account's earlier contract only, so it regenerates byte for byte.
 */
export const agreementSchema = z.object({
  /** 增容, 暂停, 过户 …: the business type's label. */
  business: text(32).describe('业务类型'),
  /** Who signs for the customer: the application's customer, or for a 过户's 终止协议 the previous holder. */
  holder: customerSchema.pick({ kind: true, name: true, idType: true, idNumber: true }).describe('用电人'),
  /** The base contract: its number when this hall holds it, else the account's contract by 户号. */
  baseContract: text(128).describe('原供用电合同'),
  effectiveDate: isoDate.optional().describe('变更生效日期'),
  endDate: isoDate.optional().describe('截止日期'),
  changes: z.array(changeRowSchema).describe('变更事项'),
  /** 终止协议: the final reading and the settlement of arrears and deposits. */
  settlement: z
    .object({
      finalReading: text(64).describe('最终抄见示数'),
      arrears: text(64).describe('欠费结清情况'),
      deposit: text(64).describe('保证金（预收电费）处理'),
    })
    .optional()
    .describe('结算'),
});

export const documentRecordSchema = z
  .object({
    documentNo: text(32).describe('文书编号'),
    applicationNo: text(32).describe('申请编号'),
    issuedOn: isoDate.describe('出具日期'),
    /** Absent for a 居民 contract signed at acceptance without a scheme: its scheme is the data of record. */
    schemeVersion: z.number().int().positive().optional().describe('供电方案版本'),
    application: applicationInputSchema.describe('申请'),
    scheme: supplySchemeSchema.describe('供电方案'),
    schemeChange: schemeChangeSchema.optional().describe('方案变更说明'),
    hall: hallInfoSchema.describe('营业厅'),
    contract: contractTermsSchema.optional().describe('合同条款'),
  })
  .superRefine((record, ctx) => {
    // Every version after the first replaces an earlier one; the first replaces nothing.
    const replaces = record.schemeChange?.replacesVersion;
    if (record.schemeVersion === undefined) return;
    if (
      record.schemeVersion > 1 ? replaces === undefined || replaces >= record.schemeVersion : replaces !== undefined
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['schemeChange'],
        message: `第 ${record.schemeVersion} 版供电方案的方案变更说明与版本不符：第 1 版之后的每一版都应说明替代的是哪一个更早的版本，第 1 版不替代任何版本。`,
      });
    }
  });

/**
 * What a 补充协议 or 终止协议 is generated from: the application, the hall and the agreement; no scheme (a change of
 * use keeps the supply the base contract describes, apart from the items listed).
 */
export const agreementRecordSchema = z.object({
  documentNo: text(32).describe('文书编号'),
  applicationNo: text(32).describe('申请编号'),
  issuedOn: isoDate.describe('出具日期'),
  application: applicationInputSchema.describe('申请'),
  hall: hallInfoSchema.describe('营业厅'),
  contract: contractTermsSchema.describe('合同条款'),
  agreement: agreementSchema.describe('协议'),
});

export type HallInfo = z.infer<typeof hallInfoSchema>;
export type ContractTerms = z.infer<typeof contractTermsSchema>;
export type SchemeChange = z.infer<typeof schemeChangeSchema>;
export type DocumentRecord = z.infer<typeof documentRecordSchema>;
export type AgreementTerms = z.infer<typeof agreementSchema>;
export type AgreementRecord = z.infer<typeof agreementRecordSchema>;
/** Any record a template renders. */
export type PaperRecord = DocumentRecord | AgreementRecord;
