/**
 * Sign-in business: the only channels callable without a session (status, first start, sign-in) and those a
 * locked session or one that must change its password may still call. The session is kept in the caller's
 * slot in the main process (desktop worker, harness cookie table), never handed to the renderer to send back.
 */
import type { SignedInUser } from '../../../shared/api/auth';
import { AppError } from '../../services/errors';
import { authStatus, completeFirstRun } from '../../services/auth/firstRun';
import { idleLockMinutes, setIdleLockMinutes } from '../../services/auth/idleLock';
import { changeOwnPassword, resetPassword } from '../../services/auth/passwords';
import { recordSessionEvent, signIn, unlockSession } from '../../services/auth/signIn';
import { actingAs } from '../../services/auth/storeContext';
import { NOT_SIGNED_IN } from '../authorise';
import type { CallerContext, SessionState } from '../context';
import { handler } from '../handler';

function sessionOf(ctx: CallerContext): SessionState {
  const state = ctx.sessions.get();
  if (!state) throw new AppError(NOT_SIGNED_IN.code, NOT_SIGNED_IN.message);
  return state;
}

const viewOf = (state: SessionState): SignedInUser => ({
  id: state.user.userId,
  name: state.user.name,
  role: state.user.role,
  mustChangePassword: state.mustChangePassword,
  locked: state.locked,
});

function storeOf(ctx: CallerContext) {
  const { sessions: _slot, ...store } = ctx;
  return store;
}

export const authHandlers = {
  'auth.status': handler('auth.status', { role: 'anyone', run: (ctx) => authStatus(ctx, idleLockMinutes(ctx.db)) }),
  'auth.firstRun': handler('auth.firstRun', {
    role: 'anyone',
    run: async (ctx, input) => {
      await completeFirstRun(ctx, input);
      return viewOf(sessionOf(ctx));
    },
  }),
  'auth.signIn': handler('auth.signIn', {
    role: 'anyone',
    run: async (ctx, input) => {
      const signed = await signIn(storeOf(ctx), input);
      const state = { user: signed.session, mustChangePassword: signed.mustChangePassword, locked: false };
      ctx.sessions.set(state);
      return viewOf(state);
    },
  }),
  'auth.signOut': handler('auth.signOut', {
    role: 'signedIn',
    run: (ctx) => {
      recordSessionEvent(storeOf(ctx), sessionOf(ctx).user, 'auth.signOut');
      ctx.sessions.set(null);
      return null;
    },
  }),
  'auth.lock': handler('auth.lock', {
    role: 'signedIn',
    run: (ctx) => {
      const state = sessionOf(ctx);
      if (state.locked) return viewOf(state);
      recordSessionEvent(storeOf(ctx), state.user, 'auth.lock');
      const locked = { ...state, locked: true };
      ctx.sessions.set(locked);
      return viewOf(locked);
    },
  }),
  'auth.unlock': handler('auth.unlock', {
    role: 'signedIn',
    run: async (ctx, input) => {
      const state = sessionOf(ctx);
      const signed = await unlockSession(storeOf(ctx), state.user, input.password);
      const unlocked = { user: signed.session, mustChangePassword: signed.mustChangePassword, locked: false };
      ctx.sessions.set(unlocked);
      return viewOf(unlocked);
    },
  }),
  'auth.changePassword': handler('auth.changePassword', {
    role: 'signedIn',
    run: async (ctx, input) => {
      const state = sessionOf(ctx);
      if (state.locked) throw new AppError('UNAUTHENTICATED', '屏幕已锁定：请先输入本人密码解锁。');
      const { userId, name, role } = state.user;
      await changeOwnPassword(actingAs(storeOf(ctx), { id: userId, name, role }), input);
      const changed = { ...state, mustChangePassword: false };
      ctx.sessions.set(changed);
      return viewOf(changed);
    },
  }),
  'users.resetPassword': handler('users.resetPassword', {
    role: 'admin',
    run: async (ctx, input) => {
      await resetPassword(ctx, input);
      return null;
    },
  }),
  'settings.idleLock': handler('settings.idleLock', {
    role: 'admin',
    run: (ctx, input) => setIdleLockMinutes(ctx, input.minutes),
  }),
};
