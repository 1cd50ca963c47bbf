/**
 * A grown hall (bench/cloneHall.ts) made ready for `RISK_BENCH_HALL=<folder> npm run bench -- risk` the way an
 * upgraded real hall is: opened with this checkout's migrations (and their pre-migration copy), the process tally
 * rebuilt when applications are marked dirty (cloneHall writes stage events in SQL, outside mutate(); a real hall's
 * tally is kept per write, and migration 0029 built it once), every risk detector computed on BENCH_AT, and the
 * stored 客户画像 suggestions built (what the services worker runs after start-up on a hall never built).
 * Run on a copy, never on the shared hall: `npx tsx bench/prepareBenchHall.ts <folder>`. Prints each step's time
 * with the load average.
 */
import path from 'node:path';
import { DATABASE_FILE, openDatabase } from '../main/db/connection';
import { hasDirtyApplications } from '../main/db/repositories/processTallyRepo';
import { fullRecomputeAt } from '../main/db/repositories/riskFlagRepo';
import { suggestionStoreState } from '../main/db/repositories/suggestionStoreRepo';
import { buildStoredSuggestions } from '../main/services/portrait/suggestionStore';
import { recomputeAll } from '../main/services/risk/recompute';
import { rebuildDirtyTally } from './cloneHall';
import { log, ms, time } from './probeLog';

/** The risk bench's date on a given hall (bench/risk.bench.ts). */
const BENCH_AT = '2026-12-10T02:00:00.000Z';

const dir = process.argv[2];
if (!dir) throw new Error('usage: npx tsx bench/prepareBenchHall.ts <folder of a copy of the hall>');

const [db, opened] = time(() => openDatabase(path.join(dir, DATABASE_FILE)));
try {
  log('open + pending migrations (with the pre-migration copy)', ms(opened));
  log('process tally rebuilt', ms(time(() => rebuildDirtyTally(db))[1]), 'dirty left:', hasDirtyApplications(db));
  if (fullRecomputeAt(db) === null) {
    log('full risk recompute, every detector', ms(time(() => recomputeAll(db, BENCH_AT))[1]));
    log('flags', db.prepare('SELECT count(*) FROM risk_flags').pluck().get());
  } else log('risk flags already computed at', fullRecomputeAt(db));
  if (suggestionStoreState(db).builtAt === null) {
    log('客户画像: build of the stored suggestions', ms(time(() => buildStoredSuggestions(db, BENCH_AT))[1]));
  } else log('客户画像 suggestions already built at', suggestionStoreState(db).builtAt);
  db.pragma('wal_checkpoint(TRUNCATE)');
} finally {
  db.close();
}
