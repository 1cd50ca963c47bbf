/**
 * 备份与恢复 channels: administrators list the copies with their checks, make one now, check one again and
 * restore it while the app runs (the caller's connection is replaced); others are refused before anything runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupItem, BackupsView, RestoreOutcome, SupportLogView } from '../../../shared/api/backups';
import { DATABASE_FILE, type Db } from '../../../main/db/connection';
import type { HandlerContext } from '../../../main/ipc/context';
import { dispatch } from '../../../main/ipc/dispatch';
import { createApplication } from '../../../main/services/applications/createApplication';
import { openStore, recordFor, type Store } from './storeFixture';

let store: Store | undefined;
const opened: Db[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) if (db.open) db.close();
  store?.close();
  store = undefined;
});

const count = (db: Db) => (db.prepare('SELECT count(*) AS n FROM applications').get() as { n: number }).n;

/** An administrator's context that can take the reopened database, as the desktop worker and the harness do. */
function swappable(s: Store): HandlerContext {
  const ctx: HandlerContext = {
    ...s.ctx('admin'),
    replaceDatabase: (next) => {
      opened.push(next);
      ctx.db = next;
    },
  };
  return ctx;
}

async function value<T>(ctx: HandlerContext, channel: string, input: unknown = {}): Promise<T> {
  const result = await dispatch(ctx, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

describe('备份与恢复 channels', () => {
  it('backs up now, lists the copy as checked, restores it in place and goes on with the restored data', async () => {
    store = openStore();
    const ctx = swappable(store);
    createApplication(ctx, recordFor('NEW_LVR', 'LVR', 1));
    const made = await value<BackupItem>(ctx, 'backups.create');
    expect(made).toMatchObject({ kind: 'manual', good: true, check: { integrity: 'ok', auditOk: true } });
    createApplication(ctx, recordFor('NEW_LVR', 'LVR', 2));

    const view = await value<BackupsView>(ctx, 'backups.list');
    expect(view.dir).toBe(path.join(store.dir, 'backups'));
    expect(view.backups.map((b) => [b.file, b.good])).toContainEqual([made.file, true]);
    await expect(value(ctx, 'backups.check', { file: made.file })).resolves.toMatchObject({ integrity: 'ok' });

    const before = ctx.db;
    const outcome = await value<RestoreOutcome>(ctx, 'backups.restore', { file: made.file });
    expect(outcome).toMatchObject({ file: made.file, auditOk: true });
    expect(outcome.before).toBe(path.join(store.dir, `${DATABASE_FILE}.before-restore`));
    expect(fs.existsSync(outcome.before)).toBe(true);
    expect(before.open).toBe(false);
    expect(count(ctx.db)).toBe(1);
    // The next call through the same caller reads the restored database.
    const verify = await dispatch(ctx, 'audit.verify', {});
    expect(verify).toMatchObject({ ok: true, value: { ok: true } });

    const log = await value<SupportLogView>(ctx, 'supportLog.view');
    expect(log.text).toContain('"event":"restore"');
    expect(log.text).toContain(made.file);
  });

  it('refuses a restore where the connection cannot be replaced, and names outside the backups folder', async () => {
    store = openStore();
    const fixed = store.ctx('admin');
    createApplication(fixed, recordFor('NEW_LVR', 'LVR', 1));
    const made = await value<BackupItem>(fixed, 'backups.create');
    const refused = await dispatch(fixed, 'backups.restore', { file: made.file });
    expect(refused).toMatchObject({ ok: false, error: { code: 'ILLEGAL_STATE' } });
    expect(fixed.db.open).toBe(true);
    expect(fs.existsSync(path.join(store.dir, `${DATABASE_FILE}.before-restore`))).toBe(false);

    const escape = await dispatch(swappable(store), 'backups.restore', { file: '../yekuo.sqlite' });
    expect(escape).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(!escape.ok && escape.error.message).toContain('备份文件');
    const missing = await dispatch(swappable(store), 'backups.check', { file: 'yekuo-manual-20990101-000000.sqlite' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('is for administrators only: a supervisor learns 无权限 before the input is read', async () => {
    store = openStore();
    for (const channel of ['backups.list', 'backups.restore', 'supportLog.view', 'backups.setSecondFolder']) {
      const result = await dispatch(store.ctx('supervisor'), channel, { nonsense: true });
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('sets and clears the second backup folder, refusing a relative path', async () => {
    store = openStore();
    const ctx = store.ctx('admin');
    const folder = path.join(store.dir, 'usb');
    await expect(value(ctx, 'backups.setSecondFolder', { folder })).resolves.toEqual({ folder });
    expect((await value<BackupsView>(ctx, 'backups.list')).secondFolder).toBe(folder);
    const made = await value<BackupItem>(ctx, 'backups.create');
    expect(made.secondCopy).toMatchObject({ folder, ok: true });
    expect(fs.existsSync(path.join(folder, made.file))).toBe(true);
    const relative = await dispatch(ctx, 'backups.setSecondFolder', { folder: 'usb' });
    expect(relative).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    await expect(value(ctx, 'backups.setSecondFolder', { folder: null })).resolves.toEqual({ folder: null });
  });
});
