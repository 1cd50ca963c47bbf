/**
 * The HQ store's tables, generated from the export contract (main/export/tables.ts) for SQLite and PostgreSQL:
 * every hall table as hq_<name> keyed by (hall_code, key…) with provenance (batch_no, imported_at), plus the
 * registered halls, the imported batches and the gaps. On PostgreSQL every data table is partitioned by hall
 * (declarative LIST partitioning, one partition per registered hall) so a province's halls stay separable.
 */
import { EXPORT_TABLES, type ExportTable } from '../export/tables';

export type Dialect = 'sqlite' | 'pg';

export const hqTable = (table: ExportTable): string => `hq_${table.name}`;

/** Columns of an HQ data table after hall_code, in order. */
export const dataColumns = (table: ExportTable): string[] => table.columns.map(([name]) => name);

function columnType(type: 'int' | 'text', dialect: Dialect): string {
  if (dialect === 'sqlite') return type === 'int' ? 'INTEGER' : 'TEXT';
  return type === 'int' ? 'bigint' : 'text';
}

function dataTableDdl(table: ExportTable, dialect: Dialect): string {
  const columns = table.columns.map(([name, type]) => `${name} ${columnType(type, dialect)}`).join(', ');
  const key = ['hall_code', ...table.key].join(', ');
  const partition = dialect === 'pg' ? ' PARTITION BY LIST (hall_code)' : '';
  return `CREATE TABLE IF NOT EXISTS ${hqTable(table)} (hall_code text NOT NULL, ${columns},
    batch_no ${columnType('int', dialect)} NOT NULL, imported_at text NOT NULL, PRIMARY KEY (${key}))${partition}`;
}

export function hqSchemaDdl(dialect: Dialect): string[] {
  const int = columnType('int', dialect);
  return [
    `CREATE TABLE IF NOT EXISTS hq_halls (hall_code text PRIMARY KEY, public_key text NOT NULL, fingerprint text NOT NULL,
      added_at text NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS hq_batches (hall_code text NOT NULL, batch_no ${int} NOT NULL, from_seq ${int} NOT NULL,
      to_seq ${int} NOT NULL, bundle_sha256 text NOT NULL, created_at text NOT NULL, imported_at text NOT NULL,
      privacy text NOT NULL, schema_version ${int} NOT NULL, audit_first_id ${int}, audit_first_prev text,
      audit_head_id ${int} NOT NULL, audit_head_hash text NOT NULL, row_counts text NOT NULL,
      PRIMARY KEY (hall_code, batch_no))`,
    // The hall's signed audit chain head of each batch (docs/export-format.md audit.signedHead), kept as the hall
    // signed it: proof, checkable with the hall's key at any later time, of how far the hall's chain reached.
    `CREATE TABLE IF NOT EXISTS hq_audit_anchors (hall_code text NOT NULL, batch_no ${int} NOT NULL,
      entry_id ${int} NOT NULL, entry_hash text NOT NULL, reason text NOT NULL, at text NOT NULL,
      key_fingerprint text NOT NULL, signature text NOT NULL, PRIMARY KEY (hall_code, batch_no))`,
    `CREATE TABLE IF NOT EXISTS hq_gaps (hall_code text NOT NULL, batch_no ${int} NOT NULL, detected_at text NOT NULL,
      PRIMARY KEY (hall_code, batch_no))`,
    ...EXPORT_TABLES.map((table) => dataTableDdl(table, dialect)),
    `CREATE INDEX IF NOT EXISTS hq_stage_events_application ON hq_stage_events (hall_code, application_id)`,
  ];
}

/**
 * Columns the export contract gained after an HQ store was created (e.g. supply_scheme_versions.extended_until):
 * added to the existing hq_ tables, empty for the rows imported before. `present` lists a table's current columns.
 */
export function addedColumnsDdl(
  dialect: Dialect,
  present: (table: string) => ReadonlySet<string> | undefined,
): string[] {
  return EXPORT_TABLES.flatMap((table) => {
    const have = present(hqTable(table));
    return table.columns
      .filter(([name]) => have !== undefined && !have.has(name))
      .map(([name, type]) => `ALTER TABLE ${hqTable(table)} ADD COLUMN ${name} ${columnType(type, dialect)}`);
  });
}

/** PostgreSQL: one hall's partition of hq_<name>. */
export const hallPartition = (table: ExportTable, hallCode: string): string =>
  `${hqTable(table)}_${hallCode.toLowerCase()}`;

/** PostgreSQL: the partitions of one hall (created when its key is registered). */
export function hallPartitionsDdl(hallCode: string): string[] {
  return EXPORT_TABLES.map(
    (table) =>
      `CREATE TABLE IF NOT EXISTS ${hallPartition(table, hallCode)} PARTITION OF ${hqTable(table)} FOR VALUES IN ('${hallCode}')`,
  );
}

/**
 * The merge of one table's incoming rows (`source`: a staging table or a VALUES row) into hq_<name>: insert,
 * or replace the stored row when the incoming change_seq is not older. The audit log is append-only.
 */
export function mergeSql(
  table: ExportTable,
  source: string,
  dialect: Dialect,
  params: { hall: string; batch: string; at: string },
): string {
  const columns = dataColumns(table);
  const target = hqTable(table);
  const conflict = `(${['hall_code', ...table.key].join(', ')})`;
  const insert = `INSERT INTO ${target} (hall_code, ${columns.join(', ')}, batch_no, imported_at)
    SELECT ${params.hall}, ${columns.join(', ')}, ${params.batch}, ${params.at} FROM ${source}`;
  // SQLite needs WHERE true to parse ON CONFLICT after a SELECT.
  const where = dialect === 'sqlite' ? ' WHERE true' : '';
  if (table.name === 'audit_log') return `${insert}${where} ON CONFLICT ${conflict} DO NOTHING`;
  const updates = [...columns.filter((c) => !table.key.includes(c)), 'batch_no', 'imported_at']
    .map((c) => `${c} = excluded.${c}`)
    .join(', ');
  return `${insert}${where} ON CONFLICT ${conflict} DO UPDATE SET ${updates} WHERE excluded.change_seq >= ${target}.change_seq`;
}
