import { MOVE_ROLES } from '../../../shared/workflow/moves';
import { advanceMany } from '../../services/workstation/advanceMany';
import { assignApplications } from '../../services/workstation/assignApplications';
import { exportApplicationsXlsx } from '../../services/workstation/exportXlsx';
import {
  generateSchemeReplies,
  logRepliesPrinted,
  mergeSchemeReplies,
} from '../../services/workstation/printSchemeReplies';
import { deleteFilter, listSavedFilters, saveFilter } from '../../services/workstation/savedFilters';
import { handler } from '../handler';

/** 申请查询 workstation: batch moves, assignment, batch printing of replies, export and saved filters. */
export const workstationHandlers = {
  'applications.advanceMany': handler('applications.advanceMany', {
    role: MOVE_ROLES.advance,
    run: (ctx, input) => advanceMany(ctx, input.numbers),
  }),
  'applications.assign': handler('applications.assign', {
    role: 'supervisor',
    run: (ctx, input) => assignApplications(ctx, input.numbers, input.assignee),
  }),
  'applications.exportXlsx': handler('applications.exportXlsx', {
    role: 'clerk',
    run: (ctx, input) => exportApplicationsXlsx(ctx, input),
  }),
  // Printing replies is a clerk's job, as on the detail page.
  'documents.batchSchemeReplies': handler('documents.batchSchemeReplies', {
    role: 'clerk',
    run: (ctx, input) => generateSchemeReplies(ctx, input.numbers),
  }),
  'documents.mergeSchemeReplies': handler('documents.mergeSchemeReplies', {
    role: 'clerk',
    run: (ctx, input) => mergeSchemeReplies(ctx, input.documents),
  }),
  'documents.batchPrinted': handler('documents.batchPrinted', {
    role: 'clerk',
    run: (ctx, input) => logRepliesPrinted(ctx, input.documents),
  }),
  'filters.list': handler('filters.list', { role: 'clerk', run: (ctx) => listSavedFilters(ctx) }),
  'filters.save': handler('filters.save', { role: 'clerk', run: (ctx, input) => saveFilter(ctx, input) }),
  'filters.delete': handler('filters.delete', { role: 'clerk', run: (ctx, input) => deleteFilter(ctx, input.id) }),
};
