/** The export settings (privacy, PDFs, folder, HQ address, schedule, receipt limit), stored as one audited setting. */
import { DEFAULT_EXPORT_SETTINGS, exportSettingsSchema, type ExportSettings } from '../../shared/api/export';
import { getSetting, putSetting } from '../db/repositories/documentRepo';
import type { Db } from '../db/connection';
import type { HandlerContext } from '../ipc/context';
import { fieldDiff } from '../services/canonicalJson';
import { mutate } from '../services/mutation';

const KEY = 'export.settings';

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
    putSetting(db, KEY, JSON.stringify(after), changeSeq);
    return {
      result: after,
      audit: { action: 'export.settings', entity: 'settings', entityId: KEY, diff: fieldDiff(before, after) },
    };
  });
}
