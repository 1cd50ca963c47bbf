/**
 * The role check of every request, made BEFORE its input is parsed: a clerk calling an administrator's
 * channel learns 无权限, not which fields its input lacked. The session comes from the main process's slot
 * (desktop worker, harness cookie), never from the renderer.
 */
import type { ApiError } from '../../shared/api/result';
import { ROLE_LABELS, roleAtLeast } from '../../shared/domain/codes';
import { getUser } from '../db/repositories/userRepo';
import type { CallerContext, HandlerContext, SessionState } from './context';
import type { Access } from './handler';

export const NOT_SIGNED_IN: ApiError = {
  code: 'UNAUTHENTICATED',
  message: '尚未登录或登录已结束：请先用工号和密码登录。',
};

/**
 * The caller's context for a channel with `access`, or the refusal. For a role, the user is read again from
 * the database, so a deactivated user or a changed role takes effect at the next call.
 */
export function authorise(
  caller: CallerContext,
  access: Access,
  fixed: boolean,
): { ok: true; ctx: HandlerContext | CallerContext } | { ok: false; error: ApiError } {
  if (access === 'anyone') return { ok: true, ctx: caller };
  const state = caller.sessions.get();
  if (!state) return { ok: false, error: NOT_SIGNED_IN };
  if (access === 'signedIn') return { ok: true, ctx: caller };
  const current = fixed ? state : refreshed(caller, state);
  if (!current) return { ok: false, error: NOT_SIGNED_IN };
  if (current.locked) {
    return {
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: '屏幕已锁定：请输入本人密码解锁，或点“换班”重新登录。' },
    };
  }
  if (current.mustChangePassword) {
    return {
      ok: false,
      error: { code: 'FORBIDDEN', message: '请先修改密码：管理员重置的临时密码须在登录后立即修改，改后即可继续办理。' },
    };
  }
  if (!roleAtLeast(current.user.role, access)) {
    return {
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: `无权限：当前角色（${ROLE_LABELS[current.user.role]}）不能执行此操作，需要${ROLE_LABELS[access]}或以上权限。请由有权限的同事办理，或换班后以相应账号登录。`,
      },
    };
  }
  const { sessions: _slot, ...store } = caller;
  return { ok: true, ctx: { ...store, session: current.user } };
}

/** The session with the user's current name and role; null (and the slot emptied) when the user is gone. */
function refreshed(caller: CallerContext, state: SessionState): SessionState | null {
  const row = getUser(caller.db, state.user.userId);
  if (!row || row.active !== 1) {
    caller.sessions.set(null);
    return null;
  }
  if (row.name === state.user.name && row.role === state.user.role) return state;
  const next = { ...state, user: { userId: row.id, name: row.name, role: row.role as SessionState['user']['role'] } };
  caller.sessions.set(next);
  return next;
}
