/**
 * 回执 (receipt): headquarters' signed answer to a delivered bundle (docs/export-format.md "Receipts"). HQ signs
 * the canonical JSON of the receipt with its own Ed25519 key; the hall verifies it with the HQ public key it
 * registered, checks that it names this hall, this batch and the exact bundle bytes, and only then shows the
 * batch as 已送达总部. A receipt is proof that HQ holds the batch, so the hall may stop re-sending it.
 */
import { z } from 'zod';
import { canonicalJson } from '../services/canonicalJson';
import { publicKeyFingerprint, verifyHallSignature, type HallKeys } from '../services/keys/hallKeys';

export const RECEIPT_FORMAT = 'yekuo-receipt';
export const RECEIPT_FORMAT_VERSION = 1;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const receiptSchema = z
  .object({
    format: z.literal(RECEIPT_FORMAT),
    formatVersion: z.literal(RECEIPT_FORMAT_VERSION),
    hallCode: z.string(),
    batch: z.number().int().min(1),
    /** sha256 of the whole bundle file as HQ received it. */
    bundleSha256: sha256Hex,
    /** imported: loaded now; duplicate: the same bytes were imported before (at importedAt). */
    outcome: z.enum(['imported', 'duplicate']),
    importedAt: z.iso.datetime(),
    receivedAt: z.iso.datetime(),
    /** sha256 of HQ's public key (SPKI DER). */
    hqKeyFingerprint: sha256Hex,
  })
  .strict();
export type Receipt = z.infer<typeof receiptSchema>;

/** What HQ answers and the hall stores: the receipt and the base64 Ed25519 signature of its canonical JSON. */
export const signedReceiptSchema = z.object({ receipt: receiptSchema, signature: z.string() }).strict();
export type SignedReceipt = z.infer<typeof signedReceiptSchema>;

export function signReceipt(keys: HallKeys, receipt: Omit<Receipt, 'hqKeyFingerprint'>): SignedReceipt {
  const full: Receipt = { ...receipt, hqKeyFingerprint: keys.fingerprint };
  return { receipt: full, signature: keys.sign(Buffer.from(canonicalJson(full), 'utf8')).toString('base64') };
}

/**
 * Checks an answer from HQ against the batch it is for. Returns the receipt, or the Chinese reason it does not
 * count (the batch then stays in the outbox).
 */
export function checkReceipt(
  answer: unknown,
  hqPublicKeyPem: string,
  expected: { hallCode: string; batch: number; bundleSha256: string },
): { ok: true; receipt: SignedReceipt } | { ok: false; reason: string } {
  const parsed = signedReceiptSchema.safeParse(answer);
  if (!parsed.success) return { ok: false, reason: '总部的回执格式不符（不是本程序的回执），未视为送达' };
  const { receipt, signature } = parsed.data;
  const signed =
    receipt.hqKeyFingerprint === publicKeyFingerprint(hqPublicKeyPem) &&
    verifyHallSignature(hqPublicKeyPem, Buffer.from(canonicalJson(receipt), 'utf8'), Buffer.from(signature, 'base64'));
  if (!signed) return { ok: false, reason: '回执签名无法用已登记的总部公钥验证（地址错误或回执被伪造），未视为送达' };
  if (
    receipt.hallCode !== expected.hallCode ||
    receipt.batch !== expected.batch ||
    receipt.bundleSha256 !== expected.bundleSha256
  ) {
    return { ok: false, reason: `回执所指的营业厅、批次或数据包校验值与第 ${expected.batch} 批不符，未视为送达` };
  }
  return { ok: true, receipt: parsed.data };
}
