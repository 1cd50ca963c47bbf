import { maskIdNumber } from '../../../shared/domain/masking';
import { customerPortrait, findCustomers } from '../../services/portrait/customerPortrait';
import { listLeads } from '../../services/portrait/leads';
import { portraitXlsx } from '../../services/portrait/portraitXlsx';
import { setSuggestionStatus } from '../../services/portrait/suggestionOutcome';
import { handler } from '../handler';

/** 统计与风险 › 客户画像: portraits, suggestions and leads, and their follow-up, for supervisors and administrators. */
export const portraitHandlers = {
  'portrait.search': handler('portrait.search', {
    role: 'supervisor',
    // A list of matches, so ID numbers are masked like every other list; the portrait itself shows them whole.
    run: (ctx, input) => findCustomers(ctx, input.query).map((m) => ({ ...m, idNumber: maskIdNumber(m.idNumber) })),
  }),
  'portrait.get': handler('portrait.get', {
    role: 'supervisor',
    run: (ctx, input) => customerPortrait(ctx, input.customerId),
  }),
  'portrait.leads': handler('portrait.leads', { role: 'supervisor', run: (ctx, input) => listLeads(ctx, input) }),
  'portrait.setStatus': handler('portrait.setStatus', {
    role: 'supervisor',
    run: (ctx, input) => setSuggestionStatus(ctx, input),
  }),
  'portrait.exportXlsx': handler('portrait.exportXlsx', {
    role: 'supervisor',
    run: (ctx, input) => portraitXlsx(ctx, input),
  }),
};
