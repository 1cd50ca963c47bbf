import { discardDraft, loadDraft, saveDraft } from '../../services/drafts';
import { handler } from '../handler';

export const draftHandlers = {
  'drafts.save': handler('drafts.save', { role: 'clerk', run: (ctx, input) => saveDraft(ctx, input.draft) }),
  'drafts.get': handler('drafts.get', { role: 'clerk', run: (ctx) => loadDraft(ctx) }),
  'drafts.discard': handler('drafts.discard', { role: 'clerk', run: (ctx) => discardDraft(ctx) }),
};
