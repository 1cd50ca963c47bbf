/**
 * 客户画像 at 1,000,000 applications (issue 15, migration 0038): PROBE_HALL (a copy of the risk bench's hall; it is
 * changed) opened with this checkout's migrations, then
 * - the one-time build of the stored suggestions (what the services worker runs after start-up), when not built;
 * - `portrait.leads` (建议与潜在客户, first page of 待跟进) as the first call of a new connection, and again;
 * - `portrait.get` of the customers with the biggest groups: the company with the most applications under a legal
 *   representative, the customer with the most 临时用电 at one site, the newest application's customer;
 * - after one application's record is written (its industry changed, as a correction would), the refresh that
 *   re-derives its groups, for five applications of companies;
 * - the first refresh of the next day (date windows);
 * - `portrait.setStatus` of one stored suggestion, after the process tally has folded what the cloning wrote.
 * Run: `PROBE_HALL=<copy> npx tsx bench/probePortrait1m.ts`. Prints one line per figure with the load average.
 */
import path from 'node:path';
import { DATABASE_FILE, openDatabase } from '../main/db/connection';
import { suggestionStoreState } from '../main/db/repositories/suggestionStoreRepo';
import { clockOf } from '../main/services/clock';
import { foldDirtyApplications } from '../main/services/stats/processTallyStore';
import { dispatch } from '../main/ipc/dispatch';
import { buildStoredSuggestions, refreshStoredSuggestions } from '../main/services/portrait/suggestionStore';
import type { LeadsPage } from '../shared/api/portrait';
import { log, ms, time } from './probeLog';
import { p50 } from './stats';

const dir = process.env.PROBE_HALL;
if (!dir) throw new Error('PROBE_HALL: the folder of a copy of the hall');

const file = path.join(dir, DATABASE_FILE);
const session = { userId: 'bench', name: '基准', role: 'supervisor' as const };
let now = new Date('2026-12-07T02:00:00Z');
const [db, opened] = time(() => openDatabase(file));
log('open + pending migrations', ms(opened));
log('applications', db.prepare('SELECT count(*) FROM applications').pluck().get());

/** One page call as the first call of a new connection (cold page cache of that connection). */
async function firstCall(name: string, channel: string, input: unknown): Promise<unknown> {
  const conn = openDatabase(file);
  try {
    const started = performance.now();
    const result = await dispatch({ db: conn, dataDir: dir!, session, now: () => now }, channel, input);
    const took = performance.now() - started;
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    log(name, ms(took));
    return result.value;
  } finally {
    conn.close();
  }
}

try {
  if (suggestionStoreState(db).builtAt === null) {
    log('one-time build of the stored suggestions', ms(time(() => buildStoredSuggestions(db, now.toISOString()))[1]));
  } else log('stored suggestions already built', suggestionStoreState(db).builtAt);
  log('stored', JSON.stringify(db.prepare('SELECT kind, count(*) AS n FROM portrait_suggestions GROUP BY 1').all()));
  log('members', db.prepare('SELECT count(*) FROM portrait_members').pluck().get());

  const leadsInput = { status: 'open', offset: 0, limit: 10 };
  const leads = (await firstCall('portrait.leads (first call)', 'portrait.leads', leadsInput)) as LeadsPage;
  await firstCall('portrait.leads (again, new connection)', 'portrait.leads', leadsInput);
  await firstCall('portrait.leads LEAD_INDUSTRY page 3', 'portrait.leads', {
    ...leadsInput,
    kind: 'LEAD_INDUSTRY',
    offset: 20,
  });
  log('leads total', leads.total);

  const customers: [string, number | undefined][] = [
    [
      'company with a legal representative, most applications',
      db
        .prepare(
          `SELECT customer_id FROM applications WHERE json_extract(record_json, '$.customer.legalRep.idNumber') IS NOT NULL
           GROUP BY customer_id ORDER BY count(*) DESC LIMIT 1`,
        )
        .pluck()
        .get() as number | undefined,
    ],
    [
      'customer with the most 临时用电 at one site',
      db
        .prepare(
          `SELECT customer_id FROM applications WHERE business_type IN ('NEW_TEMP', 'TEMP_EXTEND')
           GROUP BY customer_id, address ORDER BY count(*) DESC LIMIT 1`,
        )
        .pluck()
        .get() as number | undefined,
    ],
    [
      "newest application's customer",
      db.prepare('SELECT customer_id FROM applications ORDER BY id DESC LIMIT 1').pluck().get() as number,
    ],
  ];
  for (const [name, customerId] of customers) {
    if (customerId !== undefined)
      await firstCall(`portrait.get: ${name} (#${customerId})`, 'portrait.get', { customerId });
  }

  // One application's record written (its industry corrected), then the refresh that re-derives its groups.
  const companies = db
    .prepare(
      `SELECT a.id, json_extract(a.record_json, '$.industryCode') AS industry FROM applications a
       JOIN customers c ON c.id = a.customer_id WHERE c.kind = 'ORG' AND a.status = 'ACTIVE'
         AND json_extract(a.record_json, '$.industryCode') IS NOT NULL ORDER BY a.id DESC LIMIT 5`,
    )
    .all() as { id: number; industry: string }[];
  const write = db.prepare(
    `UPDATE applications SET record_json = json_set(record_json, '$.industryCode', ?) WHERE id = ?`,
  );
  const refreshes: number[] = [];
  for (const { id, industry } of companies) {
    write.run(industry === 'C3411' ? 'C1713' : 'C3411', id);
    refreshes.push(time(() => refreshStoredSuggestions(db, now.toISOString()))[1]);
  }
  log(
    'refresh after one application written (industry corrected)',
    refreshes.map(ms).join(', '),
    `p50 ${ms(p50([...refreshes].sort((a, b) => a - b)))}`,
  );

  now = new Date(now.getTime() + 86_400_000);
  log('first refresh of the next day', ms(time(() => refreshStoredSuggestions(db, now.toISOString()))[1]));
  await firstCall('portrait.leads (next day, refreshed)', 'portrait.leads', leadsInput);
  // A grown hall's first mutation also folds every application the cloning wrote into the process tally
  // (流程分析, not 客户画像): done first, so that the figure below is the outcome's own.
  const calendar = clockOf({ db, dataDir: dir, session, now: () => now }).calendar;
  log('process tally fold first', ms(time(() => db.transaction(() => foldDirtyApplications(db, calendar))())[1]));
  const open = leads.items[0];
  if (open) {
    await firstCall(`portrait.setStatus (${open.kind} ${open.subject.slice(0, 30)})`, 'portrait.setStatus', {
      kind: open.kind,
      subject: open.subject,
      status: 'contacted',
    });
  }
} finally {
  db.close();
}
