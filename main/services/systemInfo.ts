import type { SystemInfo } from '../../shared/api/contract';
import { schemaVersionOf } from '../db/connection';
import type { HandlerContext } from '../ipc/context';
import { APP_NAME, APP_VERSION } from './appVersion';

export function systemInfo(ctx: HandlerContext): SystemInfo {
  const setting = ctx.db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  return {
    appName: APP_NAME,
    version: APP_VERSION,
    schemaVersion: schemaVersionOf(ctx.db),
    dataDir: ctx.dataDir,
    hallCode: setting.get('hall.code')?.value ?? null,
    hallName: setting.get('hall.name')?.value ?? null,
    user: { id: ctx.session.userId, name: ctx.session.name, role: ctx.session.role },
  };
}
