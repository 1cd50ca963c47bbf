import { auditEntriesOf, verifyAuditOf } from '../../services/audit';
import { hallInfo, initHall } from '../../services/hall';
import { searchApplications } from '../../services/search';
import { addUserWithPassword } from '../../services/auth/passwords';
import { createUser, listUsers, setUserActive } from '../../services/users';
import { handler } from '../handler';

/** Hall setup, users, search and the audit trail. */
export const storeHandlers = {
  'hall.init': handler('hall.init', { role: 'admin', run: (ctx, input) => initHall(ctx, input) }),
  'hall.get': handler('hall.get', { role: 'clerk', run: (ctx) => hallInfo(ctx) }),
  'users.list': handler('users.list', { role: 'supervisor', run: (ctx) => listUsers(ctx) }),
  'users.create': handler('users.create', {
    role: 'admin',
    // An initial password set by the administrator must be changed by the user at the first sign-in.
    run: (ctx, { password, ...user }) =>
      password ? addUserWithPassword(ctx, { ...user, password }, true) : createUser(ctx, user),
  }),
  'users.setActive': handler('users.setActive', { role: 'admin', run: (ctx, input) => setUserActive(ctx, input) }),
  'search.query': handler('search.query', { role: 'clerk', run: (ctx, input) => searchApplications(ctx, input) }),
  'audit.verify': handler('audit.verify', { role: 'supervisor', run: (ctx) => verifyAuditOf(ctx) }),
  'audit.forApplication': handler('audit.forApplication', {
    role: 'clerk',
    run: (ctx, input) => auditEntriesOf(ctx.db, 'application', input.number),
  }),
};
