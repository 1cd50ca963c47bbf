/**
 * The record of every copy lives in manifest.json BESIDE the copies, not in the database: it must still be
 * readable when the database is damaged or lost (the recovery page offers the newest good copy from it), and it
 * travels with the copies to the second folder. Replaced atomically (temp, fsync, rename).
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { BACKUP_KINDS, type BackupKind } from '../../../shared/api/backups';
import { writeFileAtomically } from '../durableFiles';

export const MANIFEST_FILE = 'manifest.json';

export { BACKUP_KINDS, type BackupKind };
/** The kinds the rotation thins out; copies before a migration or before encryption are kept. */
export const ROTATED_KINDS: readonly BackupKind[] = ['start', 'daily', 'manual'];

const checkSchema = z.object({
  /** `PRAGMA integrity_check`: 'ok' or its first complaint. */
  integrity: z.string(),
  auditOk: z.boolean(),
  auditChecked: z.number().int(),
  auditMessage: z.string().optional(),
  schemaVersion: z.number().int(),
  hallCode: z.string().optional(),
  checkedAt: z.string(),
});
export type BackupCheck = z.infer<typeof checkSchema>;

const recordSchema = z.object({
  file: z.string(),
  kind: z.enum(BACKUP_KINDS),
  createdAt: z.string(),
  size: z.number().int(),
  check: checkSchema,
  secondCopy: z.object({ folder: z.string(), ok: z.boolean(), message: z.string().optional() }).optional(),
});
export type BackupRecord = z.infer<typeof recordSchema>;

const manifestSchema = z.object({ backups: z.array(recordSchema) });

export function readManifest(dir: string): BackupRecord[] {
  try {
    return manifestSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, MANIFEST_FILE), 'utf8'))).backups;
  } catch {
    // Missing or damaged: the copies are still listed from the folder, as unchecked.
    return [];
  }
}

export function writeManifest(dir: string, backups: BackupRecord[]): void {
  const file = path.join(dir, MANIFEST_FILE);
  // A full disk leaves no half-written manifest beside the copies: the previous one stands.
  writeFileAtomically(file, `${JSON.stringify({ backups }, null, 2)}\n`, 0o600);
}

/** yekuo-<kind>-<YYYYMMDD-HHMMSS>.sqlite (UTC), with -2, -3 … when two copies fall in one second. */
export function uniqueName(dir: string, kind: BackupKind, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  for (let n = 1; ; n++) {
    const name = `yekuo-${kind}-${stamp}${n === 1 ? '' : `-${n}`}.sqlite`;
    if (!fs.existsSync(path.join(dir, name))) return name;
  }
}
