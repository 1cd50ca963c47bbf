/**
 * Big halls for the export bench, made in SQL from the service-made demo hall (bench/exportHall.ts): making
 * 100,000 or 1,000,000 applications through the services takes hours on the bench machine. Each copy of an
 * application gets a new id and number (`<number>-<k>`); see docs/benchmarks.md "Export and HQ import".
 *
 * - `withHistory` (the full export's hall): copy k of every application comes with copies of its stage events,
 *   required documents and scheme versions, all with change_seq shifted by k × the source's counter (new changes),
 *   and with a copy of the hall's audit log appended to the chain: the same entries under new ids, each hashed
 *   after the one before as appendAudit does (storedEntryHash), so the chain stays valid end to end. The counter is
 *   advanced past every copy. The last copy is cut to reach exactly `target` applications (and the same share of
 *   the audit log).
 * - `closedOnly` (the incremental export's hall): copies of the closed applications (归档 or 撤销) only, without
 *   events or audit entries, carrying their originals' change_seq, in a hall whose batch 1 was exported before
 *   copying: they stand for years of applications exported long ago. A real hall of 1,000,000 has about as many
 *   open applications as the 20,000 it was copied from, which is what the copies keep.
 * - `closedWithEvents` (the risk bench's hall): `closedOnly` with copies of the closed applications' stage events
 *   (the 统计与风险 page and the per-clerk detectors read the event log), still without audit entries.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE, openDatabase, type Db } from '../main/db/connection';
import type { AuditRow } from '../main/db/repositories/auditRepo';
import { forgetWrittenRows } from '../main/db/rowStates';
import { hasDirtyApplications } from '../main/db/repositories/processTallyRepo';
import { storedEntryHash } from '../main/services/audit';
import { configurationInForce } from '../main/services/settings/inForce';
import { rebuildTally } from '../main/services/stats/processTallyStore';

const APPLICATION_COLUMNS = `customer_id, business_type, customer_class, time_limit_class, stage, status, customer_name,
  id_number, phone, address, account_no, application_date, created_at, updated_at, accept_date, stage_start_date,
  stage_paused_wd, total_paused_wd, stage_due, stage_warn, total_due, total_warn, due_date, warn_date,
  suspended_since, pause_reason, closed_at, assignee, record_json, version`;

const one = (db: Db, sql: string): number => db.prepare(sql).pluck().get() as number;

function columnsOf(db: Db, table: string, except: string[]): string[] {
  return (db.pragma(`table_info(${table})`) as { name: string }[])
    .map((c) => c.name)
    .filter((c) => !except.includes(c));
}

/** Appends copy `k` of audit entries 1..`count` to the chain, change_seq shifted by `shift`. */
function copyAudit(db: Db, count: number, shift: number): void {
  const head = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as {
    id: number;
    hash: string;
  };
  const insert = db.prepare(
    `INSERT INTO audit_log (id, at, user_id, user_name, action, entity, entity_id, change_seq, diff_json, prev_hash,
       hash, state_json)
     VALUES (@id, @at, @user_id, @user_name, @action, @entity, @entity_id, @change_seq, @diff_json, @prev_hash,
       @hash, @state_json)`,
  );
  const page = db.prepare('SELECT * FROM audit_log WHERE id > ? AND id <= ? ORDER BY id');
  let id = head.id;
  let prev = head.hash;
  // In pages: the connection cannot insert while a statement is still iterating.
  for (let from = 0; from < count; from += 5000) {
    for (const source of page.all(from, Math.min(from + 5000, count)) as AuditRow[]) {
      const row: AuditRow = { ...source, id: ++id, change_seq: source.change_seq + shift, prev_hash: prev };
      row.hash = storedEntryHash(row, prev);
      prev = row.hash;
      insert.run(row);
    }
  }
}

function cloneWithHistory(db: Db, target: number): void {
  const apps = one(db, 'SELECT count(*) FROM applications');
  const maxApp = one(db, 'SELECT max(id) FROM applications');
  const seq = one(db, 'SELECT seq FROM change_counter');
  const audits = one(db, 'SELECT max(id) FROM audit_log');
  const maxEvent = one(db, 'SELECT max(id) FROM stage_events');
  const maxScheme = one(db, 'SELECT max(id) FROM supply_scheme_versions');
  const event = columnsOf(db, 'stage_events', ['id', 'application_id', 'change_seq']).join(', ');
  const checklist = columnsOf(db, 'required_documents', ['application_id', 'change_seq']).join(', ');
  const scheme = columnsOf(db, 'supply_scheme_versions', ['id', 'application_id', 'change_seq']).join(', ');
  for (let k = 1; apps * k < target; k++) {
    const take = Math.min(apps, target - apps * k);
    const lastId = one(db, `SELECT id FROM applications WHERE id <= ${maxApp} ORDER BY id LIMIT 1 OFFSET ${take - 1}`);
    const app = `application_id + ${k * maxApp}`;
    const shift = k * seq;
    const copied = `application_id <= ${lastId}`;
    db.exec(`
      INSERT INTO applications (id, number, ${APPLICATION_COLUMNS}, change_seq)
        SELECT id + ${k * maxApp}, number || '-${k}', ${APPLICATION_COLUMNS}, change_seq + ${shift}
        FROM applications WHERE id <= ${lastId};
      INSERT INTO stage_events (id, application_id, ${event}, change_seq)
        SELECT id + ${k * maxEvent}, ${app}, ${event}, change_seq + ${shift} FROM stage_events
        WHERE id <= ${maxEvent} AND ${copied};
      INSERT INTO required_documents (application_id, ${checklist}, change_seq)
        SELECT ${app}, ${checklist}, change_seq + ${shift} FROM required_documents
        WHERE ${copied};
      INSERT INTO supply_scheme_versions (id, application_id, ${scheme}, change_seq)
        SELECT id + ${k * maxScheme}, ${app}, ${scheme}, change_seq + ${shift} FROM supply_scheme_versions
        WHERE id <= ${maxScheme} AND ${copied};`);
    copyAudit(db, Math.round((audits * take) / apps), shift);
    db.prepare('UPDATE change_counter SET seq = ? WHERE id = 1').run(seq * (k + 1));
  }
}

function cloneClosed(db: Db, target: number, withEvents: boolean): void {
  const maxApp = one(db, 'SELECT max(id) FROM applications');
  const maxEvent = one(db, 'SELECT max(id) FROM stage_events');
  const event = columnsOf(db, 'stage_events', ['id', 'application_id', 'change_seq']).join(', ');
  const closed = one(db, "SELECT count(*) FROM applications WHERE status IN ('ARCHIVED', 'CANCELLED')");
  for (let k = 1, apps = one(db, 'SELECT count(*) FROM applications'); apps < target; k++, apps += closed) {
    const copied = `SELECT id FROM applications WHERE id <= ${maxApp} AND status IN ('ARCHIVED', 'CANCELLED')
      ORDER BY id LIMIT ${Math.min(closed, target - apps)}`;
    db.exec(`
      INSERT INTO applications (id, number, ${APPLICATION_COLUMNS}, change_seq)
        SELECT id + ${k * maxApp}, number || '-${k}', ${APPLICATION_COLUMNS}, change_seq FROM applications
        WHERE id IN (${copied}) ORDER BY id`);
    if (withEvents) {
      db.exec(`
        INSERT INTO stage_events (id, application_id, ${event}, change_seq)
          SELECT id + ${k * maxEvent}, application_id + ${k * maxApp}, ${event}, change_seq FROM stage_events
          WHERE id <= ${maxEvent} AND application_id IN (${copied})`);
    }
  }
}

/**
 * The process tally rebuilt in chunks when applications were written outside mutate() (the copies' stage events):
 * otherwise the hall's first mutation or 流程分析 read folds them one by one (979,231 at 1,000,000: over 11 minutes).
 * A real hall's tally is kept per write, and migration 0029 built it once. The rebuild clears the dirty marks.
 */
export function rebuildDirtyTally(db: Db): void {
  if (!hasDirtyApplications(db)) return;
  db.transaction(() => rebuildTally(db, configurationInForce(db).calendar)).immediate();
}

/**
 * The hall `source` grown to `target` applications, made once into `<source>-<how>-<target>` and reused
 * (`prepare` runs on the copy first, e.g. the batch 1 export of `closedOnly`).
 */
export async function clonedHall(
  source: string,
  target: number,
  how: 'withHistory' | 'closedOnly' | 'closedWithEvents',
  prepare?: (dir: string) => Promise<void>,
): Promise<string> {
  const dir = `${source}-${how}-${target}`;
  if (fs.existsSync(path.join(dir, '.complete'))) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(source, dir, { recursive: true });
  fs.rmSync(path.join(dir, '.complete'), { force: true });
  await prepare?.(dir);
  const db = openDatabase(path.join(dir, DATABASE_FILE));
  try {
    db.transaction(() =>
      how === 'withHistory' ? cloneWithHistory(db, target) : cloneClosed(db, target, how === 'closedWithEvents'),
    )();
    rebuildDirtyTally(db);
    forgetWrittenRows(db);
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  fs.writeFileSync(path.join(dir, '.complete'), '');
  return dir;
}
