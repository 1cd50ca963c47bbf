import { lookupAccount } from '../../services/accounts';
import { handler } from '../handler';

export const accountHandlers = {
  'accounts.lookup': handler('accounts.lookup', {
    role: 'clerk',
    run: (ctx, input) => lookupAccount(ctx, input.accountNo),
  }),
};
