/**
 * Setting passwords: the first administrator of a new data folder, a user's own change, an administrator's
 * reset (the user must change it at the next sign-in). Each is one audited mutation; the hash never enters the
 * audit entry.
 */
import type { UserInfo } from '../../../shared/api/users';
import type { Role } from '../../../shared/domain/codes';
import { countUsersWithPassword, getUserCredentials, updatePassword } from '../../db/repositories/userRepo';
import type { HandlerContext } from '../../ipc/context';
import { AppError } from '../errors';
import { inOneTransaction, mutate } from '../mutation';
import { createUser } from '../users';
import { hashPassword } from './passwordHash';
import { checkPassword } from './signIn';
import { actingAs, type StoreContext } from './storeContext';

export interface NewUser {
  id: string;
  name: string;
  role: Role;
  password: string;
}

/**
 * Stores a new user with a password. `mustChange` is true when someone else chose the password (an
 * administrator adding a colleague), false for the first administrator, who chose their own.
 */
export async function addUserWithPassword(
  ctx: HandlerContext,
  user: NewUser,
  mustChange: boolean,
  guard?: () => void,
): Promise<UserInfo> {
  const stored = await hashPassword(user.password);
  return createUser(ctx, { id: user.id, name: user.name, role: user.role }, { stored, mustChange }, guard);
}

/**
 * The first administrator, only while no user of the data folder can sign in (first start, `yekuo init`).
 * `extra` runs in the same transaction (the first-run wizard's hall and document settings).
 */
export async function createFirstAdmin(
  ctx: StoreContext,
  admin: { id: string; name: string; password: string },
  extra: (ctx: HandlerContext) => void = () => undefined,
): Promise<UserInfo> {
  const refuseIfAnyUser = () => {
    if (countUsersWithPassword(ctx.db) > 0) {
      throw new AppError(
        'CONFLICT',
        '此数据目录已有用户，不能再创建首个管理员：请用已有账号登录，或请系统管理员添加用户。',
      );
    }
  };
  refuseIfAnyUser();
  const user = { ...admin, role: 'admin' as const };
  const acting = actingAs(ctx, user);
  const stored = await hashPassword(admin.password);
  return inOneTransaction(acting, () => {
    const created = createUser(acting, user, { stored, mustChange: false }, refuseIfAnyUser);
    extra(acting);
    return created;
  });
}

/** The signed-in user changes their own password; the current one is checked like a sign-in (and counted). */
export async function changeOwnPassword(ctx: HandlerContext, input: { current: string; next: string }): Promise<void> {
  if (input.current === input.next) {
    throw new AppError('BAD_INPUT', '新密码不能与当前密码相同：请换一个新密码。', [
      { field: 'next', ruleId: 'SCHEMA', severity: 'error', message: '新密码不能与当前密码相同。' },
    ]);
  }
  await checkPassword(ctx, ctx.session.userId, input.current);
  const password = await hashPassword(input.next);
  mutate(ctx, ({ db, changeSeq }) => {
    updatePassword(db, ctx.session.userId, password, false, changeSeq);
    return {
      result: null,
      audit: {
        action: 'auth.passwordChanged',
        entity: 'user',
        entityId: ctx.session.userId,
        diff: { mustChangePassword: { before: null, after: false } },
      },
    };
  });
}

/** 重置密码 by an administrator: a temporary password, changed by the user at the next sign-in; unlocks too. */
export async function resetPassword(ctx: HandlerContext, input: { id: string; password: string }): Promise<void> {
  if (!getUserCredentials(ctx.db, input.id)) throw new AppError('NOT_FOUND', `没有工号为 ${input.id} 的用户。`);
  const password = await hashPassword(input.password);
  mutate(ctx, ({ db, changeSeq }) => {
    const row = getUserCredentials(db, input.id);
    if (!row) throw new AppError('NOT_FOUND', `没有工号为 ${input.id} 的用户。`);
    updatePassword(db, input.id, password, true, changeSeq);
    return {
      result: null,
      audit: {
        action: 'auth.passwordReset',
        entity: 'user',
        entityId: input.id,
        diff: {
          mustChangePassword: { before: row.must_change_password === 1, after: true },
          ...(row.locked_until ? { lockedUntil: { before: row.locked_until, after: null } } : {}),
        },
      },
    };
  });
}
