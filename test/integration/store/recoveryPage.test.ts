import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../main/db/connection';
import { DatabaseRefused } from '../../../main/db/startupCheck';
import { startWorkerClient } from '../../../main/ipc/workerClient';
import { recoveryPageHtml } from '../../../main/services/recovery/recoveryPage';
import { createBackup } from '../../../main/services/backup/backups';
import { recoveryBackups, restoreRefusedDatabase } from '../../../main/services/recovery/recoveryBackups';
import { keyFileFor, loadKeyFile } from '../../../main/db/databaseKey';
import { openDatabase } from '../../../main/db/connection';
import { openStore, tempDataDir } from './storeFixture';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe('recovery page', () => {
  it('offers the newest backup that passed its checks, with the restore command, and escapes paths', () => {
    const html = recoveryPageHtml({
      reason: 'CORRUPT',
      file: '/data/<hall>/yekuo.sqlite',
      dataDir: '/data/<hall>',
      message: '数据库文件已损坏',
      backups: [
        { file: '/backups/2026-03-03.sqlite', at: '2026-03-03T02:00:00Z', good: false },
        { file: '/backups/2026-03-02.sqlite', at: '2026-03-02T02:00:00Z', good: true },
      ],
    });
    expect(html).toContain('最近一次完好的备份：<strong>2026-03-02 10:00</strong>');
    expect(html).toContain('yekuo --data &#34;/data/&#60;hall&#62;&#34; restore &#34;/backups/2026-03-02.sqlite&#34;');
    expect(html).toContain('校验未通过');
    expect(html).not.toContain('<hall>');
    expect(html).not.toContain('<script');
  });

  it('tells a newer database to upgrade the client instead of restoring', () => {
    const html = recoveryPageHtml({ reason: 'NEWER', file: '/d/yekuo.sqlite', dataDir: '/d', message: 'x' });
    expect(html).toContain('请安装最新版本的客户端');
    expect(html).not.toContain('restore');
  });

  it('the desktop services worker reports a refused database with its reason (the shell then shows the page)', async () => {
    const dir = tempDataDir();
    dirs.push(dir);
    const other = new Database(path.join(dir, DATABASE_FILE));
    other.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY)');
    other.close();
    const started = startWorkerClient({ dataDir: dir });
    await expect(started).rejects.toBeInstanceOf(DatabaseRefused);
    await expect(started).rejects.toMatchObject({ reason: 'FOREIGN' });
  });

  it('restores the newest good copy over a damaged database, keeping the damaged file byte for byte', () => {
    const store = openStore();
    dirs.push(store.dir);
    const copy = createBackup(store.ctx('admin'), { kind: 'manual' });
    store.closeDatabase();
    const damaged = fs.readFileSync(store.file).fill(0x5a, 100, 4000);
    fs.writeFileSync(store.file, damaged);
    expect(() => openDatabase(store.file)).toThrow(DatabaseRefused);
    const offered = recoveryBackups(store.dir);
    expect(offered).toEqual([{ file: path.join(store.dir, 'backups', copy.file), at: copy.createdAt, good: true }]);

    const key = loadKeyFile(keyFileFor(store.dir), false);
    expect(() => restoreRefusedDatabase(store.dir, '../yekuo.sqlite', key)).toThrow(/备份文件名无效/);
    expect(() => restoreRefusedDatabase(store.dir, copy.file, Buffer.alloc(32, 7))).toThrow(
      /无法用本数据目录的密钥打开/,
    );
    expect(fs.readFileSync(store.file).equals(damaged)).toBe(true);

    const restored = restoreRefusedDatabase(store.dir, copy.file, key);
    expect(fs.readFileSync(restored.before).equals(damaged)).toBe(true);
    expect(restored.db.prepare("SELECT value FROM settings WHERE key = 'hall.code'").pluck().get()).toBe('NJ0101');
    restored.db.close();
  });
});
