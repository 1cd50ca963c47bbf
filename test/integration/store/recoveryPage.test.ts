import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../main/db/connection';
import { DatabaseRefused } from '../../../main/db/startupCheck';
import { startWorkerClient } from '../../../main/ipc/workerClient';
import { recoveryPageHtml } from '../../../main/services/recovery/recoveryPage';
import { tempDataDir } from './storeFixture';

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
});
