import type { WorkdayCalendar } from '../../shared/calendar/calendar';
import type { Role } from '../../shared/domain/codes';
import type { TimeLimits } from '../../shared/workflow/timeLimits';
import type { Db } from '../db/connection';
import type { PrivateKeyStore } from '../services/keys/hallKeys';

/** Who is calling: the signed-in user (staff number, name, role), as the main process holds it. */
export interface Session {
  userId: string;
  name: string;
  role: Role;
}

/** A signed-in session and the states in which it may do nothing but sign-in business. */
export interface SessionState {
  user: Session;
  /** After an administrator's reset: only a password change (or 换班) until it is done. */
  mustChangePassword: boolean;
  /** Idle lock: only unlock with the same user's password (or 换班) until unlocked. */
  locked: boolean;
}

/**
 * Where the caller's session lives, never in the renderer: the services worker holds the desktop's one
 * session, the web harness one per HttpOnly cookie. Sign-in handlers set it; dispatch reads it.
 */
export interface SessionSlot {
  get(): SessionState | null;
  set(state: SessionState | null): void;
}

/** Everything a handler may use. One per open data folder. */
export interface HandlerContext {
  db: Db;
  dataDir: string;
  session: Session;
  /** Clock; tests and the demo generator inject one. Default: the system clock. */
  now?: () => Date;
  /** Working-day calendar for deadlines. Default: main/services/clock.ts defaultCalendar. */
  calendar?: WorkdayCalendar;
  /** Province time limits. Default: shared/workflow DEFAULT_TIME_LIMITS. */
  timeLimits?: TimeLimits;
  /** Where the hall's private signing key is kept. Default: the key file in the data folder's keys/. */
  hallKeyStore?: PrivateKeyStore;
  /**
   * After a restore from the 备份与恢复 page: puts the reopened connection in place of `db` for every later
   * call and for the schedules (the desktop worker, the web harness). Absent where a restore cannot go on
   * running (tests with a fixed session; the CLI restores itself).
   */
  replaceDatabase?: (db: Db) => void;
}

/** What the sign-in handlers get: the store and the caller's session slot (possibly empty). */
export interface CallerContext extends Omit<HandlerContext, 'session'> {
  sessions: SessionSlot;
}

/** A slot in memory: the desktop worker's one session, a harness cookie's session, tests. */
export function memorySessionSlot(initial: SessionState | null = null): SessionSlot {
  let state = initial;
  return {
    get: () => state,
    set: (next) => {
      state = next;
    },
  };
}
