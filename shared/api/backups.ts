/**
 * Channels of the 备份与恢复 page (administrators) and of the support log in 系统设置. A copy is named by its
 * file name in the data folder's backups/ (never a path), so a call cannot reach a file elsewhere.
 */
import { z } from 'zod';

/** yekuo-<kind>-<YYYYMMDD-HHMMSS>[-n].sqlite, as the backup service names its copies. */
export const BACKUP_FILE_PATTERN = /^yekuo-[a-z-]{3,20}-\d{8}-\d{6}(-\d{1,3})?\.sqlite$/;

const backupFile = z
  .string()
  .regex(BACKUP_FILE_PATTERN, '应为备份目录中的备份文件名（如 yekuo-daily-20260302-010000.sqlite）')
  .describe('备份文件');

export const backupInputs = {
  file: z.object({ file: backupFile }).strict(),
  secondFolder: z
    .object({
      folder: z
        .string()
        .trim()
        .min(1, '请填写完整路径，或点“取消第二备份目录”')
        .max(500, '路径最多 500 个字符')
        .nullable()
        .describe('第二备份目录'),
    })
    .strict(),
};

/** The check made after writing a copy (and again before restoring it). */
export interface BackupCheckView {
  /** `PRAGMA integrity_check`: 'ok' or its first complaint. */
  integrity: string;
  auditOk: boolean;
  auditChecked: number;
  auditMessage?: string;
  schemaVersion: number;
  checkedAt: string;
}

/** 备份类型: start 启动时, daily 每日, manual 手动, pre-migration 升级前, before-encryption 加密前. */
export const BACKUP_KINDS = ['start', 'daily', 'manual', 'pre-migration', 'before-encryption'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

export interface BackupItem {
  file: string;
  /** Undefined for a copy the manifest does not know (put there by hand): it was never checked. */
  kind?: BackupKind;
  createdAt: string;
  size: number;
  check?: BackupCheckView;
  /** True when the copy passed integrity_check and audit verify. */
  good: boolean;
  secondCopy?: { folder: string; ok: boolean; message?: string };
}

export interface BackupsView {
  /** The data folder's backups/ folder. */
  dir: string;
  secondFolder: string | null;
  backups: BackupItem[];
}

export interface RestoreOutcome {
  file: string;
  /** Where the replaced database was kept (`yekuo.sqlite.before-restore`). */
  before: string;
  /** `audit verify` on the restored database. */
  auditOk: boolean;
  auditChecked: number;
}

/** The support log's last lines (already free of personal data), for 系统设置 and the help desk. */
export interface SupportLogView {
  file: string;
  text: string;
  /** True when older lines were left out (the view holds the last 256 KB). */
  truncated: boolean;
}
