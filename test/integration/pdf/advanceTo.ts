/** Moves an application forward through the real workflow service until it reaches `stage`. */
import { moveApplication } from '../../../main/services/applications/moveApplication';
import type { HandlerContext } from '../../../main/ipc/context';
import type { Stage } from '../../../shared/domain/codes';

export function advanceTo(ctx: HandlerContext, number: string, stage: Stage): void {
  for (let step = 0; step < 12; step++) {
    if (moveApplication(ctx, number, { move: 'advance' }).stage === stage) return;
  }
  throw new Error(`申请 ${number} 未能推进到 ${stage}`);
}
