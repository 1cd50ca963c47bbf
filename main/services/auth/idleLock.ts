/** 无操作锁屏: how long the screen stays open without input (系统设置; default 10 minutes). */
import { getSetting, putSetting } from '../../db/repositories/documentRepo';
import type { Db } from '../../db/connection';
import type { HandlerContext } from '../../ipc/context';
import { mutate } from '../mutation';

const KEY = 'security.idleLockMinutes';
export const DEFAULT_IDLE_LOCK_MINUTES = 10;

export function idleLockMinutes(db: Db): number {
  const stored = Number(getSetting(db, KEY));
  return Number.isInteger(stored) && stored > 0 ? stored : DEFAULT_IDLE_LOCK_MINUTES;
}

export function setIdleLockMinutes(ctx: HandlerContext, minutes: number): { minutes: number } {
  return mutate(ctx, ({ db, changeSeq }) => {
    const before = idleLockMinutes(db);
    putSetting(db, KEY, String(minutes), changeSeq);
    return {
      result: { minutes },
      audit: {
        action: 'settings.idleLock',
        entity: 'settings',
        entityId: KEY,
        diff: { minutes: { before, after: minutes } },
      },
    };
  });
}
