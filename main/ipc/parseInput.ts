import { channelInputs, type Channel } from '../../shared/api/contract';
import { fail, joinProblemMessages, ok, type Result } from '../../shared/api/result';
import { zodProblems } from '../../shared/api/zodProblems';
import type { ParsedInput } from './handler';

/**
 * A channel's input parsed by its schema from the contract, or the BAD_INPUT refusal naming every field. Kept
 * apart from dispatch so the Electron main process can parse what it answers itself without loading the services.
 */
export function parseInput<C extends Channel>(channel: C, rawInput: unknown): Result<ParsedInput<C>> {
  const parsed = channelInputs[channel].safeParse(rawInput ?? {});
  if (parsed.success) return ok(parsed.data as ParsedInput<C>);
  const problems = zodProblems(parsed.error, channelInputs[channel]);
  return fail({
    code: 'BAD_INPUT',
    message: `输入有误：${joinProblemMessages(problems.map((p) => p.message))}`,
    problems,
  });
}
