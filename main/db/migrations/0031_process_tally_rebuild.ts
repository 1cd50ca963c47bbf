/**
 * Migration 0031: after a calendar change the process tally is rebuilt in the background (the services worker's
 * and the web harness's schedule, main/services/stats/tallyRebuild.ts) while 流程分析 shows the last tally with a
 * notice. The new tally is written in short transactions into *_next twins of the three tally tables and swapped
 * in at the end, so writers are never held for the whole rebuild (151–216 s on a hall of 1,000,000).
 * process_tally_state.rewrites counts rewritten or deleted stage events and applications: a rebuild during which
 * it moved is dropped. A data step (like 0016) so that re-running it over a newer database changes nothing.
 */
import type { Db } from '../connection';
import { addMissingColumns } from './addColumns';

const TALLY_TABLES = ['process_tally', 'process_tally_day', 'process_tally_applications'];

/** The counters' triggers of 0025, now also counting the rewrites. */
const REWRITE_TRIGGERS = [
  ['process_tally_event_rewritten', 'AFTER UPDATE ON stage_events'],
  ['process_tally_event_deleted', 'AFTER DELETE ON stage_events'],
  ['process_tally_application_deleted', 'AFTER DELETE ON applications'],
] as const;

export function addTallyRebuildTables(db: Db): void {
  for (const table of TALLY_TABLES) {
    const sql = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?").pluck().get(table);
    // The twin has the live table's columns and key (CREATE TABLE <name> (...) with the name replaced).
    db.exec(String(sql).replace(/^CREATE TABLE \S+/, `CREATE TABLE IF NOT EXISTS ${table}_next`));
  }
  addMissingColumns(db, 'process_tally_state', [['rewrites', 'INTEGER NOT NULL DEFAULT 0']]);
  for (const [name, event] of REWRITE_TRIGGERS) {
    db.exec(`DROP TRIGGER IF EXISTS ${name};
      CREATE TRIGGER ${name} ${event} BEGIN
        UPDATE process_tally_state SET calendar = NULL, rewrites = rewrites + 1;
      END;`);
  }
}

export default '';
