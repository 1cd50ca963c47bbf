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
import { recoveryDesk, recoveryInfo } from '../../../main/services/recovery/recoveryDesk';
import { RECOVERY_URL, recoveryProtocolHandler } from '../../../main/services/recovery/recoveryProtocol';
import { openStore, tempDataDir } from './storeFixture';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** A hall with one checked backup, whose database page 1 (the schema) a failing disk then overwrote. */
function damagedStoreWithBackup() {
  const store = openStore();
  dirs.push(store.dir);
  const copy = createBackup(store.ctx('admin'), { kind: 'manual' });
  store.closeDatabase();
  const damaged = fs.readFileSync(store.file).fill(0x5a, 100, 4000);
  fs.writeFileSync(store.file, damaged);
  return { store, copy, damaged };
}

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
    const { store, copy, damaged } = damagedStoreWithBackup();
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

  it("the desktop recovery window's scheme restores the newest good copy, then opens the app on it", async () => {
    const { store, copy, damaged } = damagedStoreWithBackup();
    let refusal: DatabaseRefused | undefined;
    try {
      openDatabase(store.file);
    } catch (error) {
      refusal = error as DatabaseRefused;
    }
    expect(refusal).toBeInstanceOf(DatabaseRefused);
    // As main/app/main.ts wires it: the desk restores with the folder's key; the worker reopens the file.
    const key = loadKeyFile(keyFileFor(store.dir), false);
    const desk = recoveryDesk(recoveryInfo(refusal!, store.dir), (name) => {
      const restored = restoreRefusedDatabase(store.dir, name, key);
      restored.db.close();
      return restored.before;
    });
    const continued: string[] = [];
    const handle = recoveryProtocolHandler(desk, (before) => continued.push(before));
    const post = (url: string, body: Record<string, string>) =>
      handle(new Request(url, { method: 'POST', body: new URLSearchParams(body) }));

    const page = await (await handle(new Request(RECOVERY_URL))).text();
    expect(page).toContain('最近一次完好的备份：');
    expect(page).toContain('<form method="post" action="/restore">');
    const token = /name="token" value="([0-9a-f]{32})"/.exec(page)?.[1] ?? '';
    expect(page).toContain(`name="file" value="${copy.file}"`);

    // Another origin, a wrong token or a name outside backups/ changes nothing.
    expect((await post('https://evil.example/restore', { file: copy.file, token })).status).toBe(404);
    expect((await post(`${RECOVERY_URL}restore`, { file: copy.file, token: 'guess' })).status).toBe(403);
    const outside = await post(`${RECOVERY_URL}restore`, { file: '../yekuo.sqlite', token });
    expect(await outside.text()).toContain('未能恢复');
    expect(fs.readFileSync(store.file).equals(damaged)).toBe(true);
    expect(continued).toEqual([]);

    const done = await post(`${RECOVERY_URL}restore`, { file: copy.file, token });
    expect(done.status).toBe(200);
    const outcome = await done.text();
    expect(outcome).toContain('已从备份恢复');
    expect(outcome).toContain('<a href="/">进入系统并登录</a>');
    expect(fs.readFileSync(`${store.file}.before-restore`).equals(damaged)).toBe(true);
    await handle(new Request(RECOVERY_URL));
    await handle(new Request(RECOVERY_URL));
    expect(continued).toEqual([`${store.file}.before-restore`]);
    const reopened = openDatabase(store.file);
    expect(reopened.prepare("SELECT value FROM settings WHERE key = 'hall.code'").pluck().get()).toBe('NJ0101');
    reopened.close();
  });
});
