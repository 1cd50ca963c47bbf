/**
 * Generated files live beside the database under documents/, named by content hash (DESIGN.md "Storage"):
 * the same bytes are stored once, and a file is written to a temporary name, fsynced and renamed, so a
 * crash never leaves a half-written PDF under a valid name.
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomically } from '../durableFiles';

/** Relative to the data folder, as recorded in the documents row. */
export function documentPath(sha256: string, extension = '.pdf'): string {
  return path.join('documents', `${sha256}${extension}`);
}

export function storeDocument(dataDir: string, sha256: string, bytes: Buffer, extension = '.pdf'): string {
  const target = path.join(dataDir, documentPath(sha256, extension));
  if (fs.existsSync(target)) return target;
  // Owner-only: contracts carry ID numbers and phones (docs/store.md, permissions).
  fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
  writeFileAtomically(target, bytes, 0o600);
  return target;
}
