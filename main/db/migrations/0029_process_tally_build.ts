/**
 * Migration 0029: the process tally (0025, 0028) is built here, from the stage-event log in the hall's calendar
 * in force, instead of on the first 流程分析 read (151–216 s on a hall of 1,000,000, and a read-only folder never
 * had one). Working days need the calendar, which SQL cannot count, so this step is TypeScript: it reads the log
 * per range of applications and adds the summed rows as sets (main/services/stats/processTallyStore.ts).
 */
import type { Db } from '../connection';
import { configurationInForce } from '../../services/settings/inForce';
import { rebuildTally } from '../../services/stats/processTallyStore';

export function buildProcessTally(db: Db): void {
  rebuildTally(db, configurationInForce(db).calendar);
}

export default '';
