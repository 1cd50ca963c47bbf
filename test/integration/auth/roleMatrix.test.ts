/**
 * The role matrix of docs/role-matrix.md is the handler table's, and dispatch enforces it: every channel called as
 * nobody, a clerk, a supervisor and an administrator is refused exactly where the matrix says — before its input
 * is parsed — and let through everywhere else.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/ipc/dispatch';
import { memorySessionSlot } from '../../../main/ipc/context';
import { accessOf, roleMatrixMarkdown, roleMayCall } from '../../../main/ipc/roleMatrix';
import { CHANNELS } from '../../../shared/api/contract';
import { ROLES } from '../../../shared/domain/codes';
import { openStore, type Store } from '../store/storeFixture';

/** Not a valid input of any channel: an allowed call stops at parsing (BAD_INPUT) or runs harmlessly. */
const PROBE = { probe: 'role-matrix' };

describe('role matrix', () => {
  let store: Store;
  beforeAll(() => {
    store = openStore();
  });
  afterAll(() => store.close());

  it('docs/role-matrix.md shows the handler table’s access (npm run docs:roles)', () => {
    expect(fs.readFileSync('docs/role-matrix.md', 'utf8')).toBe(roleMatrixMarkdown());
  });

  it('refuses every channel but the sign-in ones without a session', async () => {
    for (const channel of CHANNELS) {
      const { session: _none, ...anonymous } = store.ctx();
      const result = await dispatch({ ...anonymous, sessions: memorySessionSlot(null) }, channel, PROBE);
      const refused = !result.ok && result.error.code === 'UNAUTHENTICATED';
      expect({ channel, refused }).toEqual({ channel, refused: accessOf(channel) !== 'anyone' });
    }
  });

  it.each(ROLES)('lets a signed-in %s call exactly the channels of its role', async (role) => {
    for (const channel of CHANNELS) {
      const result = await dispatch(store.ctx(role), channel, PROBE);
      const refused = !result.ok && result.error.code === 'FORBIDDEN' && result.error.message.startsWith('无权限');
      expect({ channel, refused }).toEqual({ channel, refused: !roleMayCall(accessOf(channel), role) });
      if (!result.ok) expect(result.error.code).not.toBe('UNAUTHENTICATED');
    }
  });
});
