/** 批量推进: advance every selected application that passes its gate; report the others with their reasons. */
import type { BatchOutcome } from '../../../shared/api/batch';
import type { HandlerContext } from '../../ipc/context';
import { moveApplication } from '../applications/moveApplication';
import { eachApplication } from './batchOutcome';

export function advanceMany(ctx: HandlerContext, numbers: string[]): BatchOutcome[] {
  return eachApplication(numbers, (number) => moveApplication(ctx, number, { move: 'advance' }));
}
