import type { UserInfo } from '../../shared/api/users';
import type { Role } from '../../shared/domain/codes';
import {
  getUser,
  insertUser,
  listUsers as listUserRows,
  updatePassword,
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
