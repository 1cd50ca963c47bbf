/** The export settings (privacy, PDFs, folder, HQ address, schedule, receipt limit), stored as one audited setting. */
import { createPublicKey } from 'node:crypto';
import { DEFAULT_EXPORT_SETTINGS, exportSettingsSchema, type ExportSettings } from '../../shared/api/export';
import { getSetting, putSetting } from '../db/repositories/documentRepo';
import type { Db } from '../db/connection';
import type { HandlerContext } from '../ipc/context';
import { fieldDiff } from '../services/canonicalJson';
import { AppError } from '../services/errors';
import { mutate } from '../services/mutation';

const KEY = 'export.settings';

function isEd25519PublicKey(pem: string): boolean {
  try {
    return createPublicKey(pem).asymmetricKeyType === 'ed25519';
  } catch {
    return false;
  }
}

/** The stored settings over the defaults; a stored value this version no longer accepts falls back to the defaults. */
export function readExportSettings(db: Db): ExportSettings {
  const raw = getSetting(db, KEY);
  if (raw === undefined) return DEFAULT_EXPORT_SETTINGS;
  const parsed = exportSettingsSchema.safeParse({ ...DEFAULT_EXPORT_SETTINGS, ...(JSON.parse(raw) as object) });
  return parsed.success ? parsed.data : DEFAULT_EXPORT_SETTINGS;
}

export function updateExportSettings(ctx: HandlerContext, change: Partial<ExportSettings>): ExportSettings {
  return mutate(ctx, ({ db, changeSeq }) => {
    const before = readExportSettings(db);
    const after = exportSettingsSchema.parse({ ...before, ...change });
    if (after.hqPublicKey && !isEd25519PublicKey(after.hqPublicKey)) {
      throw new AppError('BAD_INPUT', '总部公钥不是有效的 Ed25519 公钥：请使用总部 yekuo hq pubkey 写出的 hq.pub。', [
        {
          field: 'hqPublicKey',
          ruleId: 'SCHEMA',
          severity: 'error',
          message: '总部公钥：不是有效的 Ed25519 公钥（应为总部 yekuo hq pubkey 写出的 hq.pub）',
        },
      ]);
    }
    putSetting(db, KEY, JSON.stringify(after), changeSeq);
    return {
      result: after,
      audit: { action: 'export.settings', entity: 'settings', entityId: KEY, diff: fieldDiff(before, after) },
    };
  });
}
