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
