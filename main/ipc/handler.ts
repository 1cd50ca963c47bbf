import type { z } from 'zod';
import type { Channel, ChannelOutput, channelInputs } from '../../shared/api/contract';
import type { Role } from '../../shared/domain/codes';
import type { CallerContext, HandlerContext } from './context';

export type ParsedInput<C extends Channel> = z.output<(typeof channelInputs)[C]>;

/**
 * Who may call a channel: a minimum role (signed in, unlocked, password not due for change), or for the
 * sign-in business itself `anyone` (no session needed: status, first start, sign-in) or `signedIn` (any
 * session, also a locked one or one that must change its password: unlock, password change, 换班).
 */
export type Access = Role | 'anyone' | 'signedIn';

type Output<C extends Channel> = ChannelOutput<C> | Promise<ChannelOutput<C>>;

/** One row of the handler table: who may call and the operation. The input schema comes from the contract. */
export type Handler<C extends Channel> =
  | { role: Role; run(ctx: HandlerContext, input: ParsedInput<C>): Output<C> }
  | { role: 'anyone' | 'signedIn'; run(ctx: CallerContext, input: ParsedInput<C>): Output<C> };

export type HandlerTable = { [C in Channel]: Handler<C> };

/** Ties a handler to its channel so its input is typed from the contract. */
export const handler = <C extends Channel>(_channel: C, h: Handler<C>): Handler<C> => h;
