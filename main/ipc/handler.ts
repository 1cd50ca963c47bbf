import type { z } from 'zod';
import type { Channel, ChannelOutput, channelInputs } from '../../shared/api/contract';
import type { Role } from '../../shared/domain/codes';
import type { HandlerContext } from './context';

export type ParsedInput<C extends Channel> = z.output<(typeof channelInputs)[C]>;

/** One row of the handler table: the minimum role and the operation. The input schema comes from the contract. */
export interface Handler<C extends Channel> {
  role: Role;
  run(ctx: HandlerContext, input: ParsedInput<C>): ChannelOutput<C> | Promise<ChannelOutput<C>>;
}

export type HandlerTable = { [C in Channel]: Handler<C> };

/** Ties a handler to its channel so its input is typed from the contract. */
export const handler = <C extends Channel>(_channel: C, h: Handler<C>): Handler<C> => h;
