/** The HQ store on one SQLite file: a county's HQ, and tests. Rows are upserted as they stream in. */
import Database from 'better-sqlite3-multiple-ciphers';
import type { ExportTable } from '../export/tables';
import { publicKeyFingerprint } from '../services/keys/hallKeys';
import { addedColumnsDdl, dataColumns, hqSchemaDdl, mergeSql } from './hqSchema';
import { dropStaleChecklists, recordBatch, type Exec } from './hqRecord';
import type { HqStore, HqTransaction, SqlValue } from './hqStore';
import type { StoredBatch } from './importChecks';

export function openSqliteHq(file: string): HqStore {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  for (const ddl of hqSchemaDdl('sqlite')) db.exec(ddl);
  const columnsOf = (table: string) =>
    new Set((db.pragma(`table_info(${table})`) as { name: string }[]).map((column) => column.name));
  for (const ddl of addedColumnsDdl('sqlite', columnsOf)) db.exec(ddl);
  const exec: Exec = (sql, params) => db.prepare(sql).run(...params);

  const upserts = new Map<string, Database.Statement>();
  const upsertOf = (table: ExportTable) => {
    let statement = upserts.get(table.name);
    if (!statement) {
      const values = `(SELECT ${dataColumns(table)
        .map((c) => `@${c} AS ${c}`)
        .join(', ')})`;
      statement = db.prepare(mergeSql(table, values, 'sqlite', { hall: '@hq_hall', batch: '@hq_batch', at: '@hq_at' }));
      upserts.set(table.name, statement);
    }
    return statement;
  };

  return {
    kind: 'sqlite',
    addKey: async (hallCode, publicKeyPem, at) => {
      exec(
        `INSERT INTO hq_halls (hall_code, public_key, fingerprint, added_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (hall_code) DO UPDATE SET public_key = excluded.public_key, fingerprint = excluded.fingerprint`,
        [hallCode, publicKeyPem, publicKeyFingerprint(publicKeyPem), at],
      );
    },
    halls: async () =>
      (
        db.prepare('SELECT hall_code, public_key, fingerprint, added_at FROM hq_halls ORDER BY hall_code').all() as {
          hall_code: string;
          public_key: string;
          fingerprint: string;
          added_at: string;
        }[]
      ).map((r) => ({
        hallCode: r.hall_code,
        publicKeyPem: r.public_key,
        fingerprint: r.fingerprint,
        addedAt: r.added_at,
      })),
    transaction: async (work) => {
      db.exec('BEGIN IMMEDIATE');
      let target: { hq_hall: string; hq_batch: number; hq_at: string } | undefined;
      const tx: HqTransaction = {
        batches: async (hallCode) => {
          const rows = db.prepare('SELECT * FROM hq_batches WHERE hall_code = ?').all(hallCode) as StoredBatch[];
          return new Map(rows.map((row) => [row.batch_no, row]));
        },
        start: async (manifest, importedAt) => {
          target = { hq_hall: manifest.hall.code, hq_batch: manifest.batch, hq_at: importedAt };
        },
        load: async (table, rows) => {
          if (!target) throw new Error('rows before the manifest');
          if (table.name === 'required_documents') await dropStaleChecklists(exec, target.hq_hall, rows);
          const statement = upsertOf(table);
          for (const row of rows) statement.run({ ...row, ...target });
        },
        finish: (manifest, bundleSha, importedAt, gaps) => recordBatch(exec, manifest, bundleSha, importedAt, gaps),
      };
      try {
        const result = await work(tx);
        db.exec('COMMIT');
        return result;
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      }
    },
    query: async <R>(sql: string, params: SqlValue[] = []) => db.prepare(sql).all(...params) as R[],
    close: async () => {
      db.close();
    },
  };
}
