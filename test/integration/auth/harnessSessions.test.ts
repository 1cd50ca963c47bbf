/**
 * Acceptance of issue 10 on the web harness: a supervisor and a clerk sign in on the same data folder, roles
 * come from the session the harness holds (cookie), the audit names each of them, and a cross-site request
 * gets 403 and creates nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase, type Db } from '../../../main/db/connection';
import { startHarness, type RunningHarness } from '../../../main/web/harness';
import { seedUsers } from '../../../main/web/seedUsers';
import type { Result } from '../../../shared/api/result';
import type { ApplicationInput } from '../../../shared/domain/application';
import { proposeScheme } from '../../../shared/domain/schemeProposal';

const record = JSON.parse(fs.readFileSync('test/fixtures/e2e/hv-new-connection.json', 'utf8')) as ApplicationInput;
const USERS = [
  { id: 'A001', name: '周敏', role: 'admin' as const, password: 'admin pass' },
  { id: 'S001', name: '周建国', role: 'supervisor' as const, password: 'super pass' },
  { id: 'C001', name: '刘洋', role: 'clerk' as const, password: 'clerk pass' },
];

function surveyed() {
  const proposal = proposeScheme(record, 'FA-1', '2026-11-29');
  return {
    ...proposal,
    sources: proposal.sources.map((s) => ({ ...s, boundaryPoint: '振华 A 线 12# 杆 T 接点' })),
    receiving: { ...proposal.receiving!, mainWiring: '10 kV 单母线' },
    metering: proposal.metering.map((m) => ({ ...m, position: '进线计量柜', meterSpec: '三相三线 3×100 V' })),
  };
}

describe('harness sessions: cookie + Origin, roles from the signed-in user', () => {
  let dir: string;
  let db: Db;
  let harness: RunningHarness;
  let origin: string;

  const cookieOf = (response: Response) => response.headers.get('set-cookie')?.split(';')[0] ?? '';
  const post = async <T>(cookie: string, channel: string, input: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${harness.url}rpc/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin, cookie, ...headers },
      body: JSON.stringify(input),
    });
    return { response, status: response.status, result: (await response.json()) as Result<T> };
  };
  const anonymous = async () => cookieOf(await fetch(harness.url));
  const signIn = async (id: string) => {
    const password = USERS.find((u) => u.id === id)?.password;
    const { response, result } = await post(await anonymous(), 'auth.signIn', { id, password });
    expect(result).toMatchObject({ ok: true, value: { id } });
    return cookieOf(response);
  };
  const countApplications = () => db.prepare('SELECT count(*) FROM applications').pluck().get() as number;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yekuo-sessions-'));
    const staticDir = path.join(dir, 'static');
    fs.mkdirSync(staticDir);
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<p>壳</p>');
    db = openDatabase(path.join(dir, DATABASE_FILE));
    await seedUsers({ db, dataDir: dir }, USERS);
    harness = await startHarness({ port: 0, staticDir, store: { db, dataDir: dir } });
    origin = new URL(harness.url).origin;
  }, 30_000);
  afterAll(async () => {
    await harness.close();
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('issues an HttpOnly, SameSite=Strict cookie with the page and a new one at sign-in', async () => {
    const page = await fetch(harness.url);
    expect(page.headers.get('set-cookie')).toMatch(/^yekuo_session_\d+=[\w-]{43}; HttpOnly; SameSite=Strict; Path=\/$/);
    const before = cookieOf(page);
    const { response } = await post(before, 'auth.signIn', { id: 'C001', password: 'clerk pass' });
    const after = cookieOf(response);
    expect(after).not.toBe(before);
    // The anonymous token is gone: no session fixation.
    expect((await post(before, 'system.info', {})).status).toBe(403);
    expect((await post(after, 'system.info', {})).result).toMatchObject({ ok: true, value: { user: { id: 'C001' } } });
  });

  it('a clerk and a supervisor on the same folder: only the supervisor approves; the audit names each', async () => {
    const admin = await signIn('A001');
    const clerk = await signIn('C001');
    const supervisor = await signIn('S001');
    expect((await post(admin, 'hall.init', { code: 'ZJ0101', name: '西湖供电营业厅' })).result.ok).toBe(true);
    const created = await post<{ number: string }>(clerk, 'applications.create', { record });
    if (!created.result.ok) throw new Error(created.result.error.message);
    const { number } = created.result.value;
    expect((await post(clerk, 'schemes.saveDraft', { number, content: surveyed() })).result.ok).toBe(true);

    const refused = await post(clerk, 'schemes.approve', { number, version: 1 });
    expect(refused.result).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/^无权限/) },
    });
    expect((await post(supervisor, 'schemes.approve', { number, version: 1 })).result).toMatchObject({
      ok: true,
      value: { status: 'approved' },
    });

    const trail = await post<{ action: string; userId: string; userName: string }[]>(clerk, 'audit.forApplication', {
      number,
    });
    if (!trail.result.ok) throw new Error(trail.result.error.message);
    const who = Object.fromEntries(trail.result.value.map((e) => [e.action, `${e.userId} ${e.userName}`]));
    expect(who).toMatchObject({
      'application.create': 'C001 刘洋',
      'scheme.draft': 'C001 刘洋',
      'scheme.approve': 'S001 周建国',
    });
  });

  it('refuses a cross-site post with 403 and creates nothing, also with a valid cookie or without Origin', async () => {
    const clerk = await signIn('C001');
    const before = countApplications();
    const body = JSON.stringify({ record });
    const attempts: { cookie?: string; origin?: string }[] = [
      { origin: 'http://evil.example' },
      { origin: 'http://evil.example', cookie: clerk },
      { cookie: clerk },
      { origin: 'null', cookie: clerk },
      { origin },
    ];
    for (const attempt of attempts) {
      const response = await fetch(`${harness.url}rpc/applications.create`, {
        method: 'POST',
        headers: {
          'content-type': 'text/plain',
          ...(attempt.origin ? { origin: attempt.origin } : {}),
          ...(attempt.cookie ? { cookie: attempt.cookie } : {}),
        },
        body,
      });
      expect(response.status, JSON.stringify(attempt)).toBe(403);
      expect(await response.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(countApplications()).toBe(before);
  });

  it('needs a session for everything but status, first start and sign-in; sign-out ends it', async () => {
    const anon = await anonymous();
    expect((await post(anon, 'auth.status', {})).result).toMatchObject({
      ok: true,
      value: { hasUsers: true, user: null },
    });
    expect((await post(anon, 'search.query', { text: '王' })).result).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    const clerk = await signIn('C001');
    expect((await post(clerk, 'auth.signOut', {})).result.ok).toBe(true);
    expect((await post(clerk, 'search.query', { text: '王' })).result).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
  });

  it('idle lock: only the same user password unlocks; the lock and unlock are audited', async () => {
    const clerk = await signIn('C001');
    expect((await post(clerk, 'auth.lock', {})).result).toMatchObject({ ok: true, value: { locked: true } });
    expect((await post(clerk, 'search.query', { text: '王' })).result).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: expect.stringContaining('屏幕已锁定') },
    });
    expect((await post(clerk, 'auth.unlock', { password: 'super pass' })).result).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect((await post(clerk, 'auth.unlock', { password: 'clerk pass' })).result).toMatchObject({
      ok: true,
      value: { id: 'C001', locked: false },
    });
    expect((await post(clerk, 'search.query', { text: '王' })).result.ok).toBe(true);
    const actions = db
      .prepare(
        "SELECT action FROM audit_log WHERE user_id = 'C001' AND action IN ('auth.lock', 'auth.unlock', 'auth.signInFailed')",
      )
      .pluck()
      .all();
    expect(actions).toEqual(['auth.lock', 'auth.signInFailed', 'auth.unlock']);
  });
});
