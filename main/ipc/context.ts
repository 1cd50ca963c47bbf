import type { WorkdayCalendar } from '../../shared/calendar/calendar';
import type { Role } from '../../shared/domain/codes';
import type { TimeLimits } from '../../shared/workflow/timeLimits';
import type { Db } from '../db/connection';
import type { PrivateKeyStore } from '../services/keys/hallKeys';

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
  /** Clock; tests and the demo generator inject one. Default: the system clock. */
  now?: () => Date;
  /** Working-day calendar for deadlines. Default: main/services/clock.ts defaultCalendar. */
  calendar?: WorkdayCalendar;
  /** Province time limits. Default: shared/workflow DEFAULT_TIME_LIMITS. */
  timeLimits?: TimeLimits;
  /** Where the hall's private signing key is kept. Default: the key file in the data folder's keys/. */
  hallKeyStore?: PrivateKeyStore;
}
