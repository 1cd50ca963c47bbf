/**
 * Password hashing with scrypt from node:crypto. Each password gets its own random salt, and the scrypt
 * parameters are stored beside the hash, so they can be raised for new passwords without invalidating old ones.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';
import type { StoredPassword } from '../../db/repositories/userRepo';

/**
 * N = 2^15, r = 8, p = 1: 32 MiB and roughly 0.1 s per hash on the hall's PCs, within OWASP's scrypt guidance
 * (N ≥ 2^15 with r = 8) and slow enough that a copied database cannot be brute-forced cheaply.
 */
const CURRENT = { N: 2 ** 15, r: 8, p: 1, keyLength: 32 };

const paramsSchema = z.object({
  N: z
    .number()
    .int()
    .min(2)
    .max(2 ** 20),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  keyLength: z.number().int().min(16).max(64),
});
type ScryptParams = z.infer<typeof paramsSchema>;

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, params.keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string): Promise<StoredPassword> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, CURRENT);
  return { hash: key.toString('base64'), salt: salt.toString('base64'), params: JSON.stringify(CURRENT) };
}

/** True when `password` produces the stored hash. A damaged record never matches (and never throws). */
export async function verifyPassword(password: string, stored: StoredPassword): Promise<boolean> {
  let params: ScryptParams;
  try {
    params = paramsSchema.parse(JSON.parse(stored.params));
  } catch {
    return false;
  }
  const expected = Buffer.from(stored.hash, 'base64');
  if (expected.length !== params.keyLength) return false;
  const actual = await derive(password, Buffer.from(stored.salt, 'base64'), params);
  return timingSafeEqual(actual, expected);
}

/**
 * Spends the time of one verification without a stored hash, so an unknown staff number answers as slowly
 * as a wrong password and sign-in does not reveal which staff numbers exist.
 */
export async function spendVerificationTime(password: string): Promise<void> {
  await derive(password, Buffer.alloc(16), CURRENT);
}
