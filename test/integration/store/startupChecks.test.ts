/**
 * Start-up checks (issue 10): another program's SQLite file, a damaged file and a file from a newer version are
 * refused with their reason and left byte for byte as they were; a mistyped --data folder is refused by every
 * command but `init`.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase } from '../../../main/db/connection';
import { SCHEMA_VERSION } from '../../../main/db/migrations';
import { DatabaseRefused, YEKUO_APPLICATION_ID } from '../../../main/db/startupCheck';
import { CLI_ADMIN_ARGS, yekuo } from './cliRunner';
import { openRawDatabase, openStore, tempDataDir, type Store } from './storeFixture';

const dirs: string[] = [];
let store: Store | undefined;
afterEach(() => {
  store?.close();
  store = undefined;
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function folder(): { dir: string; file: string } {
  const dir = tempDataDir();
  dirs.push(dir);
  return { dir, file: path.join(dir, DATABASE_FILE) };
}

/** Opens the file expecting a refusal; returns it after checking the folder is exactly as it was. */
function refusalOf(file: string): DatabaseRefused {
  const dir = path.dirname(file);
  const listing = fs.readdirSync(dir).sort();
  const bytes = fs.readFileSync(file);
  let refusal: unknown;
  try {
    openDatabase(file).close();
  } catch (error) {
    refusal = error;
  }
  expect(refusal).toBeInstanceOf(DatabaseRefused);
  expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  expect(fs.readdirSync(dir).sort()).toEqual(listing); // no -wal or -shm left behind either
  return refusal as DatabaseRefused;
}

describe('start-up checks', () => {
  it('marks a new hall database with our application_id, and an older one of ours on its next open', () => {
    const { file } = folder();
    const db = openDatabase(file);
    expect(db.pragma('application_id', { simple: true })).toBe(YEKUO_APPLICATION_ID);
    db.pragma('application_id = 0'); // as every file written before this check
    db.close();
    const again = openDatabase(file);
    expect(again.pragma('application_id', { simple: true })).toBe(YEKUO_APPLICATION_ID);
    again.close();
  });

  it("refuses another program's SQLite file, unmodified (today it would have been migrated)", () => {
    const { file } = folder();
    const other = new Database(file);
    other.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('hello');");
    other.close();
    const refusal = refusalOf(file);
    expect(refusal.reason).toBe('FOREIGN');
    expect(refusal.message).toMatch(/其他程序的 SQLite 数据库.*未作任何修改/);

    // Another application_id, even with tables named like ours.
    const { file: second } = folder();
    const marked = new Database(second);
    marked.exec('CREATE TABLE applications (id INTEGER PRIMARY KEY)');
    marked.pragma('application_id = 1234');
    marked.close();
    expect(refusalOf(second).reason).toBe('FOREIGN');
  });

  it('refuses a damaged file and a file from a newer version, unmodified', () => {
    store = openStore();
    store.closeDatabase();
    const bytes = fs.readFileSync(store.file);
    // Page 1 holds the schema: overwrite most of it, as a failing disk might (encrypted: the page's HMAC fails).
    bytes.fill(0x5a, 100, 4000);
    fs.writeFileSync(store.file, bytes);
    const corrupt = refusalOf(store.file);
    expect(corrupt.reason).toBe('CORRUPT');
    expect(corrupt.message).toMatch(/已损坏.*未作任何修改：请从最近一次完好的备份恢复/);

    const { file } = folder();
    openDatabase(file).close();
    const newer = openRawDatabase(file);
    newer.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    newer.close();
    expect(refusalOf(file).reason).toBe('NEWER');
  });

  it('the CLI refuses a foreign file and a data folder that does not exist (exit 2, Chinese and English)', async () => {
    const { dir, file } = folder();
    const other = new Database(file);
    other.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY)');
    other.close();
    const foreign = await yekuo(dir, 'app', 'list');
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toMatch(/其他程序的 SQLite 数据库[\s\S]*error: database problem/);

    const missing = path.join(dir, 'typo');
    const refused = await yekuo(missing, 'audit', 'verify');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`数据目录 ${missing} 不存在`);
    expect(refused.stderr).toContain('error: data folder');
    expect(fs.existsSync(missing)).toBe(false);
    // init is the one command that creates it.
    const init = await yekuo(
      missing,
      'init',
      '--hall-code',
      'NJ0101',
      '--hall-name',
      '南京江宁营业厅',
      ...CLI_ADMIN_ARGS,
    );
    expect(init.code).toBe(0);
    expect(fs.existsSync(path.join(missing, DATABASE_FILE))).toBe(true);
  }, 240_000); // four CLI processes: slow on a busy two-core machine
});
