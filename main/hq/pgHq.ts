/**
 * The province's HQ store on PostgreSQL. A bundle's rows are streamed with COPY (pg-copy-streams) into
 * temporary staging tables, then merged with one INSERT … ON CONFLICT per table, all in the import's one
 * transaction; the data tables are partitioned by hall (hqSchema.ts). A hall's first bundle (no batch of the
 * hall imported yet, so its partitions are empty and the merge could only insert) is copied straight into the
 * hall's partitions: the bulk load of a hall joining HQ, and the import benchmark (docs/benchmarks.md).
 */
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Writable } from 'node:stream';
import type { ExportTable } from '../export/tables';
import { publicKeyFingerprint } from '../services/keys/hallKeys';
import { addedColumnsDdl, dataColumns, hallPartition, hallPartitionsDdl, hqSchemaDdl, mergeSql } from './hqSchema';
import { recordBatch, type Exec } from './hqRecord';
import type { HqStore, HqTransaction, SqlValue } from './hqStore';
import type { StoredBatch } from './importChecks';
import type { Row } from './readBundle';

/** `?` placeholders → `$1, $2 …`. */
const numbered = (sql: string): string => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_SPECIALS = /[\\\t\n\r]/g;

/** COPY text format: backslash, tab, newline and carriage return escaped; NULL as \N. */
function copyField(value: string | number | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  // Most values hold none of the four: testing first spares the replace's allocation.
  if (!COPY_SPECIAL.test(value)) return value;
  return value.replace(COPY_SPECIALS, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/**
 * The COPY text of a chunk of rows as UTF-8 bytes, each line encoded into the buffer as it is built: one long
 * string built by `+=` and encoded at the end cost about twice as much (the profile of a 100,000-application
 * import spent a third of its Node time in that one Buffer.from).
 */
function copyText(rows: readonly Row[], columns: readonly string[], prefix: string, suffix: string): Buffer {
  let buffer = Buffer.allocUnsafe(COPY_BUFFER);
  let used = 0;
  for (const row of rows) {
    let line = prefix;
    for (let i = 0; i < columns.length; i++) line += (i > 0 ? '\t' : '') + copyField(row[columns[i]!] ?? null);
    line += suffix;
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    const room = line.length * 3;
    if (used + room > buffer.length) {
      const larger = Buffer.allocUnsafe(Math.max(buffer.length * 2, used + room));
      buffer.copy(larger, 0, 0, used);
      buffer = larger;
    }
    used += buffer.write(line, used, 'utf8');
  }
  return buffer.subarray(0, used);
}

const COPY_BUFFER = 1 << 20;

const stagingOf = (table: ExportTable): string => `staging_${table.name}`;

const COPY_AHEAD = 16 << 20;

function storageError(error: unknown, url: string): Error {
  const detail = error instanceof Error ? error.message : String(error);
  const where = url.replace(/\/\/[^@/]*@/, '//');
  return Object.assign(
    new Error(`无法连接总部 PostgreSQL 数据库 ${where}：${detail}。请检查地址、账号与数据库服务是否运行。`),
    {
      code: 'HQ_DB',
    },
  );
}

export async function openPgHq(url: string): Promise<HqStore> {
  const client = new pg.Client({ connectionString: url });
  // A server that goes away fails the pending query; without a listener the same error would also crash the process.
  client.on('error', () => undefined);
  // A COPY in flight is not told when the connection dies; everything that waits on one races this instead.
  const lost = new Promise<never>((_, reject) =>
    client.once('end', () => reject(new Error('与总部数据库的连接已断开'))),
  );
  lost.catch(() => undefined);
  try {
    await client.connect();
    // Staging tables of a large bundle stay in memory (before the session's first temporary table, or it is ignored).
    await client.query("SET temp_buffers = '256MB'");
    // Record and audit JSON is compressed with lz4 rather than pglz: several times faster to write, a little larger.
    await client.query("SET default_toast_compression = 'lz4'").catch(() => undefined); // a server built without lz4 keeps pglz
    await client.query('SELECT pg_advisory_lock(20141)'); // one schema creation at a time
    try {
      for (const ddl of hqSchemaDdl('pg')) await client.query(ddl);
      const existing = await client.query<{ table_name: string; column_name: string }>(
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_name LIKE 'hq\\_%'",
      );
      const present = new Map<string, Set<string>>();
      for (const { table_name, column_name } of existing.rows) {
        present.set(table_name, (present.get(table_name) ?? new Set()).add(column_name));
      }
      for (const ddl of addedColumnsDdl('pg', (table) => present.get(table))) await client.query(ddl);
      for (const { hall_code } of (await client.query<{ hall_code: string }>('SELECT hall_code FROM hq_halls')).rows) {
        for (const ddl of hallPartitionsDdl(hall_code)) await client.query(ddl);
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock(20141)');
    }
  } catch (error) {
    await client.end().catch(() => undefined);
    throw storageError(error, url);
  }
  const exec: Exec = (sql, params) => client.query(numbered(sql), params);

  return {
    kind: 'pg',
    addKey: async (hallCode, publicKeyPem, at) => {
      await client.query('BEGIN');
      try {
        await exec(
          `INSERT INTO hq_halls (hall_code, public_key, fingerprint, added_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (hall_code) DO UPDATE SET public_key = excluded.public_key, fingerprint = excluded.fingerprint`,
          [hallCode, publicKeyPem, publicKeyFingerprint(publicKeyPem), at],
        );
        for (const ddl of hallPartitionsDdl(hallCode)) await client.query(ddl);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    },
    halls: async () =>
      (
        await client.query<{ hall_code: string; public_key: string; fingerprint: string; added_at: string }>(
          'SELECT hall_code, public_key, fingerprint, added_at FROM hq_halls ORDER BY hall_code',
        )
      ).rows.map((r) => ({
        hallCode: r.hall_code,
        publicKeyPem: r.public_key,
        fingerprint: r.fingerprint,
        addedAt: r.added_at,
      })),
    transaction: async (work) => {
      await client.query('BEGIN');
      const session = new CopySession(client, lost);
      try {
        const result = await work(session);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await session.abort();
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    },
    query: async <R>(sql: string, params: SqlValue[] = []) => (await client.query(numbered(sql), params)).rows as R[],
    close: async () => {
      await client.end();
    },
  };
}

/** One import: staging tables filled by COPY, merged at the end; or, for a hall's first bundle, its partitions. */
class CopySession implements HqTransaction {
  private target: { hall: string; batch: number; at: string } | undefined;
  /** No batch of the hall is stored: its partitions are empty, rows are copied straight into them. */
  private firstOfHall = false;
  private copy: { table: ExportTable; stream: Writable; prefix: string; suffix: string } | undefined;
  private readonly staged: ExportTable[] = [];

  constructor(
    private readonly client: pg.Client,
    private readonly lost: Promise<never>,
  ) {}

  async batches(hallCode: string): Promise<Map<number, StoredBatch>> {
    // Lock the hall: two imports of the same hall's bundles serialise here.
    await this.client.query('SELECT hall_code FROM hq_halls WHERE hall_code = $1 FOR UPDATE', [hallCode]);
    const rows = (await this.client.query<StoredBatch>('SELECT * FROM hq_batches WHERE hall_code = $1', [hallCode]))
      .rows;
    this.firstOfHall = rows.length === 0;
    return new Map(rows.map((row) => [Number(row.batch_no), normalise(row)]));
  }

  async start(manifest: { hall: { code: string }; batch: number }, importedAt: string): Promise<void> {
    this.target = { hall: manifest.hall.code, batch: manifest.batch, at: importedAt };
  }

  async load(table: ExportTable, rows: Row[]): Promise<void> {
    if (this.copy?.table !== table) await this.openCopy(table);
    const { stream, prefix, suffix } = this.copy!;
    stream.write(copyText(rows, dataColumns(table), prefix, suffix));
    // Up to COPY_AHEAD bytes may wait in the stream while the server works through what it has: reading and
    // converting the next rows overlaps with the server's loading, and memory stays bounded.
    if (stream.writableLength > COPY_AHEAD) await Promise.race([once(stream, 'drain'), this.lost]);
  }

  private async openCopy(table: ExportTable): Promise<void> {
    await this.endCopy();
    const columns = dataColumns(table).join(', ');
    let stream: Writable;
    if (this.firstOfHall) {
      // Each line carries the hall and the provenance columns around the row's own.
      const { hall, batch, at } = this.target!;
      stream = this.client.query(
        copyFrom(`COPY ${hallPartition(table, hall)} (hall_code, ${columns}, batch_no, imported_at) FROM STDIN`),
      );
      this.copy = { table, stream, prefix: `${copyField(hall)}\t`, suffix: `\t${batch}\t${copyField(at)}\n` };
    } else {
      const types = table.columns.map(([name, type]) => `${name} ${type === 'int' ? 'bigint' : 'text'}`).join(', ');
      await this.client.query(`CREATE TEMP TABLE ${stagingOf(table)} (${types}) ON COMMIT DROP`);
      stream = this.client.query(copyFrom(`COPY ${stagingOf(table)} (${columns}) FROM STDIN`));
      this.copy = { table, stream, prefix: '', suffix: '\n' };
      this.staged.push(table);
    }
    // Errors reach the awaiting write/finish; this listener only keeps an aborted COPY's error from going unhandled.
    stream.on('error', () => undefined);
  }

  private async endCopy(): Promise<void> {
    if (!this.copy) return;
    const { stream } = this.copy;
    this.copy = undefined;
    stream.end();
    await Promise.race([finished(stream), this.lost]);
  }

  async abort(): Promise<void> {
    if (this.copy) {
      this.copy.stream.destroy();
      this.copy = undefined;
    }
  }

  async finish(
    manifest: Parameters<HqTransaction['finish']>[0],
    bundleSha: string,
    importedAt: string,
    gaps: number[],
  ): Promise<void> {
    await this.endCopy();
    const target = this.target!;
    const params = { hall: '$1::text', batch: '$2::bigint', at: '$3::text' };
    const values = [target.hall, target.batch, target.at];
    for (const table of this.staged) {
      if (table.name === 'required_documents') {
        await this.client.query(
          `DELETE FROM hq_required_documents d USING (SELECT application_id, max(change_seq) AS seq
             FROM ${stagingOf(table)} GROUP BY application_id) s
           WHERE d.hall_code = $1 AND d.application_id = s.application_id AND d.change_seq < s.seq`,
          [target.hall],
        );
      }
      await this.client.query(mergeSql(table, stagingOf(table), 'pg', params), values);
    }
    await recordBatch((sql, p) => this.client.query(numbered(sql), p), manifest, bundleSha, importedAt, gaps);
  }
}

/** bigint columns arrive as strings from pg. */
function normalise(row: StoredBatch): StoredBatch {
  return {
    ...row,
    batch_no: Number(row.batch_no),
    from_seq: Number(row.from_seq),
    to_seq: Number(row.to_seq),
    audit_first_id: row.audit_first_id === null ? null : Number(row.audit_first_id),
    audit_head_id: Number(row.audit_head_id),
  };
}
