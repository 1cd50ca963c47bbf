/**
 * The process tally's rebuild after a calendar change, off the request path: the desktop's services worker and
 * the web harness look every few seconds whether the tally counts in the calendar in force, and when not rebuild
 * it in steps (processTallyStore.ts rebuildTallyInSteps) while 流程分析 shows the last tally with a notice.
 * Processes without this schedule (the CLI) rebuild on their read, as before.
 */
import type { Db } from '../../db/connection';
import { tallyCalendar } from '../../db/repositories/processTallyRepo';
import { supportLog } from '../../log/supportLog';
import { configurationInForce } from '../settings/inForce';
import { calendarFingerprint, rebuildInBackground, rebuildTallyInSteps } from './processTallyStore';

/** How often a running app looks whether the tally counts in the calendar in force. */
const TALLY_CHECK_MS = 5_000;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Starts the schedule, looking every `checkMs`; returns its stop. A failed rebuild is logged, never thrown, and
 * tried again.
 */
export function startTallyRebuild(store: { db: Db; dataDir: string }, checkMs = TALLY_CHECK_MS): () => void {
  let running = false;
  const run = async () => {
    const { db } = store;
    rebuildInBackground(db);
    const calendar = configurationInForce(db).calendar;
    if (running || !db.open || tallyCalendar(db) === calendarFingerprint(calendar)) return;
    running = true;
    try {
      await rebuildTallyInSteps(db, calendar, nextTurn);
    } catch (error) {
      supportLog(store.dataDir).error({ event: 'process-tally-rebuild-failed', err: error }, '流程分析重算失败');
    } finally {
      running = false;
    }
  };
  rebuildInBackground(store.db);
  const timer = setInterval(() => void run(), checkMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
