import type { UserInfo } from '../../shared/api/users';
import type { Role } from '../../shared/domain/codes';
import {
  countActiveAdmins,
  getUser,
  insertUser,
  listUsers as listUserRows,
  updatePassword,
  updateUserActive,
  type StoredPassword,
  type UserRow,
} from '../db/repositories/userRepo';
import type { HandlerContext } from '../ipc/context';
import { AppError } from './errors';
import { mutate } from './mutation';

const infoOf = (row: UserRow): UserInfo => ({
  id: row.id,
  name: row.name,
  role: row.role as Role,
  active: row.active === 1,
  createdAt: row.created_at,
});

export function listUsers(ctx: HandlerContext): UserInfo[] {
  return listUserRows(ctx.db).map(infoOf);
}

/** A hashed password for a new user, and whether the user must change it at the first sign-in. */
export interface InitialPassword {
  stored: StoredPassword;
  mustChange: boolean;
}

/**
 * Adds a hall user (营业员, 班长/审核员, 系统管理员); the id is the staff number and never changes. Without a
 * password the user cannot sign in until an administrator sets one (重置密码). `guard` runs inside the
 * transaction, before the insert (the first administrator's "no user yet" check).
 */
export function createUser(
  ctx: HandlerContext,
  input: { id: string; name: string; role: Role },
  password?: InitialPassword,
  guard: () => void = () => undefined,
): UserInfo {
  return mutate(ctx, ({ db, changeSeq, clock }) => {
    guard();
    if (getUser(db, input.id)) throw new AppError('CONFLICT', `工号 ${input.id} 已存在：请换一个工号。`);
    const row: UserRow = { id: input.id, name: input.name, role: input.role, active: 1, created_at: clock.at };
    insertUser(db, row, changeSeq);
    if (password) updatePassword(db, input.id, password.stored, password.mustChange, changeSeq);
    return {
      result: infoOf(row),
      audit: {
        action: 'user.create',
        entity: 'user',
        entityId: input.id,
        diff: {
          name: { before: null, after: input.name },
          role: { before: null, after: input.role },
          ...(password ? { mustChangePassword: { before: null, after: password.mustChange } } : {}),
        },
      },
    };
  });
}

/**
 * 停用 (or 启用 again) a user. Nobody disables themselves, and the last active administrator stays: otherwise
 * nobody could manage users any more. Users are never deleted (the audit trail names them).
 */
export function setUserActive(ctx: HandlerContext, input: { id: string; active: boolean }): UserInfo {
  return mutate(ctx, ({ db, changeSeq }) => {
    const row = getUser(db, input.id);
    if (!row) throw new AppError('NOT_FOUND', `没有工号为 ${input.id} 的用户：请核对工号。`);
    if (!input.active && input.id === ctx.session.userId) {
      throw new AppError('ILLEGAL_STATE', '不能停用自己的账号：请由另一位系统管理员操作。');
    }
    if (!input.active && row.role === 'admin' && row.active === 1 && countActiveAdmins(db) <= 1) {
      throw new AppError(
        'ILLEGAL_STATE',
        `${row.name}（${row.id}）是最后一位在用的系统管理员，不能停用：请先添加另一位系统管理员。`,
      );
    }
    updateUserActive(db, input.id, input.active, changeSeq);
    return {
      result: infoOf({ ...row, active: input.active ? 1 : 0 }),
      audit: {
        action: input.active ? 'user.enable' : 'user.disable',
        entity: 'user',
        entityId: input.id,
        diff: { active: { before: row.active === 1, after: input.active } },
      },
    };
  });
}

/** The command line's session id (main/cli/runtime.ts) has no users row; it reads 命令行 like its audit entries. */
const SESSION_NAMES: Record<string, string> = { cli: '命令行' };

/** A user id as people read it: today's name from `names` (userNames), else the id. */
export function displayNameOf(id: string, names: ReadonlyMap<string, string>): string {
  return names.get(id) ?? SESSION_NAMES[id] ?? id;
}
