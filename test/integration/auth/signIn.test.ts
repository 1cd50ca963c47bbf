import { afterEach, describe, expect, it } from 'vitest';
import { getUserCredentials } from '../../../main/db/repositories/userRepo';
import {
  changeOwnPassword,
  createFirstAdmin,
  resetPassword,
  addUserWithPassword,
} from '../../../main/services/auth/passwords';
import { recordSessionEvent, signIn } from '../../../main/services/auth/signIn';
import { verifyAudit } from '../../../main/services/audit';
import { openStore, type Store } from '../store/storeFixture';

let store: Store | undefined;
afterEach(() => store?.close());

const auditRows = (s: Store) =>
  s
    .ctx()
    .db.prepare('SELECT user_id, user_name, action, entity_id, change_seq, diff_json FROM audit_log ORDER BY id')
    .all() as {
    user_id: string;
    user_name: string;
    action: string;
    entity_id: string;
    change_seq: number;
    diff_json: string;
  }[];

const noSession = (s: Store) => {
  const { session: _none, ...rest } = s.ctx();
  return rest;
};

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('expected a refusal');
}

describe('passwords and sign-in (real temp store)', () => {
  it('creates the first admin only on a folder without users, stores a salted scrypt hash with its parameters', async () => {
    store = openStore();
    await createFirstAdmin(noSession(store), { id: 'A001', name: '周敏', password: 'correct horse' });
    const row = getUserCredentials(store.ctx().db, 'A001');
    expect(row).toMatchObject({ role: 'admin', must_change_password: 0, failed_attempts: 0, locked_until: null });
    expect(row?.password_hash).not.toContain('correct horse');
    expect(JSON.parse(row?.password_params ?? '')).toEqual({ N: 32768, r: 8, p: 1, keyLength: 32 });
    expect(Buffer.from(row?.password_salt ?? '', 'base64')).toHaveLength(16);

    // A second user with the same password gets another salt, hence another hash.
    await addUserWithPassword(
      store.ctx('admin'),
      { id: 'C001', name: '李娜', role: 'clerk', password: 'correct horse' },
      true,
    );
    const clerk = getUserCredentials(store.ctx().db, 'C001');
    expect(clerk?.password_salt).not.toBe(row?.password_salt);
    expect(clerk?.password_hash).not.toBe(row?.password_hash);

    const second = await refusal(
      createFirstAdmin(noSession(store), { id: 'A002', name: '某人', password: '12345678' }),
    );
    expect(second).toMatchObject({ code: 'CONFLICT' });
    expect(getUserCredentials(store.ctx().db, 'A002')).toBeUndefined();
  });

  it('signs in, audits sign-in, failures and sign-out with the staff number and name, each with its own change_seq', async () => {
    store = openStore();
    await createFirstAdmin(noSession(store), { id: 'A001', name: '周敏', password: 'correct horse' });
    const wrong = await refusal(signIn(noSession(store), { id: 'A001', password: 'wrong horse' }));
    expect(wrong).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('工号或密码不正确') });
    const unknown = await refusal(signIn(noSession(store), { id: 'X999', password: 'whatever1' }));
    expect(unknown.message).toBe(wrong.message); // an unknown staff number is not revealed

    const signedIn = await signIn(noSession(store), { id: 'A001', password: 'correct horse' });
    expect(signedIn).toEqual({ session: { userId: 'A001', name: '周敏', role: 'admin' }, mustChangePassword: false });
    expect(getUserCredentials(store.ctx().db, 'A001')?.failed_attempts).toBe(0);
    recordSessionEvent(noSession(store), signedIn.session, 'auth.signOut');

    const rows = auditRows(store).filter((r) => r.action.startsWith('auth.'));
    expect(rows.map((r) => [r.action, r.user_id, r.user_name])).toEqual([
      ['auth.signInFailed', 'A001', '周敏'],
      ['auth.signInFailed', 'X999', ''],
      ['auth.signIn', 'A001', '周敏'],
      ['auth.signOut', 'A001', '周敏'],
    ]);
    const seqs = rows.map((r) => r.change_seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(verifyAudit(store.ctx().db).ok).toBe(true);
  });

  it('locks the account for 15 minutes after 5 failures, even for the right password, then lets it in', async () => {
    store = openStore({ now: '2026-03-02T01:00:00Z' });
    await createFirstAdmin(noSession(store), { id: 'A001', name: '周敏', password: 'correct horse' });
    for (let i = 1; i <= 4; i++) {
      const failure = await refusal(signIn(noSession(store), { id: 'A001', password: `wrong ${i}` }));
      expect(failure.message).toContain('工号或密码不正确');
    }
    const fifth = await refusal(signIn(noSession(store), { id: 'A001', password: 'wrong 5' }));
    expect(fifth.message).toContain('已锁定至 09:15');
    expect(getUserCredentials(store.ctx().db, 'A001')?.locked_until).toBe('2026-03-02T01:15:00.000Z');

    store.setNow('2026-03-02T01:14:59Z');
    const stillLocked = await refusal(signIn(noSession(store), { id: 'A001', password: 'correct horse' }));
    expect(stillLocked.message).toContain('已锁定');

    store.setNow('2026-03-02T01:15:00Z');
    await expect(signIn(noSession(store), { id: 'A001', password: 'correct horse' })).resolves.toMatchObject({
      session: { userId: 'A001' },
    });
    const actions = auditRows(store).map((r) => r.action);
    expect(actions.filter((a) => a === 'auth.accountLocked')).toHaveLength(1);
    expect(actions.filter((a) => a === 'auth.signInFailed')).toHaveLength(5);
  });

  it('changes a password (the current one checked), and an admin reset forces a change at the next sign-in', async () => {
    store = openStore();
    await createFirstAdmin(noSession(store), { id: 'A001', name: '周敏', password: 'correct horse' });
    const admin = (await signIn(noSession(store), { id: 'A001', password: 'correct horse' })).session;
    await addUserWithPassword(
      { ...noSession(store), session: admin },
      { id: 'C001', name: '李娜', role: 'clerk', password: 'temporary1' },
      true,
    );

    const first = await signIn(noSession(store), { id: 'C001', password: 'temporary1' });
    expect(first.mustChangePassword).toBe(true);
    const clerkCtx = { ...noSession(store), session: first.session };
    expect(await refusal(changeOwnPassword(clerkCtx, { current: 'not mine!', next: 'new secret' }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    await changeOwnPassword(clerkCtx, { current: 'temporary1', next: 'new secret' });
    expect(getUserCredentials(store.ctx().db, 'C001')?.must_change_password).toBe(0);
    await expect(signIn(noSession(store), { id: 'C001', password: 'temporary1' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await signIn(noSession(store), { id: 'C001', password: 'new secret' })).mustChangePassword).toBe(false);

    // The reset also lifts a lockout.
    for (let i = 0; i < 5; i++) await refusal(signIn(noSession(store), { id: 'C001', password: `bad ${i}` }));
    expect(getUserCredentials(store.ctx().db, 'C001')?.locked_until).not.toBeNull();
    await resetPassword({ ...noSession(store), session: admin }, { id: 'C001', password: 'reset pass' });
    const row = getUserCredentials(store.ctx().db, 'C001');
    expect(row).toMatchObject({ must_change_password: 1, locked_until: null, failed_attempts: 0 });
    expect((await signIn(noSession(store), { id: 'C001', password: 'reset pass' })).mustChangePassword).toBe(true);

    const changes = auditRows(store).filter((r) => r.action.startsWith('auth.password'));
    expect(changes.map((r) => [r.action, r.user_id, r.entity_id])).toEqual([
      ['auth.passwordChanged', 'C001', 'C001'],
      ['auth.passwordReset', 'A001', 'C001'],
    ]);
    // No audit entry carries a hash or a password.
    for (const r of auditRows(store)) expect(r.diff_json).not.toMatch(/secret|temporary1|reset pass|password_hash/);
  });
});
