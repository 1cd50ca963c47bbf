/**
 * Channels of issue 5: supply-scheme replies, contracts and their lifecycle, generated files. Inputs are
 * parsed in main; outputs are plain data (a file crosses as base64 only for the web harness's download).
 */
import { z } from 'zod';

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
  bodyFont: fontFaceSchema.optional().describe('正文字体'),
  headingFont: fontFaceSchema.optional().describe('标题字体'),
});
export type DocumentSettings = z.infer<typeof documentSettingsSchema>;

export const documentInputs = {
  settings: documentSettingsSchema,
  byApplication: z.object({ number }).strict(),
  markPrinted: z
    .object({
      number,
      copies: z.number().int().min(1, '份数至少为 1').max(20, '一次最多打印 20 份'),
      printer: z.string().max(128).optional(),
    })
    .strict(),
  sign: z.object({ number, signedOn: isoDate.describe('签订日期') }).strict(),
  void: z.object({ number, reason: text(512).describe('作废原因') }).strict(),
  download: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/, '文件标识应为 64 位十六进制') }).strict(),
};

export interface GeneratedDocument {
  kind: 'scheme-reply' | 'contract';
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
  status: ContractStatus;
  pdfSha256: string | null;
  signedOn: string | null;
  voidReason: string | null;
}

export interface PrintJob {
  contract: ContractState;
  /** File to print, relative to the data folder. */
  path: string;
  sha256: string;
  copies: number;
  /** Reprint of a signed contract: the file is marked 副本. */
  copy: boolean;
}

export interface DownloadedDocument {
  fileName: string;
  mimeType: string;
  base64: string;
}
