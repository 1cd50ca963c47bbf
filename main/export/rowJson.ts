/**
 * A table's rows as they leave the hall, written straight from SQLite's raw value arrays: the columns are read in
 * sorted order, so each line is the row's canonical JSON (docs/export-format.md) built by appending the fixed key
 * prefixes and JSON.stringify of each value, with no object per row and no key sorting per row. Equal to
 * canonicalJson of the row as an object (test/unit/export/rowJson.test.ts).
 *
 * When no column of the table is masked, SQLite builds the same line itself (`json_object` of the sorted columns:
 * the same escapes as JSON.stringify for the integers and texts the export contract holds, same test), and the
 * export takes it as one string per row. That skips turning every value into a JavaScript string and escaping it
 * again: a full export's reading costs about a third less CPU (docs/benchmarks.md).
 */
import type { PrivacyMode } from './format';
import { columnMask } from './privacy';
import type { ExportTable } from './tables';

export interface RowJson {
  /** The table's exported columns in the order the raw rows must hold them (sorted by code unit). */
  columns: string[];
  /** One row (values in `columns` order) as canonical JSON, without the newline. */
  line(values: readonly unknown[]): string;
  /** The SQL expression giving the same line from a row of the table, or null when a column is masked in JS. */
  sql: string | null;
}

export function rowJsonOf(table: ExportTable, privacy: PrivacyMode): RowJson {
  const columns = table.columns.map(([name]) => name).sort();
  const prefixes = columns.map((name, i) => `${i === 0 ? '{' : ','}${JSON.stringify(name)}:`);
  const masks = columns.map((name) => columnMask(name, privacy));
  return {
    columns,
    sql: masks.some(Boolean) ? null : `json_object(${columns.map((name) => `'${name}', ${name}`).join(', ')})`,
    line(values) {
      let out = '';
      for (let i = 0; i < prefixes.length; i++) {
        const value = values[i];
        const mask = masks[i];
        out += prefixes[i]! + JSON.stringify(mask && typeof value === 'string' ? mask(value) : value);
      }
      return out + '}';
    },
  };
}
