import type { Role } from '../../shared/domain/codes';
import type { Db } from '../db/connection';

/** Who is calling. Set by the shell after sign-in (Electron) or by the harness for its session. */
export interface Session {
  userId: string;
  name: string;
  role: Role;
}

/** Everything a handler may use. One per open data folder. */
export interface HandlerContext {
  db: Db;
  dataDir: string;
  session: Session;
}
