import { deferredDue } from '../../services/workstation/deferredDue';
import { workbenchCounts } from '../../services/workstation/workbenchCounts';
import { handler } from '../handler';

/** 工作台: counts and the deferred documents falling due. Read-only, for every signed-in role. */
export const workbenchHandlers = {
  'workbench.counts': handler('workbench.counts', { role: 'clerk', run: (ctx) => workbenchCounts(ctx) }),
  'workbench.deferredDue': handler('workbench.deferredDue', {
    role: 'clerk',
    run: (ctx, input) => deferredDue(ctx, input),
  }),
};
