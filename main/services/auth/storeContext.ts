import type { HandlerContext, Session } from '../../ipc/context';

/** A handler context before anyone has signed in: the store, without a caller. */
export type StoreContext = Omit<HandlerContext, 'session'>;

/** The same store acting as `user`, so a sign-in event's audit entry names the user it concerns. */
export function actingAs(ctx: StoreContext, user: { id: string; name: string; role: string }): HandlerContext {
  return { ...ctx, session: { userId: user.id, name: user.name, role: user.role as Session['role'] } };
}
