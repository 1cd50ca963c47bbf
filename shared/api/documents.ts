/**
 * Channels of issue 5: supply-scheme replies, contracts and their lifecycle, generated files. Inputs are
 * parsed in main; outputs are plain data (a file crosses as base64 only for the web harness's download).
 */
import { z } from 'zod';
import { PAPER_KINDS, type PaperKind } from '../workflow/contractPaper';

const number = z.string().trim().min(1, '请填写编号').max(40);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1).max(max);

/** A system font, e.g. Windows 宋体: a collection (.ttc) needs the face's PostScript name (`SimSun`). */
export const fontFaceSchema = z.object({
  file: text(512).describe('字体文件'),
  postscriptName: z.string().trim().max(128).optional().describe('PostScript 名称'),
});

/**
 * What documents print about the hall besides its code and name, and optionally the fonts to print with;
 * characters a configured font lacks still print from the bundled Noto faces.
 */
export const documentSettingsSchema = z.object({
  utilityName: text(128).describe('供电企业名称'),
  address: text(256).describe('营业厅地址'),
  phone: text(32).describe('营业厅电话'),
  contact: text(64).describe('经办人'),
  hotline: text(16).describe('服务热线'),
  /** The utility's side of the HV contract's party block (REFERENCE.md §7.3 A.1); the HV contract needs them. */
  legalRep: text(64).optional().describe('供电企业法定代表人'),
  taxNumber: text(32).optional().describe('供电企业纳税人识别号'),
  bankAccount: text(128).optional().describe('供电企业开户银行及账号'),
  email: text(128).optional().describe('供电企业通知邮箱'),
  /** Copies a contract is printed in: the print dialog's default and the 一式 N 份 of the contract text. */
  contractCopies: z.number().int().min(2).max(10).optional().describe('合同份数'),
  bodyFont: fontFaceSchema.optional().describe('正文字体'),
  headingFont: fontFaceSchema.optional().describe('标题字体'),
});
export type DocumentSettings = z.infer<typeof documentSettingsSchema>;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, '文件标识应为 64 位十六进制');

/** What to print: a contract by its number, or the reply of an application's approved scheme by the application's. */
export const printTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('contract'), number: number.describe('合同编号') }).strict(),
  z.object({ kind: z.literal('scheme-reply'), number: number.describe('申请编号') }).strict(),
]);
export type PrintTarget = z.infer<typeof printTargetSchema>;

/** A value the clerk may clear: trimmed; an empty string removes it (an empty 特别约定 prints 无). */
const clearable = (max: number, label: string) =>
  z.string().trim().max(max, `${label}不能超过 ${max} 个字符`).describe(label);

/**
 * 合同条款 (申请详情 › 合同与文书): the contract's 特别约定, a temporary supply's purpose, the customer's party details
 * the HV contract prints. A key left out stays as it is.
 */
export const contractDetailsSchema = z
  .object({
    number: number.describe('申请编号'),
    specialTerms: clearable(2000, '特别约定').optional(),
    purpose: clearable(256, '临时用电用途及项目').optional(),
    address: clearable(512, '用电人通讯地址').optional(),
    bankAccount: clearable(128, '用电人开户银行及账号').optional(),
    email: z
      .union([z.literal(''), z.string().trim().max(128).email('电子邮箱格式不正确，应如 name@example.com')])
      .optional()
      .describe('用电人电子邮箱'),
  })
  .strict();
export type ContractDetailsInput = z.infer<typeof contractDetailsSchema>;

const copies = z.number().int().min(1, '份数至少为 1').max(20, '一次最多打印 20 份').describe('打印份数');

export const documentInputs = {
  settings: documentSettingsSchema,
  byApplication: z.object({ number }).strict(),
  /** The paper of the application's type; `paper` chooses where the type signs two (过户: contract, 终止协议). */
  generate: z
    .object({
      number,
      paper: z
        .enum(PAPER_KINDS, {
          message: '文书种类应为 contract（供用电合同）、agreement（补充协议）或 termination（终止协议）',
        })
        .optional()
        .describe('文书种类'),
    })
    .strict(),
  preparePrint: z.object({ target: printTargetSchema }).strict(),
  /** Electron only: preview, print through the system dialog, and log the print if the dialog reports it printed. */
  print: z.object({ target: printTargetSchema, copies }).strict(),
  /** After the paper came out: `sha256` is the file printed, as `preparePrint` named it. */
  confirmPrinted: z
    .object({
      target: printTargetSchema,
      sha256: sha256.describe('打印的文件'),
      copies,
      printer: z.string().trim().max(128).optional().describe('打印机'),
    })
    .strict(),
  setDetails: contractDetailsSchema,
  sign: z.object({ number, signedOn: isoDate.describe('签订日期') }).strict(),
  void: z.object({ number, reason: text(512).describe('作废原因') }).strict(),
  download: z.object({ sha256 }).strict(),
};

export interface GeneratedDocument {
  kind: 'scheme-reply' | 'contract' | 'agreement' | 'termination' | 'work-sheet';
  documentNo: string;
  sha256: string;
  size: number;
  /** Path of the stored file, relative to the data folder. */
  path: string;
  pageCount: number;
  templateId: string;
  templateVersion: string;
  /** sha256 of the data the document was generated from; its first 16 hex are in the QR code. */
  dataHash: string;
}

export type ContractStatus = 'draft' | 'printed' | 'signed' | 'void';

export interface ContractState {
  number: string;
  /** Which paper the row is: 供用电合同, 补充协议 or 终止协议 (its template says). */
  paper: PaperKind;
  status: ContractStatus;
  pdfSha256: string | null;
  signedOn: string | null;
  voidReason: string | null;
}

/** The file a print would put on paper; nothing is logged until the print is confirmed. */
export interface PrintPlan {
  kind: PrintTarget['kind'];
  documentNo: string;
  /** Title of the preview window. */
  title: string;
  /** File to print, relative to the data folder. */
  path: string;
  sha256: string;
  /** Reprint of a signed contract: the file is marked 副本 on every page. */
  copy: boolean;
}

/** A logged print: the print-log row was written, and a draft contract became printed. */
export interface PrintRecord extends PrintPlan {
  copies: number;
  /** The contract after the print; null for a scheme reply. */
  contract: ContractState | null;
}

/** What `documents.print` reports: logged only when the system print dialog says it printed. */
export type PrintOutcome = { printed: true; record: PrintRecord } | { printed: false; reason: string };

export interface DownloadedDocument {
  fileName: string;
  mimeType: string;
  base64: string;
}
