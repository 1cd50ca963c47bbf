/**
 * 数据导出: the export settings and the batch history crossing the boundary (CLI, IPC, the 数据导出 page).
 * The bundle format itself is docs/export-format.md and main/export/format.ts.
 */
import { z } from 'zod';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间应为 HH:MM（24 小时制），例如 18:30');

export const exportScheduleSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('off') }),
    z.object({ kind: z.literal('daily'), at: time.describe('每日导出时间') }),
    z.object({ kind: z.literal('signOut') }),
  ])
  .describe('导出计划');
export type ExportSchedule = z.infer<typeof exportScheduleSchema>;

export const exportSettingsSchema = z
  .object({
    /** full: ID numbers and phones as stored (HQ needs them); masked: as lists show them. */
    privacy: z.enum(['full', 'masked']).describe('个人信息'),
    /** Attach the generated PDFs (files/<sha256>.pdf) besides their metadata. */
    includePdfs: z.boolean().describe('附带 PDF 文件'),
    /** Delivery folder (shared drive, USB disk); empty: none. */
    folder: z.string().trim().max(500, '导出文件夹路径不超过 500 个字符').describe('导出文件夹'),
    /** The HQ receiver's address (https://…/ behind the reverse proxy); empty: none. */
    hqUrl: z
      .string()
      .trim()
      .max(500)
      .refine((v) => v === '' || /^https?:\/\/[^\s]+$/.test(v), '总部地址应以 http:// 或 https:// 开头')
      .describe('总部接收地址'),
    /** HQ's Ed25519 public key (SPKI PEM, hq.pub): receipts must verify with it; empty: none registered. */
    hqPublicKey: z
      .string()
      .trim()
      .max(2000, '总部公钥不超过 2000 个字符')
      .refine(
        (v) => v === '' || /^-----BEGIN PUBLIC KEY-----[\s\S]+-----END PUBLIC KEY-----$/.test(v),
        '总部公钥应为 PEM 格式（-----BEGIN PUBLIC KEY----- 开头），即总部 yekuo hq pubkey 写出的 hq.pub',
      )
      .describe('总部公钥'),
    schedule: exportScheduleSchema,
    /** A batch without HQ's receipt after this many working days is a workbench warning. */
    receiptWorkdays: z.number().int().min(1, '应为 1–30 个工作日').max(30, '应为 1–30 个工作日').describe('回执期限'),
  })
  .strict();
export type ExportSettings = z.infer<typeof exportSettingsSchema>;

export const DEFAULT_EXPORT_SETTINGS: ExportSettings = {
  privacy: 'full',
  includePdfs: false,
  folder: '',
  hqUrl: '',
  hqPublicKey: '',
  schedule: { kind: 'off' },
  receiptWorkdays: 2,
};

export type DeliveryState = 'RECEIPTED' | 'IN_FOLDER' | 'PENDING';
export const DELIVERY_STATE_LABELS: Record<DeliveryState, string> = {
  RECEIPTED: '已送达总部',
  IN_FOLDER: '已写入文件夹',
  PENDING: '待送达',
};

/** One row of the history. */
export interface ExportBatchInfo {
  batch: number;
  fromSeq: number;
  toSeq: number;
  file: string;
  sha256: string;
  size: number;
  createdAt: string;
  privacy: 'full' | 'masked';
  rows: Record<string, number>;
  auditHead: { id: number; hash: string };
  delivery: DeliveryState;
  folder: string | null;
  folderAt: string | null;
  receiptAt: string | null;
  sendAttempts: number;
  nextSendAt: string | null;
  lastSendError: string | null;
}

export interface ExportStatus {
  hallCode: string;
  /** change_seq already exported (the newest batch's to_seq). */
  watermark: number;
  /** The hall's change counter now; pending = current − watermark changes. */
  currentSeq: number;
  batches: ExportBatchInfo[];
  settings: ExportSettings;
  /** ISO instant of the next scheduled run; null when the schedule is off or at sign-out. */
  nextRun: string | null;
  /** Batches without HQ's receipt for longer than settings.receiptWorkdays (only with an HQ address). */
  overdueReceipts: number[];
  /** Changes waiting for longer than settings.receiptWorkdays since the last batch (only with a destination). */
  exportOverdue: boolean;
  /** sha256 of the registered HQ public key; null when none is registered. */
  hqKeyFingerprint: string | null;
}

/**
 * What 立即导出 did: the new batch (null: nothing changed), the batches copied into the folder, the batches HQ
 * receipted, and why sending stopped (null: every batch receipted, or no HQ address).
 */
export interface ExportRunResult {
  created: ExportBatchInfo | null;
  delivered: number[];
  sent: number[];
  sendError: string | null;
}

/**
 * An export under way (立即导出 or the schedule), what the 数据导出 page's bar shows: `read` while the changed rows
 * are read into one file per table, `bundle` while those files are packed into the signed bundle, `deliver` while
 * the folder copy and HQ delivery run. Tables and rows are counted cumulatively within the phase.
 */
export interface ExportProgress {
  phase: 'read' | 'bundle' | 'deliver';
  tablesDone: number;
  tables: number;
  rows: number;
}

export const exportInputs = {
  run: z.object({}).strict(),
  resend: z.object({ batch: z.number().int().min(1, '批次号应为正整数').describe('批次号') }).strict(),
  updateSettings: exportSettingsSchema.partial().strict(),
};
