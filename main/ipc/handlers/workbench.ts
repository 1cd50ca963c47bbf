import { deferredDue } from '../../services/workstation/deferredDue';
import { schemesExpiring } from '../../services/workstation/schemesExpiring';
import { workbenchCounts } from '../../services/workstation/workbenchCounts';
import { handler } from '../handler';

/** 工作台: counts, the deferred documents falling due and the schemes about to expire. Read-only, for every signed-in role. */
export const workbenchHandlers = {
  'workbench.counts': handler('workbench.counts', { role: 'clerk', run: (ctx) => workbenchCounts(ctx) }),
  'workbench.deferredDue': handler('workbench.deferredDue', {
    role: 'clerk',
    run: (ctx, input) => deferredDue(ctx, input),
  }),
  'workbench.schemesExpiring': handler('workbench.schemesExpiring', {
    role: 'clerk',
    run: (ctx, input) => schemesExpiring(ctx, input),
  }),
};
