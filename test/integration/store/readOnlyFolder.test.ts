/**
 * A read-only data folder (issue 10): read commands still answer (the CLI reads a private snapshot), with a
 * notice; a command that changes data is refused saying the folder is read-only, never 内部错误.
 *
 * The folder is made read-only as the operating system would: without write permission (chmod, for a normal
 * account) or, for root (whom permissions do not stop), as a read-only bind mount.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../main/db/connection';
import { createApplication } from '../../../main/services/applications/createApplication';
import { addCliAdmin, yekuo } from './cliRunner';
import { openStore, recordFor, type Store } from './storeFixture';

/** Makes `dir` read-only; returns how to undo it, or null where this machine cannot (root without mount). */
function makeReadOnly(dir: string): (() => void) | null {
  if (process.getuid?.() !== 0) {
    fs.chmodSync(path.join(dir, DATABASE_FILE), 0o400);
    fs.chmodSync(dir, 0o500);
    return () => {
      fs.chmodSync(dir, 0o700);
      fs.chmodSync(path.join(dir, DATABASE_FILE), 0o600);
    };
  }
  try {
    execFileSync('mount', ['--bind', dir, dir], { stdio: 'ignore' });
  } catch {
    return null;
  }
  execFileSync('mount', ['-o', 'remount,ro,bind', dir], { stdio: 'ignore' });
  return () => execFileSync('umount', [dir], { stdio: 'ignore' });
}

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
});
