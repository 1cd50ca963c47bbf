import { CHANNELS, type Channel } from '../../shared/api/contract';
import { fail, ok, type Result } from '../../shared/api/result';
import { ROLE_LABELS, roleAtLeast } from '../../shared/domain/codes';
import { supportLog } from '../log/supportLog';
import { AppError } from '../services/errors';
import type { HandlerContext } from './context';
import type { Handler } from './handler';
import { handlers } from './handlers';
import { parseInput } from './parseInput';

const known = new Set<string>(CHANNELS);

/** Calls slower than this go to the support log with their channel (issue 10). */
export const SLOW_CALL_MS = 500;

/**
 * Parse, authorise, run: the single path of every request. Never throws; a bug becomes an INTERNAL error
 * with a Chinese message, and the details go to the log.
 */
export async function dispatch(ctx: HandlerContext, channel: string, rawInput: unknown): Promise<Result<unknown>> {
  if (!known.has(channel)) {
    return fail({ code: 'BAD_INPUT', message: `未知的操作：${channel}` });
  }
  const name = channel as Channel;
  const parsed = parseInput(name, rawInput);
  if (!parsed.ok) return parsed;
  const entry = handlers[name] as Handler<Channel>;
  if (!roleAtLeast(ctx.session.role, entry.role)) {
    return fail({
      code: 'FORBIDDEN',
      message: `当前角色（${ROLE_LABELS[ctx.session.role]}）无权执行此操作，需要${ROLE_LABELS[entry.role]}或以上权限。`,
    });
  }
  const started = performance.now();
  try {
    const value = await entry.run(ctx, parsed.value);
    const ms = Math.round(performance.now() - started);
    if (ms > SLOW_CALL_MS) supportLog(ctx.dataDir).warn({ event: 'slow-call', channel, ms }, '调用耗时超过 500 ms');
    return ok(value);
  } catch (error) {
    if (error instanceof AppError) {
      return fail({
        code: error.code,
        message: error.message,
        ...(error.problems ? { problems: error.problems } : {}),
        ...(error.problemsOmitted ? { problemsOmitted: error.problemsOmitted } : {}),
      });
    }
    supportLog(ctx.dataDir).error({ event: 'internal-error', channel, err: error }, '内部错误');
    return fail({ code: 'INTERNAL', message: '系统内部错误，操作未完成，数据未被修改。请联系管理员并提供日志。' });
  }
}
