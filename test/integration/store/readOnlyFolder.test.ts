/**
 * A read-only data folder (issue 10): read commands still answer (the CLI reads a private snapshot), with a
 * notice; a command that changes data is refused saying the folder is read-only, never 内部错误.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApplication } from '../../../main/services/applications/createApplication';
import { startWorkerClient } from '../../../main/ipc/workerClient';
import { folderFingerprint, makeReadOnly } from '../../support/readOnlyFolder';
import { addCliAdmin, CLI_ADMIN, yekuo } from './cliRunner';
import { openStore, recordFor, type Store } from './storeFixture';

let store: Store | undefined;
let undo: (() => void) | null = null;
afterEach(() => {
  undo?.();
  undo = null;
  store?.close();
  store = undefined;
});

describe('a read-only data folder', () => {
  it('still lists applications and verifies the audit trail, and refuses a change as read-only', async (test) => {
    store = openStore();
    const ctx = store.ctx('admin');
    await addCliAdmin(ctx);
    const number = createApplication(ctx, recordFor('NEW_LVR', 'LVR', 1)).number;
    store.closeDatabase();
    const input = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yekuo-ro-input-')), 'a.json');
    fs.writeFileSync(input, JSON.stringify(recordFor('NEW_LVR', 'LVR', 2)));
    const bytes = fs.readFileSync(store.file);
    undo = makeReadOnly(store.dir);
    // Root in a container without CAP_SYS_ADMIN can neither be stopped by permissions nor mount: nothing to test.
    if (!undo) test.skip();

    const list = await yekuo(store.dir, '--json', 'app', 'list');
    expect(list.code).toBe(0);
    expect(list.stderr).toContain('是只读的');
    expect((JSON.parse(list.stdout) as { items: { number: string }[] }).items.map((a) => a.number)).toEqual([number]);

    const verify = await yekuo(store.dir, 'audit', 'verify');
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain('审计日志完整');

    const create = await yekuo(store.dir, 'app', 'create', input);
    expect(create.code).not.toBe(0);
    expect(create.stderr).toContain('数据目录是只读的');
    expect(create.stderr).not.toContain('内部错误');
    expect(fs.readFileSync(store.file).equals(bytes)).toBe(true);
    fs.rmSync(path.dirname(input), { recursive: true, force: true });
  }, 600_000); // three CLI processes on a busy two-core machine

  it('opens in the desktop services worker for reading: status says so, sign-in works, nothing is written', async (test) => {
    store = openStore();
    const ctx = store.ctx('admin');
    await addCliAdmin(ctx);
    const number = createApplication(ctx, recordFor('NEW_LVR', 'LVR', 1)).number;
    store.closeDatabase();
    const before = folderFingerprint(store.dir);
    undo = makeReadOnly(store.dir);
    if (!undo) test.skip();

    const client = await startWorkerClient({ dataDir: store.dir });
    try {
      expect(await client.call('auth.status', {})).toMatchObject({ ok: true, value: { readOnly: true } });
      const wrong = await client.call('auth.signIn', { id: CLI_ADMIN.id, password: 'not-the-password' });
      expect(wrong).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: /工号或密码不正确/ } });
      const signed = await client.call('auth.signIn', { id: CLI_ADMIN.id, password: CLI_ADMIN.password });
      expect(signed).toMatchObject({ ok: true, value: { id: CLI_ADMIN.id } });
      const list = await client.call('applications.list', {});
      expect(list).toMatchObject({ ok: true, value: { items: [{ number }] } });
      const create = await client.call('applications.create', { record: recordFor('NEW_LVR', 'LVR', 2) });
      expect(create).toMatchObject({ ok: false, error: { code: 'STORAGE', message: /数据目录是只读的/ } });
      expect(await client.call('auth.lock', {})).toMatchObject({ ok: true });
      expect(await client.call('auth.signOut', {})).toMatchObject({ ok: true });
    } finally {
      await client.close();
    }
    // No backup at start, no log line, no audit entry for the sign-in: the folder is as it was.
    expect(folderFingerprint(store.dir)).toEqual(before);
  }, 120_000);
});
