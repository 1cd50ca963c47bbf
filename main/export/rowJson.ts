/**
 * A table's rows as they leave the hall, written straight from SQLite's raw value arrays: the columns are read in
 * sorted order, so each line is the row's canonical JSON (docs/export-format.md) built by appending the fixed key
 * prefixes and JSON.stringify of each value, with no object per row and no key sorting per row. Equal to
 * canonicalJson of the row as an object (test/unit/export/rowJson.test.ts).
 */
import type { PrivacyMode } from './format';
import { columnMask } from './privacy';
import type { ExportTable } from './tables';

export interface RowJson {
  /** The table's exported columns in the order the raw rows must hold them (sorted by code unit). */
  columns: string[];
  /** One row (values in `columns` order) as canonical JSON, without the newline. */
  line(values: readonly unknown[]): string;
}

export function rowJsonOf(table: ExportTable, privacy: PrivacyMode): RowJson {
  const columns = table.columns.map(([name]) => name).sort();
  const prefixes = columns.map((name, i) => `${i === 0 ? '{' : ','}${JSON.stringify(name)}:`);
  const masks = columns.map((name) => columnMask(name, privacy));
  return {
    columns,
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
