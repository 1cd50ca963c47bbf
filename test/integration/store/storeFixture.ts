import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApplicationInput } from '../../../shared/domain/application';
import type { BusinessType, CustomerClass, Role } from '../../../shared/domain/codes';
import { stagePlan } from '../../../shared/workflow/stagePlans';
import { DATABASE_FILE, openDatabase, type Db } from '../../../main/db/connection';
import { openDatabaseFile } from '../../../main/db/databaseFile';
import { keyFileFor, loadKeyFile } from '../../../main/db/databaseKey';
import type { HandlerContext } from '../../../main/ipc/context';
import { demoApplication } from '../../../main/services/demo/demoApplication';
import { Prng } from '../../../main/services/demo/prng';
import { initHall } from '../../../main/services/hall';

export const HALL = { code: 'NJ0101', name: '南京江宁营业厅' };

/** The hall's document settings (documents.settings), without which no document prints. */
export const HALL_DOCUMENT_SETTINGS = {
  utilityName: '国网南京市江宁区供电公司',
  address: '南京市江宁区天元中路 1 号',
  phone: '025-5210 0000',
  contact: '李娜',
  hotline: '95598',
  legalRep: '王建华',
  taxNumber: '91320115MA1XXXXX2K',
  bankAccount: '中国工商银行南京江宁支行 4301 0123 0910 0000 123',
};

/** The e2e fixture of a 10 kV 高压新装 (test/fixtures/e2e/hv-new-connection.json), applied for on `applicationDate`. */
export function hvNewConnection(applicationDate = '2026-03-02'): ApplicationInput {
  const fixture = JSON.parse(fs.readFileSync('test/fixtures/e2e/hv-new-connection.json', 'utf8')) as ApplicationInput;
  return { ...fixture, applicationDate };
}

/**
 * A bare connection to a data folder's database with its key (the folder's key file), without migrations: for
 * tests that change or inspect the file by hand, as another program would.
 */
export function openRawDatabase(file: string, options: { readonly?: boolean } = {}): Db {
  const key = loadKeyFile(keyFileFor(path.dirname(file)), false);
  return openDatabaseFile(file, { key, readonly: options.readonly });
}

/**
 * Changes the stored bytes of a closed database as someone holding its key could: decrypts the file, lets
 * `edit` change the clear bytes, encrypts it again with the same key.
 */
export function editClearBytes(file: string, edit: (bytes: Buffer) => void): void {
  const key = loadKeyFile(keyFileFor(path.dirname(file)), false);
  const rekey = (from: Buffer | null, to: string) => {
    const db = openDatabaseFile(file, { key: from });
    db.pragma('journal_mode = DELETE');
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    db.pragma(`rekey = "${to}"`);
    db.close();
  };
  rekey(key, '');
  const bytes = fs.readFileSync(file);
  edit(bytes);
  fs.writeFileSync(file, bytes);
  rekey(null, `x'${key.toString('hex')}'`);
}

/** A fresh data folder in the OS temp directory. */
export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'yekuo-store-'));
}

export interface Store {
  dir: string;
  file: string;
  ctx(role?: Role): HandlerContext;
  /** Moves the injected clock. */
  setNow(iso: string): void;
  /** Closes the connection (checkpointing the WAL) and keeps the folder, for tests that read the file. */
  closeDatabase(): void;
  /** Closes the connection and removes the folder. */
  close(): void;
}

/** An initialised hall store on a real temp file; the clock starts on a Monday morning in Shanghai. */
export function openStore(options: { init?: boolean; now?: string } = {}): Store {
  const dir = tempDataDir();
  const file = path.join(dir, DATABASE_FILE);
  const db = openDatabase(file);
  let now = new Date(options.now ?? '2026-03-02T01:00:00Z');
  const ctx = (role: Role = 'supervisor'): HandlerContext => ({
    db,
    dataDir: dir,
    session: { userId: `${role}-1`, name: role === 'clerk' ? '李娜' : '王建国', role },
    now: () => now,
  });
  if (options.init !== false) initHall(ctx('admin'), HALL);
  return {
    dir,
    file,
    ctx,
    setNow: (iso) => {
      now = new Date(iso);
    },
    closeDatabase: () => {
      if (db.open) db.close();
    },
    close: () => {
      if (db.open) db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A rule-clean record of a type and class that may go all the way to ARCHIVE: every document received, the
 * completion check passed (what a clerk would have recorded before the final stages).
 */
export function recordFor(type: BusinessType, cls: CustomerClass, seed = 1, date = '2026-03-02'): ApplicationInput {
  const plan = stagePlan(type, cls);
  return demoApplication(new Prng(seed), { type, cls, applicationDate: date, plan, target: plan.length - 1 });
}
