/**
 * Makes a data folder read-only as the operating system would: without write permission (chmod, for a normal
 * account) or, for root (whom permissions do not stop), as a read-only bind mount. And a fingerprint of a
 * folder, to show that nothing in it was written.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE } from '../../main/db/connection';

/** Makes `dir` read-only; returns how to undo it, or null where this machine cannot (root without mount). */
export function makeReadOnly(dir: string): (() => void) | null {
  if (process.getuid?.() !== 0) {
    fs.chmodSync(path.join(dir, DATABASE_FILE), 0o400);
    fs.chmodSync(dir, 0o500);
    return () => {
      fs.chmodSync(dir, 0o700);
      fs.chmodSync(path.join(dir, DATABASE_FILE), 0o600);
    };
  }
  try {
    execFileSync('mount', ['--bind', dir, dir], { stdio: 'ignore' });
  } catch {
    return null;
  }
  execFileSync('mount', ['-o', 'remount,ro,bind', dir], { stdio: 'ignore' });
  return () => execFileSync('umount', [dir], { stdio: 'ignore' });
}

/** Every file under `dir` with the sha256 of its bytes and its mtime: equal fingerprints, nothing written. */
export function folderFingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    const stat = fs.statSync(file);
    const hash = entry.isFile() ? createHash('sha256').update(fs.readFileSync(file)).digest('hex') : 'dir';
    out[path.relative(dir, file)] = `${hash} ${stat.mtimeMs}`;
  }
  return out;
}
