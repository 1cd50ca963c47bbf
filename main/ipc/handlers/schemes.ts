import { extendScheme } from '../../services/schemeExtension';
import { approveScheme, listSchemes, saveSchemeDraft } from '../../services/schemes';
import { handler } from '../handler';

export const schemeHandlers = {
  'schemes.list': handler('schemes.list', { role: 'clerk', run: (ctx, input) => listSchemes(ctx, input.number) }),
  // Clerks draft; changing an approved scheme is checked in the service (supervisor and a reason).
  'schemes.saveDraft': handler('schemes.saveDraft', {
    role: 'clerk',
    run: (ctx, input) => saveSchemeDraft(ctx, input.number, input.content, input.reason || undefined),
  }),
  'schemes.approve': handler('schemes.approve', {
    role: 'supervisor',
    run: (ctx, input) => approveScheme(ctx, input.number, input.version),
  }),
  'schemes.extend': handler('schemes.extend', {
    role: 'supervisor',
    run: (ctx, input) => extendScheme(ctx, input.number, input.version, input),
  }),
};
