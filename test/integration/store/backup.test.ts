import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../main/db/connection';
import { createApplication } from '../../../main/services/applications/createApplication';
import { shanghaiDate } from '../../../main/services/clock';
import { backupsDirOf, createBackup, listBackups } from '../../../main/services/backup/backups';
import { readManifest } from '../../../main/services/backup/manifest';
import { restoreDatabase } from '../../../main/services/backup/restore';
import { setSecondBackupFolder } from '../../../main/services/backup/settings';
import { CLI_ADMIN_ARGS, yekuo } from './cliRunner';
import { openStore, recordFor, tempDataDir, type Store } from './storeFixture';

let store: Store | undefined;
const folders: string[] = [];
afterEach(() => {
  store?.close();
  store = undefined;
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const special = recordFor('NEW_LVR', 'LVR', 42);
special.customer.phone = '13912345678';

describe('backups', () => {
  it('yekuo backup then yekuo restore round-trips, with audit verify ok', async () => {
    const dir = path.join(tempDataDir(), 'hall');
    folders.push(path.dirname(dir));
    expect(
      (await yekuo(dir, 'init', '--hall-code', 'NJ0101', '--hall-name', '南京江宁营业厅', ...CLI_ADMIN_ARGS)).code,
    ).toBe(0);
    const input = (name: string, seed: number) => {
      const file = path.join(path.dirname(dir), name);
      fs.writeFileSync(file, JSON.stringify(recordFor('NEW_LVR', 'LVR', seed)));
      return file;
    };
    expect((await yekuo(dir, 'app', 'create', input('a.json', 1))).code).toBe(0);
    const backup = await yekuo(dir, '--json', 'backup');
    expect(backup.code).toBe(0);
    const record = JSON.parse(backup.stdout) as { file: string; check: { integrity: string; auditOk: boolean } };
    expect(record.check).toMatchObject({ integrity: 'ok', auditOk: true });
    const copy = path.join(dir, 'backups', record.file);
    expect(readManifest(path.join(dir, 'backups')).map((r) => r.file)).toContain(record.file);

    // A change after the backup, then the restore takes the hall back to the copy.
    expect((await yekuo(dir, 'app', 'create', input('b.json', 2))).code).toBe(0);
    const restored = await yekuo(dir, 'restore', copy);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/恢复后审计校验：通过/);
    expect(fs.existsSync(path.join(dir, `${DATABASE_FILE}.before-restore`))).toBe(true);
    expect((await yekuo(dir, 'audit', 'verify')).code).toBe(0);
    const list = await yekuo(dir, '--json', 'app', 'list');
    expect((JSON.parse(list.stdout) as { items: unknown[] }).items).toHaveLength(1);
  }, 600_000); // six CLI processes: slow on a busy two-core machine

  it('a backup of the encrypted database is encrypted with the same key and checked', () => {
    store = openStore();
    createApplication(store.ctx(), special);
    const record = createBackup(store.ctx(), { kind: 'manual' });
    expect(record.check).toMatchObject({ integrity: 'ok', auditOk: true, hallCode: 'NJ0101' });
    const file = path.join(backupsDirOf(store.dir), record.file);
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(bytes.includes(Buffer.from(special.customer.phone))).toBe(false);
    const stranger = new Database(file, { readonly: true });
    expect(() => stranger.prepare('SELECT count(*) FROM applications').get()).toThrow(/not a database/);
    stranger.close();
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('copies every backup to the second folder too, with its manifest', () => {
    store = openStore();
    const second = tempDataDir();
    folders.push(second);
    setSecondBackupFolder(store.ctx('admin'), second);
    const record = createBackup(store.ctx(), { kind: 'manual' });
    expect(record.secondCopy).toEqual({ folder: second, ok: true });
    expect(fs.readFileSync(path.join(second, record.file))).toEqual(
      fs.readFileSync(path.join(backupsDirOf(store.dir), record.file)),
    );
    expect(readManifest(second).map((r) => r.file)).toEqual([record.file]);
  });

  it('keeps the last 7 daily and 4 weekly copies over a simulated month', () => {
    store = openStore({ now: '2026-03-01T00:30:00Z' });
    const dir = backupsDirOf(store.dir);
    // Five weeks of a start-of-day copy and an evening copy (the clock is injected).
    for (let day = 0; day < 35; day++) {
      for (const hour of ['00:30', '10:00']) {
        store.setNow(new Date(Date.parse(`2026-03-01T${hour}:00Z`) + day * 86_400_000).toISOString());
        createBackup(store.ctx(), { kind: hour === '00:30' ? 'start' : 'daily' });
      }
    }
    const kept = listBackups(dir).map((b) => b.createdAt);
    const days = kept.map((at) => shanghaiDate(new Date(at)));
    // The newest copy of each of the last 7 days: 2026-04-04 back to 2026-03-29 (Shanghai), each 18:00.
    expect(kept.slice(0, 7).every((at) => at.endsWith('T10:00:00.000Z'))).toBe(true);
    expect(days.slice(0, 7)).toEqual([
      '2026-04-04',
      '2026-04-03',
      '2026-04-02',
      '2026-04-01',
      '2026-03-31',
      '2026-03-30',
      '2026-03-29',
    ]);
    // Weeks (Monday to Sunday): this week's and last week's newest are among the dailies; two more weeks back.
    expect(days.slice(7)).toEqual(['2026-03-22', '2026-03-15']);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.sqlite'))).toHaveLength(9);
    expect(readManifest(dir)).toHaveLength(9);
  });

  it('refuses to restore a copy of another hall or a damaged copy, the database unchanged', () => {
    store = openStore();
    createApplication(store.ctx(), special);
    const good = createBackup(store.ctx(), { kind: 'manual' });
    const other = openStore();
    const foreign = createBackup(other.ctx(), { kind: 'manual' });
    const foreignFile = path.join(backupsDirOf(other.dir), foreign.file);
    const ctx = store.ctx();
    expect(() => restoreDatabase(ctx, foreignFile)).toThrow(/无法用本数据目录的密钥打开：它不是本营业厅的备份/);
    other.close();

    const damaged = path.join(store.dir, 'damaged.sqlite');
    const bytes = fs.readFileSync(path.join(backupsDirOf(store.dir), good.file));
    bytes.fill(0x5a, 5000, 9000);
    fs.writeFileSync(damaged, bytes);
    expect(() => restoreDatabase(ctx, damaged)).toThrow(/未恢复|无法用本数据目录的密钥打开/);
    expect(ctx.db.open).toBe(true);
    expect(ctx.db.prepare('SELECT count(*) FROM applications').pluck().get()).toBe(1);
    expect(fs.existsSync(path.join(store.dir, `${DATABASE_FILE}.before-restore`))).toBe(false);
  });
});
