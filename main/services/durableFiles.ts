/**
 * Files that survive a power cut: written under a temporary name, fsynced, then renamed over the target, so a reader
 * finds the old file or the whole new one, never half of it (backups, their manifest, keys, stored documents).
 */
import fs from 'node:fs';

/** Writes `data` to `target` through `target.<pid>.tmp` (created with `mode`); a failure leaves no temporary file. */
export function writeFileAtomically(target: string, data: string | Buffer, mode: number): void {
  const temp = `${target}.${process.pid}.tmp`;
  try {
    const fd = fs.openSync(temp, 'w', mode);
    try {
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

/** fsync a file already written (a copy made by copyFileSync or SQLite) before it is renamed into place. */
export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** fsync a folder so that a rename inside it is durable; Windows cannot open folders for fsync (NTFS journals it). */
export function fsyncFolder(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
