/**
 * 登录: checks a staff number and password, counts failures and locks the account after 5 of them for 15
 * minutes. Every attempt is audited (sign-in, failed sign-in, account locked), each as one mutation with its
 * change_seq. The scrypt work runs before the transaction, so the write lock is held only for the bookkeeping.
 */
import { supportLog } from '../../log/supportLog';
import type { Role } from '../../../shared/domain/codes';
import { getUserCredentials, updateSignInState, type UserCredentialRow } from '../../db/repositories/userRepo';
import type { Session } from '../../ipc/context';
import { clockOf } from '../clock';
import { AppError } from '../errors';
import { mutate } from '../mutation';
import { spendVerificationTime, verifyPassword } from './passwordHash';
import { actingAs, type StoreContext } from './storeContext';

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCK_MINUTES = 15;

export interface SignedIn {
  session: Session;
  mustChangePassword: boolean;
}

const WRONG = '工号或密码不正确：请检查后重试（连续 5 次错误将锁定账号 15 分钟）。';

function lockedMessage(lockedUntil: string): string {
  const until = new Date(new Date(lockedUntil).getTime() + 8 * 3_600_000).toISOString().slice(11, 16);
  return `账号因连续 ${MAX_FAILED_ATTEMPTS} 次密码错误已锁定至 ${until}（北京时间）：请到时再试，或请系统管理员重置密码。`;
}

const isLocked = (row: UserCredentialRow, at: string): row is UserCredentialRow & { locked_until: string } =>
  row.locked_until !== null && row.locked_until > at;

/** For the help desk: who failed to sign in and why (never the password typed). */
function logFailure(ctx: StoreContext, id: string, reason: string): void {
  supportLog(ctx.dataDir).warn({ event: 'sign-in-failed', user: id, reason }, '登录失败');
}

/**
 * Verifies `password` for `id` and records the outcome. Throws FORBIDDEN (with the reason in Chinese) on any
 * failure; the failure is audited and committed before the throw.
 */
export async function checkPassword(ctx: StoreContext, id: string, password: string): Promise<UserCredentialRow> {
  const row = getUserCredentials(ctx.db, id);
  const at = clockOf(actingAs(ctx, { id, name: '', role: 'clerk' })).at;
  if (!row || row.active !== 1 || !row.password_hash || !row.password_salt || !row.password_params) {
    await spendVerificationTime(password);
    recordUnknownUser(ctx, id);
    logFailure(ctx, id, 'unknown or inactive user');
    throw new AppError('FORBIDDEN', WRONG);
  }
  if (isLocked(row, at)) {
    recordFailure(ctx, row, 'locked');
    logFailure(ctx, id, 'locked');
    throw new AppError('FORBIDDEN', lockedMessage(row.locked_until));
  }
  const stored = { hash: row.password_hash, salt: row.password_salt, params: row.password_params };
  if (!(await verifyPassword(password, stored))) {
    const lockedUntil = recordFailure(ctx, row, 'wrong password');
    logFailure(ctx, id, lockedUntil ? 'wrong password, account locked' : 'wrong password');
    throw new AppError('FORBIDDEN', lockedUntil ? lockedMessage(lockedUntil) : WRONG);
  }
  return row;
}

export async function signIn(ctx: StoreContext, input: { id: string; password: string }): Promise<SignedIn> {
  const checked = await checkPassword(ctx, input.id, input.password);
  return recordSuccess(ctx, checked, 'auth.signIn');
}

function signedInAs(row: UserCredentialRow): SignedIn {
  return {
    session: { userId: row.id, name: row.name, role: row.role as Role },
    mustChangePassword: row.must_change_password === 1,
  };
}

/** Unlocks an idle-locked screen: the same user's password, checked and counted like a sign-in. */
export async function unlockSession(ctx: StoreContext, session: Session, password: string): Promise<SignedIn> {
  return recordSuccess(ctx, await checkPassword(ctx, session.userId, password), 'auth.unlock');
}

/** A right password: the failure count starts again, and the event is audited. */
function recordSuccess(ctx: StoreContext, checked: UserCredentialRow, action: 'auth.signIn' | 'auth.unlock'): SignedIn {
  // A read-only data folder (a snapshot of it is open): the password is checked, nothing can be recorded.
  if (ctx.db.readonly) return signedInAs(checked);
  return mutate<SignedIn>(actingAs(ctx, checked), ({ db, changeSeq }) => {
    const row = getUserCredentials(db, checked.id) ?? checked;
    updateSignInState(db, row.id, { failedAttempts: 0, lockedUntil: null }, changeSeq);
    return {
      result: signedInAs(row),
      audit: {
        action,
        entity: 'user',
        entityId: row.id,
        diff: { failedAttempts: { before: row.failed_attempts, after: 0 } },
      },
    };
  });
}

/** A staff number that has no usable account: audited (someone tried it), nothing else changes. */
function recordUnknownUser(ctx: StoreContext, id: string): void {
  if (ctx.db.readonly) return;
  mutate(actingAs(ctx, { id, name: '', role: 'clerk' }), () => ({
    result: null,
    audit: {
      action: 'auth.signInFailed',
      entity: 'user',
      entityId: id,
      diff: { reason: { before: null, after: 'unknown or inactive user' } },
    },
  }));
}

/**
 * Counts one failure in the same transaction as its audit entry; the fifth locks the account (its own action,
 * auth.accountLocked) and restarts the count. Returns the lock's end when this failure locked the account.
 * A read-only folder cannot count failures (nor lock): the scrypt cost alone slows guessing there.
 */
function recordFailure(ctx: StoreContext, checked: UserCredentialRow, reason: string): string | null {
  if (ctx.db.readonly) return null;
  return mutate(actingAs(ctx, checked), ({ db, changeSeq, clock }) => {
    const row = getUserCredentials(db, checked.id) ?? checked;
    if (isLocked(row, clock.at)) {
      return {
        result: row.locked_until,
        audit: {
          action: 'auth.signInFailed',
          entity: 'user',
          entityId: row.id,
          diff: { reason: { before: null, after: reason } },
        },
      };
    }
    const failures = row.failed_attempts + 1;
    const locks = failures >= MAX_FAILED_ATTEMPTS;
    const lockedUntil = locks ? new Date(Date.parse(clock.at) + LOCK_MINUTES * 60_000).toISOString() : null;
    updateSignInState(db, row.id, { failedAttempts: locks ? 0 : failures, lockedUntil }, changeSeq);
    return {
      result: lockedUntil,
      audit: {
        action: locks ? 'auth.accountLocked' : 'auth.signInFailed',
        entity: 'user',
        entityId: row.id,
        diff: {
          reason: { before: null, after: reason },
          failedAttempts: { before: row.failed_attempts, after: locks ? 0 : failures },
          ...(locks ? { lockedUntil: { before: row.locked_until, after: lockedUntil } } : {}),
        },
      },
    };
  });
}

/** 换班 and idle lock (and the first administrator's sign-in): audited events that change no row. */
export function recordSessionEvent(
  ctx: StoreContext,
  session: Session,
  action: 'auth.signIn' | 'auth.signOut' | 'auth.lock',
): void {
  if (ctx.db.readonly) return;
  mutate({ ...ctx, session }, () => ({
    result: null,
    audit: { action, entity: 'user', entityId: session.userId, diff: {} },
  }));
}
