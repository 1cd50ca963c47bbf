import type { HallInfo } from '../../shared/api/hall';
import { getHall, insertHall, updateHallName } from '../db/repositories/hallRepo';
import type { HandlerContext } from '../ipc/context';
import { signAuditHead } from './auditAnchors';
import { AppError } from './errors';
import { mutate } from './mutation';

/**
 * Initialises the data folder's hall once: its code prefixes every number, so it never changes afterwards. The
 * hall's signing key is created here and signs the first chain head.
 */
export function initHall(ctx: HandlerContext, input: { code: string; name: string }): HallInfo {
  const hall = mutate(ctx, ({ db, changeSeq, clock }) => {
    const existing = getHall(db);
    if (existing) {
      throw new AppError(
        'CONFLICT',
        `此数据目录已初始化为营业厅 ${existing.code}（${existing.name}）：营业厅编码不能更改，如需新营业厅请使用新的数据目录。`,
      );
    }
    insertHall(db, { code: input.code, name: input.name, created_at: clock.at }, changeSeq);
    return {
      result: { code: input.code, name: input.name, createdAt: clock.at },
      audit: {
        action: 'hall.init',
        entity: 'hall',
        entityId: input.code,
        diff: { code: { before: null, after: input.code }, name: { before: null, after: input.name } },
      },
    };
  });
  signAuditHead(ctx, 'init');
  return hall;
}

export function hallInfo(ctx: HandlerContext): HallInfo | null {
  const hall = getHall(ctx.db);
  return hall ? { code: hall.code, name: hall.name, createdAt: hall.created_at } : null;
}

export function requireHall(ctx: HandlerContext): HallInfo {
  const hall = hallInfo(ctx);
  if (!hall) {
    throw new AppError(
      'ILLEGAL_STATE',
      '数据目录尚未初始化营业厅：请先执行 yekuo init --hall-code 编码 --hall-name 名称。',
    );
  }
  return hall;
}

/** Renames the hall (e.g. after a reorganisation); numbers keep the code, so nothing issued changes. */
export function renameHall(ctx: HandlerContext, name: string): HallInfo {
  return mutate(ctx, ({ db, changeSeq }) => {
    const hall = requireHall(ctx);
    updateHallName(db, name, changeSeq);
    return {
      result: { ...hall, name },
      audit: {
        action: 'hall.update',
        entity: 'hall',
        entityId: hall.code,
        diff: { name: { before: hall.name, after: name } },
      },
    };
  });
}
