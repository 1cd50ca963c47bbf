import { CHANNELS, type Channel } from '../../shared/api/contract';
import { fail, ok, type Result } from '../../shared/api/result';
import { supportLog } from '../log/supportLog';
import { AppError, storageRefusalOf } from '../services/errors';
import { authorise } from './authorise';
import { memorySessionSlot, type CallerContext, type HandlerContext } from './context';
import type { Handler } from './handler';
import { handlers } from './handlers';
import { parseInput } from './parseInput';

const known = new Set<string>(CHANNELS);

/** Calls slower than this go to the support log with their channel (issue 10). */
export const SLOW_CALL_MS = 500;

/**
 * A caller with a session slot (desktop worker, harness), or a fixed session (tests, the CLI's signed-in
 * user, the demo generator).
 */
export type DispatchContext = CallerContext | HandlerContext;

function callerOf(ctx: DispatchContext): { caller: CallerContext; fixed: boolean } {
  if ('sessions' in ctx) return { caller: ctx, fixed: false };
  const { session, ...store } = ctx;
  return {
    caller: { ...store, sessions: memorySessionSlot({ user: session, mustChangePassword: false, locked: false }) },
    fixed: true,
  };
}

/**
 * Authorise, parse, run: the single path of every request. The role is checked before the input is parsed.
 * Never throws; a bug becomes an INTERNAL error with a Chinese message, and the details go to the log.
 */
export async function dispatch(ctx: DispatchContext, channel: string, rawInput: unknown): Promise<Result<unknown>> {
  if (!known.has(channel)) {
    return fail({ code: 'BAD_INPUT', message: `未知的操作：${channel}` });
  }
  const name = channel as Channel;
  const entry = handlers[name] as Handler<Channel>;
  const { caller, fixed } = callerOf(ctx);
  const allowed = authorise(caller, entry.role, fixed);
  if (!allowed.ok) return fail(allowed.error);
  const parsed = parseInput(name, rawInput);
  if (!parsed.ok) return parsed;
  const started = performance.now();
  try {
    const run = entry.run as (ctx: HandlerContext | CallerContext, input: unknown) => unknown;
    const value = await run(allowed.ctx, parsed.value);
    const ms = Math.round(performance.now() - started);
    if (ms > SLOW_CALL_MS) supportLog(ctx.dataDir).warn({ event: 'slow-call', channel, ms }, '调用耗时超过 500 ms');
    return ok(value);
  } catch (error) {
    const known = error instanceof AppError ? error : storageRefusalOf(error);
    if (known) {
      if (known !== error)
        supportLog(ctx.dataDir).error({ event: 'storage-refused', channel, err: error }, known.message);
      return fail({
        code: known.code,
        message: known.message,
        ...(known.problems ? { problems: known.problems } : {}),
        ...(known.problemsOmitted ? { problemsOmitted: known.problemsOmitted } : {}),
      });
    }
    supportLog(ctx.dataDir).error({ event: 'internal-error', channel, err: error }, '内部错误');
    return fail({ code: 'INTERNAL', message: '系统内部错误，操作未完成，数据未被修改。请联系管理员并提供日志。' });
  }
}
