/**
 * `--seed-users FILE` (tests only): users with passwords for a NEW data folder, so end-to-end tests can sign
 * in without going through the first-run wizard each time. Refused on a folder that already has a database:
 * it must never become a way to add an account to a real hall.
 */
import fs from 'node:fs';
import { z } from 'zod';
import { passwordSchema, userCreateSchema } from '../../shared/api/users';
import { addUserWithPassword } from '../services/auth/passwords';
import { actingAs, type StoreContext } from '../services/auth/storeContext';

export const seedUsersSchema = z
  .array(userCreateSchema.extend({ password: passwordSchema }).strict())
  .min(1, '至少一个用户')
  .max(50, '最多 50 个用户');

export type SeedUsers = z.infer<typeof seedUsersSchema>;

/** Reads and checks the file; a Chinese message naming the problem otherwise. */
export function readSeedUsers(file: string): SeedUsers {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(
      `--seed-users 文件无法读取或不是合法 JSON：${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  const parsed = seedUsersSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `--seed-users 文件有误：${parsed.error.issues.map((i) => `${i.path.join('.') || '(整个文件)'} ${i.message}`).join('；')}`,
    );
  }
  return parsed.data;
}

/** Each seeded user is created acting as itself, with the password it will sign in with (no forced change). */
export async function seedUsers(store: StoreContext, users: SeedUsers): Promise<void> {
  for (const user of users) await addUserWithPassword(actingAs(store, user), user, false);
}
