import type { Db } from '../connection';
import { prepared } from '../statements';

export interface UserRow {
  id: string;
  name: string;
  role: string;
  active: number;
  created_at: string;
}

export function getUser(db: Db, id: string): UserRow | undefined {
  return prepared<[string], UserRow>(db, 'SELECT id, name, role, active, created_at FROM users WHERE id = ?').get(id);
}

export function listUsers(db: Db): UserRow[] {
  return prepared<[], UserRow>(db, 'SELECT id, name, role, active, created_at FROM users ORDER BY id').all();
}

export function insertUser(db: Db, user: UserRow, changeSeq: number): void {
  prepared(db, 'INSERT INTO users (id, name, role, active, created_at, change_seq) VALUES (?, ?, ?, ?, ?, ?)').run(
    user.id,
    user.name,
    user.role,
    user.active,
    user.created_at,
    changeSeq,
  );
}

/** 停用 / 启用: a disabled user cannot sign in, and an open session of theirs ends at its next call. */
export function updateUserActive(db: Db, id: string, active: boolean, changeSeq: number): void {
  prepared(db, 'UPDATE users SET active = ?, change_seq = ? WHERE id = ?').run(active ? 1 : 0, changeSeq, id);
}

/** Administrators who can still sign in: the last one may not be disabled. */
export function countActiveAdmins(db: Db): number {
  return (
    prepared<[], { n: number }>(db, "SELECT count(*) AS n FROM users WHERE role = 'admin' AND active = 1").get()?.n ?? 0
  );
}

/** A user's stored password and sign-in state (migration 0007). */
export interface UserCredentialRow {
  id: string;
  name: string;
  role: string;
  active: number;
  password_hash: string | null;
  password_salt: string | null;
  password_params: string | null;
  must_change_password: number;
  failed_attempts: number;
  locked_until: string | null;
}

export function getUserCredentials(db: Db, id: string): UserCredentialRow | undefined {
  return prepared<[string], UserCredentialRow>(
    db,
    `SELECT id, name, role, active, password_hash, password_salt, password_params, must_change_password,
       failed_attempts, locked_until FROM users WHERE id = ?`,
  ).get(id);
}

/** Users who can sign in. A folder without any (new, or from before sign-in existed) opens the first-run wizard. */
export function countUsersWithPassword(db: Db): number {
  return (
    prepared<[], { n: number }>(db, 'SELECT count(*) AS n FROM users WHERE password_hash IS NOT NULL').get()?.n ?? 0
  );
}

export interface StoredPassword {
  hash: string;
  salt: string;
  params: string;
}

/** Sets a new password, clears the lockout, and says whether the user must change it at the next sign-in. */
export function updatePassword(
  db: Db,
  id: string,
  password: StoredPassword,
  mustChange: boolean,
  changeSeq: number,
): void {
  prepared(
    db,
    `UPDATE users SET password_hash = ?, password_salt = ?, password_params = ?, must_change_password = ?,
       failed_attempts = 0, locked_until = NULL, change_seq = ? WHERE id = ?`,
  ).run(password.hash, password.salt, password.params, mustChange ? 1 : 0, changeSeq, id);
}

export function updateSignInState(
  db: Db,
  id: string,
  state: { failedAttempts: number; lockedUntil: string | null },
  changeSeq: number,
): void {
  prepared(db, 'UPDATE users SET failed_attempts = ?, locked_until = ?, change_seq = ? WHERE id = ?').run(
    state.failedAttempts,
    state.lockedUntil,
    changeSeq,
    id,
  );
}
