/**
 * The bundle format (docs/export-format.md), shared by the hall's writer and HQ's reader: entry names, the
 * manifest's shape, the fixed zip timestamp. Bump FORMAT_VERSION on any change a reader of the old version
 * would misread; readers refuse a newer version instead of guessing.
 */
import { z } from 'zod';

export const FORMAT_NAME = 'yekuo-export';
export const FORMAT_VERSION = 1;
export const MANIFEST_ENTRY = 'manifest.json';
export const SIGNATURE_ENTRY = 'manifest.sig';

/** Every zip entry carries this DOS timestamp (local fields, no extended UTC field), so bytes never depend on time or zone. */
export const ZIP_ENTRY_DATE = new Date(2000, 0, 1, 0, 0, 0);

/** zlib level of the deflated entries: the fastest, since export time matters more than a quarter of the size. */
export const DEFLATE_LEVEL = 1;

export const PRIVACY_MODES = ['full', 'masked'] as const;
export type PrivacyMode = (typeof PRIVACY_MODES)[number];

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const count = z.number().int().min(0);

export const manifestEntrySchema = z.object({
  name: z.string().regex(/^(tables\/[a-z_]+\.jsonl|files\/[0-9a-f]{64}\.pdf)$/),
  /** Table name for tables/…jsonl entries; absent for attached files. */
  table: z.string().optional(),
  rows: count.optional(),
  bytes: count,
  sha256: sha256Hex,
});
export type ManifestEntry = z.infer<typeof manifestEntrySchema>;

export const auditHeadSchema = z.object({ id: count, hash: sha256Hex });
export type AuditHead = z.infer<typeof auditHeadSchema>;

export const manifestSchema = z.object({
  format: z.literal(FORMAT_NAME),
  formatVersion: z.literal(FORMAT_VERSION),
  schemaVersion: z.number().int().min(1),
  hall: z.object({ code: z.string().regex(/^[A-Z0-9]{2,12}$/), name: z.string(), keyFingerprint: sha256Hex }),
  batch: z.number().int().min(1),
  changeSeq: z.object({ from: z.number().int().min(1), to: z.number().int().min(0) }),
  createdAt: z.iso.datetime(),
  privacy: z.enum(PRIVACY_MODES),
  entries: z.array(manifestEntrySchema),
  audit: z.object({
    /** The batch's first audit entry and the hash it chains to; null when the batch has no audit entry. */
    first: z.object({ id: count, prevHash: sha256Hex }).nullable(),
    /** The chain head at the end of the batch (id 0 and 64 zeros for an empty chain). */
    head: auditHeadSchema,
    /**
     * The hall's signed chain head taken at this export (main/services/auditAnchors.ts signAuditHead): signature
     * (base64) over the canonical JSON of {at, entryHash, entryId, hallCode, reason}; entryId <= head.id.
     */
    signedHead: z
      .object({
        entryId: count,
        entryHash: sha256Hex,
        reason: z.string(),
        at: z.string(),
        hallCode: z.string(),
        keyFingerprint: sha256Hex,
        signature: z.string(),
      })
      .optional(),
  }),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** `yekuo-NJ0101-000042.zip`: hall code and zero-padded batch number, so a folder listing sorts by batch. */
export function bundleFileName(hallCode: string, batch: number): string {
  return `yekuo-${hallCode}-${String(batch).padStart(6, '0')}.zip`;
}

export function summaryFileName(hallCode: string, batch: number): string {
  return `summary-${hallCode}-${String(batch).padStart(6, '0')}.xlsx`;
}

export function publicKeyFileName(hallCode: string): string {
  return `hall-${hallCode}.pub`;
}
