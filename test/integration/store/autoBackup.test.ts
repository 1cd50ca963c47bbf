/**
 * The automatic backups of issue 10: the day's copy at start (once a day, whatever the number of starts), one a
 * day while running, and always a checked copy before a migration changes an existing database.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersionOf } from '../../../main/db/connection';
import { openDatabaseFile } from '../../../main/db/databaseFile';
import { keyFileFor, loadKeyFile } from '../../../main/db/databaseKey';
import { SCHEMA_VERSION } from '../../../main/db/migrations';
import { createApplication } from '../../../main/services/applications/createApplication';
import { BackupScheduler } from '../../../main/services/backup/backupSchedule';
import { backupsDirOf } from '../../../main/services/backup/backups';
import { readManifest } from '../../../main/services/backup/manifest';
import { openStore, recordFor, type Store } from './storeFixture';

let store: Store | undefined;
afterEach(() => {
  store?.close();
  store = undefined;
});

describe('automatic backups', () => {
  it('makes the copy of the day at the first start, none at later starts that day, and the next day one again', () => {
    store = openStore();
    let now = new Date('2026-03-02T01:00:00Z'); // 09:00 in Shanghai
    const scheduler = () => new BackupScheduler({ db: store!.ctx().db, dataDir: store!.dir }, () => now);
    const first = scheduler().run('start');
    expect(first).toMatchObject({ kind: 'start', check: { integrity: 'ok', auditOk: true } });
    now = new Date('2026-03-02T08:00:00Z');
    expect(scheduler().run('start')).toBeNull();
    expect(scheduler().run('daily')).toBeNull();
    // 00:30 the next day in Shanghai (16:30 UTC): the running app's hourly look makes the daily copy.
    now = new Date('2026-03-02T16:30:00Z');
    createApplication(store.ctx(), recordFor('NEW_LVR', 'LVR', 7));
    expect(scheduler().run('daily')).toMatchObject({ kind: 'daily', check: { integrity: 'ok', auditOk: true } });
    const kinds = readManifest(backupsDirOf(store.dir)).map((r) => r.kind);
    expect(kinds).toEqual(['start', 'daily']);
    // Each copy signed the chain head before it was taken.
    const anchors = store.ctx().db.prepare("SELECT count(*) FROM audit_anchors WHERE reason = 'backup'").pluck().get();
    expect(anchors).toBe(2);
  });

  it('reports a failed backup instead of throwing, and tries again at the next look', () => {
    store = openStore();
    const failures: string[] = [];
    const blocked = backupsDirOf(store.dir);
    fs.writeFileSync(blocked, 'not a folder'); // backups/ cannot be created
    const scheduler = new BackupScheduler({ db: store.ctx().db, dataDir: store.dir }, undefined, (m) =>
      failures.push(m),
    );
    expect(scheduler.run('start')).toBeNull();
    expect(failures).toHaveLength(1);
    expect(failures[0]).toContain('备份未完成');
    fs.rmSync(blocked);
    expect(scheduler.run('daily')).toMatchObject({ kind: 'daily' });
  });

  it('keeps a checked copy of the database as it was before a migration changes it', () => {
    store = openStore();
    const { number } = createApplication(store.ctx(), recordFor('NEW_LVR', 'LVR', 3));
    const db = store.ctx().db;
    // The database as version 12 left it (migration 0013 adds this trigger and column).
    db.exec('DROP TRIGGER supply_scheme_versions_extended_once');
    db.exec('ALTER TABLE supply_scheme_versions DROP COLUMN extended_until');
    db.pragma('user_version = 12');
    store.closeDatabase();

    const upgraded = openDatabase(store.file);
    expect(schemaVersionOf(upgraded)).toBe(SCHEMA_VERSION);
    upgraded.close();
    const [copy, ...others] = readManifest(backupsDirOf(store.dir));
    expect(others).toEqual([]);
    expect(copy).toMatchObject({ kind: 'pre-migration', check: { integrity: 'ok', schemaVersion: 12 } });
    const file = path.join(backupsDirOf(store.dir), copy!.file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const old = openDatabaseFile(file, { key: loadKeyFile(keyFileFor(store.dir), false), readonly: true });
    try {
      expect(old.pragma('user_version', { simple: true })).toBe(12);
      expect(old.prepare('SELECT number FROM applications').pluck().all()).toEqual([number]);
    } finally {
      old.close();
    }
    // An up-to-date database opens without a copy.
    openDatabase(store.file).close();
    expect(readManifest(backupsDirOf(store.dir))).toHaveLength(1);
  });
});
