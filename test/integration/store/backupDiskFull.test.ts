/**
 * A full disk during a backup (issue 10): the admin reads 磁盘空间不足 with the folder and the way through,
 * never 内部错误 or a bare SQLite message, and no half-written copy, temp file or manifest is left behind.
 * The disk is really full: the backup folder is a tiny tmpfs (root mounts it), smaller than the copy.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/ipc/dispatch';
import { verifyAudit } from '../../../main/services/audit';
import { backupsDirOf, createBackup } from '../../../main/services/backup/backups';
import { readManifest } from '../../../main/services/backup/manifest';
import { setSecondBackupFolder } from '../../../main/services/backup/settings';
import { createApplication } from '../../../main/services/applications/createApplication';
import { openStore, recordFor, tempDataDir, type Store } from './storeFixture';

/** Mounts a 32 KB tmpfs on `dir` (created); returns how to undo it, or null where this machine cannot mount. */
function tinyDisk(dir: string): (() => void) | null {
  fs.mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=32k,mode=700', 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    return null;
  }
  return () => execFileSync('umount', [dir], { stdio: 'ignore' });
}

let store: Store | undefined;
const undo: (() => void)[] = [];
const folders: string[] = [];
afterEach(() => {
  for (const unmount of undo.splice(0)) unmount();
  store?.close();
  store = undefined;
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function storeWithTinyBackupsFolder(test: { skip(): void }): Store {
  store = openStore();
  createApplication(store.ctx('clerk'), recordFor('NEW_LVR', 'LVR', 1));
  const unmount = tinyDisk(backupsDirOf(store.dir));
  // Not root, or a container without mount: no real full disk to test on.
  if (!unmount) test.skip();
  else undo.push(unmount);
  return store;
}

describe('a full disk during a backup', () => {
  it('备份与恢复 says 磁盘空间不足 with the folder and what to do, and leaves no partial copy', async (test) => {
    const { dir } = storeWithTinyBackupsFolder(test);
    const ctx = store!.ctx('admin');
    const result = await dispatch(ctx, 'backups.create', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'STORAGE' } });
    const message = !result.ok ? result.error.message : '';
    expect(message).toMatch(/^磁盘空间不足，备份未完成：备份目录 .* 所在的磁盘已满/);
    expect(message).toContain(backupsDirOf(dir));
    expect(message).toContain('没有留下不完整的备份文件');
    expect(message).toContain('请清理该磁盘');
    expect(message).not.toMatch(/内部错误|SQLITE|database or disk is full/);
    expect(fs.readdirSync(backupsDirOf(dir))).toEqual([]);
    // The hall goes on: its chain is intact and a change still saves.
    expect(verifyAudit(ctx.db).ok).toBe(true);
    expect(createApplication(store!.ctx('clerk'), recordFor('NEW_LVR', 'LVR', 2)).number).toBeTruthy();
  });

  it('a full second folder: the backup stands, the second copy says 磁盘空间不足 and leaves nothing there', (test) => {
    store = openStore();
    const second = path.join(tempDataDir(), 'usb');
    folders.push(path.dirname(second));
    const unmount = tinyDisk(second);
    if (!unmount) test.skip();
    else undo.push(unmount);
    setSecondBackupFolder(store.ctx('admin'), second);

    const record = createBackup(store.ctx('admin'), { kind: 'manual' });
    expect(record.secondCopy).toMatchObject({ folder: second, ok: false });
    expect(record.secondCopy?.message).toMatch(/^未能复制到第二备份目录：磁盘空间不足，备份未完成/);
    expect(fs.readdirSync(second)).toEqual([]);
    expect(readManifest(backupsDirOf(store.dir)).map((r) => r.file)).toEqual([record.file]);
    expect(fs.existsSync(path.join(backupsDirOf(store.dir), record.file))).toBe(true);
  });
});
