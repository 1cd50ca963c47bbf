/**
 * Encrypts in place a hall database written before encryption existed (issue #10): first an encrypted copy
 * goes to backups/ (the state before the change, restorable like any backup), then the file itself is rekeyed
 * inside SQLite's rollback journal, so a crash leaves either the old clear file or the encrypted one.
 * SQLite3 Multiple Ciphers cannot rekey in WAL mode, hence the switch to DELETE and back.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BACKUPS_DIR } from './dataFolder';
import type { DatabaseKey } from './databaseKey';
import { openDatabaseFile, type Db } from './databaseFile';
import { SCHEMA_VERSION } from './migrations';
import { checkDatabaseIdentity } from './startupCheck';

/** `keyOf` is asked only once the file is known to be ours (a new key file is written then). */
export function encryptPlaintextDatabase(file: string, keyOf: () => DatabaseKey): void {
  let hasData: boolean;
  const probe = openDatabaseFile(file, { key: null, readonly: true });
  try {
    hasData = checkOurs(probe, file);
  } finally {
    probe.close();
  }
  const key = keyOf();
  if (hasData) {
    const plain = openDatabaseFile(file, { key: null });
    try {
      plain.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      plain.close();
    }
    keepEncryptedCopy(file, key);
  }
  rekey(file, key);
}

/** True when the file holds a hall database; false when it is empty. Refuses anything else untouched. */
function checkOurs(db: Db, file: string): boolean {
  checkDatabaseIdentity(db, file, SCHEMA_VERSION);
  return (db.prepare('SELECT count(*) FROM sqlite_master').pluck().get() as number) > 0;
}

function keepEncryptedCopy(file: string, key: DatabaseKey): void {
  const dir = path.join(path.dirname(file), BACKUPS_DIR);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const target = path.join(dir, `yekuo-before-encryption-${stamp}.sqlite`);
  const temp = `${target}.tmp`;
  fs.copyFileSync(file, temp);
  fs.chmodSync(temp, 0o600);
  rekey(temp, key);
  fs.renameSync(temp, target);
}

function rekey(file: string, key: DatabaseKey): void {
  const db = openDatabaseFile(file, { key: null });
  try {
    db.pragma('journal_mode = DELETE');
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    db.pragma(`rekey = "x'${key.toString('hex')}'"`);
  } finally {
    db.close();
  }
}
