/**
 * 首次启动: the wizard's one request on a data folder where nobody can sign in yet. It creates the hall (unless
 * the folder already has one), the first administrator and the 文书抬头 in one transaction, optionally fills
 * the folder with demo applications, and signs the administrator in.
 */
import type { AuthStatus, FirstRunInput } from '../../../shared/api/auth';
import { getHall } from '../../db/repositories/hallRepo';
import { countUsersWithPassword } from '../../db/repositories/userRepo';
import type { CallerContext } from '../../ipc/context';
import { addDemoCustomers } from '../demo/demoCustomers';
import { DEMO_HISTORY_DAYS, runDemo } from '../demo/runDemo';
import { setDocumentSettings } from '../documents/documentSettings';
import { AppError } from '../errors';
import { initHall } from '../hall';
import { createFirstAdmin } from './passwords';
import { recordSessionEvent } from './signIn';
import { actingAs } from './storeContext';

/**
 * Demo applications the wizard creates when asked, over the demo hall's three years: enough to try every screen
 * and to see 预测 with its back-test, quick on a counter PC (a few seconds).
 */
const DEMO_COUNT = 200;

export function authStatus(ctx: CallerContext, idleLockMinutes: number): AuthStatus {
  const state = ctx.sessions.get();
  const hall = getHall(ctx.db);
  return {
    hasUsers: countUsersWithPassword(ctx.db) > 0,
    hall: hall ? { code: hall.code, name: hall.name } : null,
    user: state
      ? {
          id: state.user.userId,
          name: state.user.name,
          role: state.user.role,
          mustChangePassword: state.mustChangePassword,
          locked: state.locked,
        }
      : null,
    idleLockMinutes,
    readOnly: ctx.db.readonly,
  };
}

export async function completeFirstRun(ctx: CallerContext, input: FirstRunInput): Promise<void> {
  const { sessions: _slot, ...store } = ctx;
  const existingHall = getHall(ctx.db);
  if (!existingHall && !input.hall) {
    throw new AppError('BAD_INPUT', '请填写营业厅编号与名称。', [
      { field: 'hall.code', ruleId: 'SCHEMA', severity: 'error', message: '请填写营业厅编号。' },
    ]);
  }
  await createFirstAdmin(store, input.admin, (acting) => {
    if (!existingHall && input.hall) initHall(acting, input.hall);
    setDocumentSettings(acting, { ...input.documents, contact: input.admin.name });
  });
  const user = { userId: input.admin.id, name: input.admin.name, role: 'admin' as const };
  if (input.demo) {
    const acting = actingAs(store, { id: user.userId, name: user.name, role: 'admin' });
    const endDate = (store.now ?? (() => new Date()))();
    runDemo(acting, { count: DEMO_COUNT, seed: 1, days: DEMO_HISTORY_DAYS, endDate });
    addDemoCustomers(acting, endDate);
  }
  recordSessionEvent(store, user, 'auth.signIn');
  ctx.sessions.set({ user, mustChangePassword: false, locked: false });
}
