/**
 * What the export and the HQ import cannot go below on this machine, for docs/benchmarks.md (issue 14's goals):
 *
 * - `node --import tsx bench/exportFloors.ts read DIR`: every exported table of the hall in DIR read whole, the
 *   export's own queries (from change_seq 0), no file written: first inside SQLite alone (every page decrypted
 *   and every value decoded, but only their lengths summed: no JavaScript value made), then the same with each
 *   row's line built by SQLite (`json_object`) and only its length summed, then the rows as
 *   JavaScript values with nothing done with them, then each row's canonical JSON line built in JavaScript
 *   (rowJson.ts `line`), then the same lines built by SQLite (`json_object`, what the export does now).
 * - `node --import tsx bench/exportFloors.ts plaintext DIR OUT`: a decrypted copy of the hall's database in OUT
 *   (`PRAGMA rekey = ''`), so that `read OUT` shows what the same reads cost without SQLCipher.
 * - `YEKUO_TEST_PG=… node --import tsx bench/exportFloors.ts copy BUNDLE PUBKEY`: the bundle's rows turned into
 *   COPY text beforehand (not timed), then that text sent with COPY into a fresh HQ's partitions of the hall, one
 *   COPY per table in one transaction, as pgHq.ts does for a hall's first bundle, with no Node work in between:
 *   the server's part of the import alone, with the WAL it wrote; then the same text into plain tables without
 *   indexes, the indexes built afterwards; then into UNLOGGED tables without indexes (no WAL, no index: what
 *   writing the heap and its TOAST costs the server).
 *
 * Prints one JSON line per measurement: wall and CPU time of this process, rows.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DATABASE_FILE, openDatabase } from '../main/db/connection';
import { currentChangeSeq } from '../main/db/repositories/changeCounter';
import { openDatabaseFile } from '../main/db/databaseFile';
import { keyFileFor, loadKeyFile } from '../main/db/databaseKey';
import { iterateChangedLines, iterateChangedRows } from '../main/db/repositories/exportRepo';
import { rowJsonOf } from '../main/export/rowJson';
import { EXPORT_TABLES, type ExportTable } from '../main/export/tables';
import { dataColumns, hallPartition } from '../main/hq/hqSchema';
import { openPgHq } from '../main/hq/pgHq';
import { readBundle } from '../main/hq/readBundle';
import { freshPgDatabase } from '../test/integration/hq/hqFixture';

function timed<T>(label: string, work: () => T | Promise<T>): Promise<T> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  return Promise.resolve(work()).then((result) => {
    const used = process.cpuUsage(cpu);
    const line = {
      label,
      wallMs: Math.round(performance.now() - started),
      cpuMs: Math.round((used.user + used.system) / 1000),
      load: os.loadavg()[0]!.toFixed(1),
      result,
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
    return result;
  });
}

type ReadPass = 'sqlite' | 'sqlite json' | 'rows' | 'js lines' | 'sqlite lines';

async function readFloor(dir: string): Promise<void> {
  // Read-only: a plaintext copy (`plaintext` below) is read as it is, not encrypted first.
  const db = openDatabase(path.join(dir, DATABASE_FILE), { readonly: true });
  try {
    const toSeq = currentChangeSeq(db);
    const pass = (kind: ReadPass) =>
      db.transaction(() => {
        let rows = 0;
        let chars = 0;
        for (const table of EXPORT_TABLES) {
          const rowJson = rowJsonOf(table, 'full');
          if (kind === 'sqlite' || kind === 'sqlite json') {
            const lengths =
              kind === 'sqlite json'
                ? `octet_length(${rowJson.sql})`
                : rowJson.columns.map((c) => `coalesce(octet_length(${c}), 0)`).join(' + ');
            const sums = db
              .prepare(`SELECT count(*) AS n, sum(${lengths}) AS bytes FROM ${table.name} WHERE +change_seq > 0`)
              .get() as { n: number; bytes: number | null };
            rows += sums.n;
            chars += sums.bytes ?? 0;
          } else if (kind === 'sqlite lines') {
            for (const line of iterateChangedLines(db, table, rowJson, 0, toSeq)) {
              rows++;
              chars += line.length;
            }
          } else {
            for (const row of iterateChangedRows(db, table, rowJson.columns, 0, toSeq)) {
              rows++;
              if (kind === 'js lines') chars += rowJson.line(row).length;
            }
          }
        }
        return { rows, chars };
      })();
    await timed('read, warm-up', () => pass('rows'));
    await timed('inside SQLite only: pages decrypted, values decoded, lengths summed (chars = bytes)', () =>
      pass('sqlite'),
    );
    await timed('lines built inside SQLite only, their lengths summed (chars = bytes)', () => pass('sqlite json'));
    await timed('rows as JavaScript values', () => pass('rows'));
    await timed('+ canonical JSON lines built in JavaScript', () => pass('js lines'));
    await timed('canonical JSON lines built by SQLite (the export)', () => pass('sqlite lines'));
  } finally {
    db.close();
  }
}

/** A decrypted copy of the hall database of `dir` in `out`, for `read` without SQLCipher. */
function plaintextCopy(dir: string, out: string): void {
  fs.mkdirSync(out, { recursive: true });
  const target = path.join(out, DATABASE_FILE);
  openDatabase(path.join(dir, DATABASE_FILE)).close(); // at the current schema, its WAL checkpointed on close
  fs.copyFileSync(path.join(dir, DATABASE_FILE), target);
  const db = openDatabaseFile(target, { key: loadKeyFile(keyFileFor(dir), false) });
  try {
    db.pragma('journal_mode = DELETE'); // SQLite3 Multiple Ciphers cannot rekey in WAL mode
    db.pragma(`rekey = ''`);
  } finally {
    db.close();
  }
}

const COPY_SPECIALS = /[\\\t\n\r]/g;
const copyField = (value: string | number | null): string =>
  value === null
    ? '\\N'
    : typeof value === 'number'
      ? String(value)
      : value.replace(COPY_SPECIALS, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));

async function copyFloor(bundle: string, publicKeyFile: string): Promise<void> {
  const publicKeyPem = fs.readFileSync(publicKeyFile, 'utf8');
  const hall = /^hall-(.+)\.pub$/.exec(path.basename(publicKeyFile))![1]!;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'yekuo-copy-floor-'));
  const texts = new Map<ExportTable, string>();
  const at = new Date().toISOString();
  await readBundle(bundle, path.basename(bundle), () => publicKeyPem, {
    onManifest: () => undefined,
    onRows: (table, rows) => {
      const file = path.join(work, `${table.name}.copy`);
      texts.set(table, file);
      const columns = dataColumns(table);
      const text = rows
        .map((row) => [hall, ...columns.map((c) => row[c] ?? null), 1, at].map(copyField).join('\t') + '\n')
        .join('');
      fs.appendFileSync(file, text);
    },
  });
  const target = await freshPgDatabase();
  try {
    const hq = await openPgHq(target.url);
    await hq.addKey(hall, publicKeyPem, at);
    await hq.close();
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    await client.query("SET default_toast_compression = 'lz4'");
    try {
      const walBytes = async () =>
        Number((await client.query<{ b: string }>('SELECT wal_bytes::text AS b FROM pg_stat_wal')).rows[0]!.b);
      await timed('PostgreSQL COPY of the ready text, first bundle path', async () => {
        const walBefore = await walBytes();
        await client.query('BEGIN');
        let bytes = 0;
        for (const [table, file] of texts) {
          bytes += fs.statSync(file).size;
          const sql = `COPY ${hallPartition(table, hall)} (hall_code, ${dataColumns(table).join(', ')}, batch_no, imported_at) FROM STDIN`;
          await pipeline(fs.createReadStream(file, { highWaterMark: 1 << 20 }), client.query(copyFrom(sql)));
        }
        await client.query('COMMIT');
        return { bytes, walBytes: (await walBytes()) - walBefore };
      });
      // The same text into plain tables of the same columns without any index, the indexes built after: what a
      // first bundle would cost if the hall's partitions were loaded bare and indexed (and attached) at the end.
      await timed('PostgreSQL COPY into unindexed tables, then their indexes built', async () => {
        await client.query('BEGIN');
        for (const [table, file] of texts) {
          const bare = `bare_${table.name}`;
          await client.query(`CREATE TABLE ${bare} (LIKE ${hallPartition(table, hall)} INCLUDING DEFAULTS)`);
          const sql = `COPY ${bare} (hall_code, ${dataColumns(table).join(', ')}, batch_no, imported_at) FROM STDIN`;
          await pipeline(fs.createReadStream(file, { highWaterMark: 1 << 20 }), client.query(copyFrom(sql)));
        }
        const indexing = performance.now();
        for (const table of texts.keys()) {
          await client.query(
            `ALTER TABLE bare_${table.name} ADD PRIMARY KEY (${['hall_code', ...table.key].join(', ')})`,
          );
        }
        await client.query('CREATE INDEX ON bare_stage_events (hall_code, application_id)');
        const indexMs = Math.round(performance.now() - indexing);
        await client.query('COMMIT');
        return { indexMs };
      });
      await timed('PostgreSQL COPY into UNLOGGED unindexed tables (no WAL)', async () => {
        await client.query('BEGIN');
        for (const [table, file] of texts) {
          const bare = `unlogged_${table.name}`;
          await client.query(`CREATE UNLOGGED TABLE ${bare} (LIKE ${hallPartition(table, hall)} INCLUDING DEFAULTS)`);
          const sql = `COPY ${bare} (hall_code, ${dataColumns(table).join(', ')}, batch_no, imported_at) FROM STDIN`;
          await pipeline(fs.createReadStream(file, { highWaterMark: 1 << 20 }), client.query(copyFrom(sql)));
        }
        await client.query('COMMIT');
        return {};
      });
    } finally {
      await client.end();
    }
  } finally {
    await target.drop().catch((error: Error) => process.stderr.write(`not dropped: ${error.message}\n`));
    fs.rmSync(work, { recursive: true, force: true });
  }
}

const [mode, first, second] = process.argv.slice(2);
if (mode === 'read' && first) await readFloor(first);
else if (mode === 'plaintext' && first && second) plaintextCopy(first, second);
else if (mode === 'copy' && first && second) await copyFloor(first, second);
else throw new Error('usage: exportFloors.ts read DIR | plaintext DIR OUT | copy BUNDLE hall-CODE.pub');
