import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomically } from '../durableFiles';
import type { PrivateKeyStore } from './hallKeys';

/** File name of the hall's private signing key inside the data folder's keys/ folder. */
export const HALL_KEY_FILE = path.join('keys', 'hall-ed25519.pem');

/**
 * A private key kept in a file readable by its owner only (folder 700, file 600 on POSIX). Written to a temp
 * name, fsynced and renamed, so a crash leaves the old key or the new one, never half a key.
 */
export function fileKeyStore(file: string): PrivateKeyStore {
  return {
    read: () => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined),
    write: (pem) => {
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      writeFileAtomically(file, pem, 0o600);
    },
  };
}

/** The hall key store of a data folder (CLI, harness, tests). */
export function hallKeyStoreOf(dataDir: string): PrivateKeyStore {
  return fileKeyStore(path.join(dataDir, HALL_KEY_FILE));
}
