import type { Db } from '../../../../main/db/connection';

/**
 * Takes a store back before migration 0007 (user passwords), for the tests that rebuild an older version's
 * file from a current one.
 */
export function undoUserPasswords(db: Db): void {
  for (const column of [
    'password_hash',
    'password_salt',
    'password_params',
    'must_change_password',
    'failed_attempts',
    'locked_until',
  ]) {
    db.exec(`ALTER TABLE users DROP COLUMN ${column}`);
  }
}
