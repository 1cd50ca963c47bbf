import { MOVE_ROLES } from '../../../shared/workflow/moves';
import { lookupProblems } from '../../services/applicationRules';
import { loadApplication } from '../../services/applications/loadApplication';
import { clockOf } from '../../services/clock';
import { createApplication } from '../../services/applications/createApplication';
import { moveApplication } from '../../services/applications/moveApplication';
import { getApplication, listApplications } from '../../services/applications/readApplications';
import { updateApplicationRecord } from '../../services/applications/updateApplication';
import { handler } from '../handler';

export const applicationHandlers = {
  'applications.create': handler('applications.create', {
    role: 'clerk',
    run: (ctx, input) => createApplication(ctx, input.record),
  }),
  'applications.update': handler('applications.update', {
    role: 'clerk',
    run: (ctx, input) => updateApplicationRecord(ctx, input.number, input.record, input.reason),
  }),
  'applications.get': handler('applications.get', {
    role: 'clerk',
    run: (ctx, input) => getApplication(ctx, input.number),
  }),
  'applications.checkLookups': handler('applications.checkLookups', {
    role: 'clerk',
    run: (ctx, input) => {
      const clock = clockOf(ctx);
      return lookupProblems(ctx.db, input.record, {
        stage: input.stage ?? 'ACCEPT',
        today: clock.today,
        calendar: clock.calendar,
        ...(input.number ? { selfId: loadApplication(ctx.db, input.number).id } : {}),
      });
    },
  }),
  'applications.list': handler('applications.list', {
    role: 'clerk',
    run: (ctx, input) => listApplications(ctx, input),
  }),
  'applications.advance': handler('applications.advance', {
    role: MOVE_ROLES.advance,
    run: (ctx, input) =>
      moveApplication(ctx, input.number, {
        move: 'advance',
        ...(input.skip ? { skip: input.skip } : {}),
        ...(input.acknowledgements ? { acknowledgements: input.acknowledgements } : {}),
      }),
  }),
  'applications.return': handler('applications.return', {
    role: MOVE_ROLES.return,
    run: (ctx, input) => moveApplication(ctx, input.number, { move: 'return', to: input.to, reason: input.reason }),
  }),
  'applications.suspend': handler('applications.suspend', {
    role: MOVE_ROLES.suspend,
    run: (ctx, input) =>
      moveApplication(ctx, input.number, {
        move: 'suspend',
        reasonCode: input.reasonCode,
        ...(input.note ? { note: input.note } : {}),
      }),
  }),
  'applications.resume': handler('applications.resume', {
    role: MOVE_ROLES.resume,
    run: (ctx, input) => moveApplication(ctx, input.number, { move: 'resume' }),
  }),
  'applications.cancel': handler('applications.cancel', {
    role: MOVE_ROLES.cancel,
    run: (ctx, input) => moveApplication(ctx, input.number, { move: 'cancel', reason: input.reason }),
  }),
  'applications.archive': handler('applications.archive', {
    role: MOVE_ROLES.archive,
    run: (ctx, input) =>
      moveApplication(ctx, input.number, {
        move: 'archive',
        ...(input.acknowledgements ? { acknowledgements: input.acknowledgements } : {}),
      }),
  }),
};
