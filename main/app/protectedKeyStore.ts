/**
 * The desktop's secrets (the database key) kept in an owner-only file, encrypted by Electron safeStorage: DPAPI
 * for the Windows user on the hall PCs, the Keychain on macOS, the libsecret/KWallet keyring on Linux. A copy of
 * the data folder alone (a stolen disk, a backup on a USB stick) therefore opens nowhere but in this user's
 * session on this machine.
 */
import path from 'node:path';
import { safeStorage } from 'electron';
import { loadDatabaseKey, type DatabaseKey } from '../db/databaseKey';
import { AppError } from '../services/errors';
import { fileKeyStore } from '../services/keys/fileKeyStore';
import type { PrivateKeyStore } from '../services/keys/hallKeys';

/** The safeStorage-wrapped database key inside the data folder (base64 of safeStorage's ciphertext). */
export const PROTECTED_DATABASE_KEY_FILE = path.join('keys', 'database.key.safestorage');

export function protectedKeyStore(file: string): PrivateKeyStore {
  const inner = fileKeyStore(file);
  return {
    read: () => {
      const text = inner.read();
      if (text === undefined) return undefined;
      requireSafeStorage();
      return safeStorage.decryptString(Buffer.from(text.trim(), 'base64'));
    },
    write: (secret) => {
      requireSafeStorage();
      inner.write(`${safeStorage.encryptString(secret).toString('base64')}\n`);
    },
  };
}

/** The desktop database key of a data folder, created on the first start. */
export function desktopDatabaseKey(dataDir: string): DatabaseKey {
  const file = path.join(dataDir, PROTECTED_DATABASE_KEY_FILE);
  return loadDatabaseKey(protectedKeyStore(file), file, true);
}

function requireSafeStorage(): void {
  // Without a keyring Linux falls back to 'basic_text', a fixed password: that would protect nothing.
  const weak = process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
  if (!safeStorage.isEncryptionAvailable() || weak) {
    throw new AppError(
      'STORAGE',
      '系统密钥保管不可用，无法保护数据库密钥：请在 Linux 上安装并解锁系统密钥环（gnome-keyring 或 KWallet），在 Windows 上用本人的账户登录后，再启动客户端。',
    );
  }
}
