/**
 * The database key: 32 random bytes, used as a raw SQLCipher key (no passphrase derivation, so an open costs no
 * PBKDF2 round). The desktop keeps it behind Electron safeStorage (main/app/protectedKeyStore.ts); the CLI, the
 * web harness and tests keep it as 64 hex digits in an owner-only key file.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { PrivateKeyStore } from '../services/keys/hallKeys';
import { fileKeyStore } from '../services/keys/fileKeyStore';
import { AppError } from '../services/errors';

/** 32 bytes. */
export type DatabaseKey = Buffer;

/** Default key file inside the data folder, beside the hall signing key (keys/, mode 700). */
export const DATABASE_KEY_FILE = path.join('keys', 'database.key');

/** Environment variable naming the key file (same as `--key-file`). */
export const KEY_FILE_ENV = 'YEKUO_KEY_FILE';

/** The key file of a data folder: `--key-file`, else $YEKUO_KEY_FILE, else `<data>/keys/database.key`. */
export function keyFileFor(dataDir: string, explicit?: string): string {
  const chosen = explicit ?? process.env[KEY_FILE_ENV];
  return chosen ? path.resolve(chosen) : path.join(dataDir, DATABASE_KEY_FILE);
}

export function newDatabaseKey(): DatabaseKey {
  return randomBytes(32);
}

/** Hex text as stored; refuses anything but 64 hex digits so a truncated or foreign file is named. */
export function parseDatabaseKey(text: string, where: string): DatabaseKey {
  const hex = text.trim();
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) {
    throw new AppError(
      'STORAGE',
      `数据库密钥 ${where} 格式不对（应为 64 位十六进制数字）：请从备份恢复密钥文件，或用 --key-file 指定正确的密钥文件。`,
    );
  }
  return Buffer.from(hex, 'hex');
}

/** Reads the key from its store, creating one when `create` is true and none exists yet. */
export function loadDatabaseKey(store: PrivateKeyStore, where: string, create: boolean): DatabaseKey {
  const text = store.read();
  if (text !== undefined) return parseDatabaseKey(text, where);
  if (!create) {
    throw new AppError(
      'STORAGE',
      `找不到数据库密钥 ${where}：数据库已加密，没有密钥无法打开。请用 --key-file 或环境变量 ${KEY_FILE_ENV} 指定密钥文件，或从备份恢复密钥文件。`,
    );
  }
  const key = newDatabaseKey();
  store.write(`${key.toString('hex')}\n`);
  return key;
}

/** The key in a key file (mode 600 in a 700 folder when created here). */
export function loadKeyFile(file: string, create: boolean): DatabaseKey {
  return loadDatabaseKey(fileKeyStore(file), file, create);
}
