import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase } from '../../../main/db/connection';
import { DATABASE_KEY_FILE, loadKeyFile, newDatabaseKey } from '../../../main/db/databaseKey';
import { BACKUPS_DIR } from '../../../main/db/dataFolder';
import { createApplication } from '../../../main/services/applications/createApplication';
import { verifyAudit } from '../../../main/services/audit';
import { initHall } from '../../../main/services/hall';
import { searchApplications } from '../../../main/services/search';
import { HALL, openStore, recordFor, tempDataDir, type Store } from './storeFixture';

let store: Store | undefined;
const folders: string[] = [];
afterEach(() => {
  store?.close();
  store = undefined;
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const special = recordFor('NEW_LVR', 'LVR', 42);
special.customer.phone = '13912345678';
special.site.address = '江苏省南京市玄武区珠江路88号';

/** Every file SQLite keeps for the database (main file, WAL, shared memory). */
function databaseBytes(file: string): Buffer {
  return Buffer.concat(
    [file, `${file}-wal`, `${file}-shm`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)),
  );
}

function clearTextIn(bytes: Buffer, texts: string[]): string[] {
  return texts.filter((t) => bytes.includes(Buffer.from(t, 'utf8')));
}

describe('database encryption (SQLCipher 4 scheme)', () => {
  it('keeps no ID number, phone, name or address in clear, in the file or its WAL, and search still works', () => {
    store = openStore();
    const ctx = store.ctx();
    const number = createApplication(ctx, special).number;
    const secrets = [special.customer.idNumber, special.customer.phone, special.customer.name, '珠江路88号'];
    // While open: the committed rows sit in the WAL.
    expect(fs.existsSync(`${store.file}-wal`)).toBe(true);
    expect(clearTextIn(databaseBytes(store.file), secrets)).toEqual([]);
    // FTS5 trigram, the digit-suffix index and the short-name index read through the cipher.
    const found = (text: string) => searchApplications(ctx, { text, limit: 50 }).items.map((s) => s.number);
    expect(found('珠江路88')).toEqual([number]);
    expect(found('12345678')).toContain(number);
    expect(found(special.customer.name.slice(0, 2))).toContain(number);
    store.closeDatabase();
    const bytes = fs.readFileSync(store.file);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(clearTextIn(bytes, secrets)).toEqual([]);
    // A program without the key reads nothing.
    const stranger = new Database(store.file, { readonly: true });
    expect(() => stranger.prepare('SELECT count(*) FROM applications').get()).toThrow(/not a database/);
    stranger.close();
  });

  it('the key is a 600 file in a 700 keys folder, created with the database', () => {
    store = openStore();
    const keyFile = path.join(store.dir, DATABASE_KEY_FILE);
    expect(fs.readFileSync(keyFile, 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
    if (process.platform !== 'win32') {
      expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
      expect(fs.statSync(path.dirname(keyFile)).mode & 0o777).toBe(0o700);
    }
  });

  it('a wrong key or a missing key file is refused in Chinese, the file untouched', () => {
    store = openStore();
    store.closeDatabase();
    const before = fs.readFileSync(store.file);
    expect(() => openDatabase(store!.file, { key: newDatabaseKey() })).toThrow(
      /已损坏或密钥不对.*未作任何修改.*--key-file/,
    );
    fs.renameSync(path.join(store.dir, DATABASE_KEY_FILE), path.join(store.dir, 'moved.key'));
    expect(() => openDatabase(store!.file)).toThrow(/找不到数据库密钥.*数据库已加密.*--key-file/);
    expect(fs.readFileSync(store.file).equals(before)).toBe(true);
  });

  it('an unencrypted hall database is encrypted in place on first open, after an encrypted backup copy', () => {
    const dir = tempDataDir();
    folders.push(dir);
    const file = path.join(dir, DATABASE_FILE);
    // A hall database as the app wrote it before encryption.
    const plain = openDatabase(file, { key: null });
    const ctx = { db: plain, dataDir: dir, session: { userId: 'admin-1', name: '王建国', role: 'admin' as const } };
    initHall(ctx, HALL);
    const number = createApplication(ctx, special).number;
    plain.close();
    expect(fs.readFileSync(file).includes(Buffer.from(special.customer.phone))).toBe(true);

    const db = openDatabase(file);
    expect(db.prepare('SELECT number FROM applications').pluck().all()).toEqual([number]);
    expect(verifyAudit(db)).toMatchObject({ ok: true });
    db.close();
    expect(clearTextIn(fs.readFileSync(file), [special.customer.phone, special.customer.idNumber])).toEqual([]);

    const copies = fs.readdirSync(path.join(dir, BACKUPS_DIR));
    expect(copies).toEqual([expect.stringMatching(/^yekuo-before-encryption-\d{8}-\d{6}\.sqlite$/)]);
    const copy = path.join(dir, BACKUPS_DIR, copies[0]!);
    expect(clearTextIn(fs.readFileSync(copy), [special.customer.phone])).toEqual([]);
    const restored = openDatabase(copy, { key: loadKeyFile(path.join(dir, DATABASE_KEY_FILE), false) });
    expect(restored.prepare('SELECT number FROM applications').pluck().all()).toEqual([number]);
    restored.close();
  });

  it('another program’s unencrypted SQLite file is refused and left as it was', () => {
    const dir = tempDataDir();
    folders.push(dir);
    const file = path.join(dir, DATABASE_FILE);
    const foreign = new Database(file);
    foreign.exec("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('购物清单')");
    foreign.pragma('user_version = 3');
    foreign.close();
    const before = fs.readFileSync(file);
    expect(() => openDatabase(file)).toThrow(/是其他程序的 SQLite 数据库.*未作任何修改/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(path.join(dir, BACKUPS_DIR))).toBe(false);
  });
});
