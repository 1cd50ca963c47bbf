/**
 * The data folder is readable by its owner only (issue 10: "the database is mode 644 in a 755 folder, so any
 * local account can read the ID numbers in it"): folder 700, every file 600 on POSIX. On Windows the folder sits
 * in the user's profile (%APPDATA%), whose ACL already admits only that user, the administrators and SYSTEM;
 * chmod and umask mean nothing there.
 */
import fs from 'node:fs';

const POSIX = process.platform !== 'win32';

/** Folder of backup copies inside the data folder. */
export const BACKUPS_DIR = 'backups';

/**
 * Every file and folder this process creates from now on is owner-only (umask 077): documents, exports,
 * backups, logs, SQLite's -wal and -shm. Called first thing by the CLI, the web harness and the desktop main
 * process (a worker thread cannot change the umask; it shares its process's).
 */
export function ownerOnlyFromNowOn(): void {
  if (POSIX) process.umask(0o077);
}

/** Creates the data folder owner-only, or tightens one created by an older version. */
export function prepareDataFolder(dataDir: string): void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  tighten(dataDir, 0o700);
}

/** Tightens the database and SQLite's companion files left readable by others by an older version. */
export function tightenDatabaseFiles(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) tighten(f, 0o600);
}

function tighten(target: string, mode: number): void {
  if (!POSIX) return;
  try {
    if ((fs.statSync(target).mode & 0o777) !== mode) fs.chmodSync(target, mode);
  } catch (error) {
    // Absent, or not ours to change (a read-only medium, another owner): reading still works, so go on.
    const code = (error as { code?: string }).code;
    if (code !== 'ENOENT' && code !== 'EPERM' && code !== 'EROFS' && code !== 'EACCES') throw error;
  }
}
