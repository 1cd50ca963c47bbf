import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { rowJsonOf } from '../../../main/export/rowJson';
import { EXPORT_TABLES } from '../../../main/export/tables';
import { canonicalJson } from '../../../main/services/canonicalJson';

const applications = EXPORT_TABLES.find((table) => table.name === 'applications')!;

/** A row of every column: text with quotes, escapes and Chinese, integers, nulls, a record as stored JSON. */
function sampleRow(): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  applications.columns.forEach(([name, type], i) => {
    row[name] = i % 7 === 3 ? null : type === 'int' ? i * 1000 + 7 : `值 "${name}"\\\n\t${i}`;
  });
  row.id_number = '320102199001011234';
  row.phone = '13812345678';
  row.record_json = canonicalJson({ customer: { idNumber: '320102199001011234', phone: '13812345678', name: '张三' } });
  return row;
}

describe('rowJsonOf', () => {
  it('writes the canonical JSON of the row from its raw values, as stored in full mode', () => {
    const row = sampleRow();
    const rowJson = rowJsonOf(applications, 'full');
    expect(rowJson.line(rowJson.columns.map((c) => row[c]))).toBe(canonicalJson(row));
  });

  it("gives SQLite's json_object line equal to its own for every text and integer, including every escape", () => {
    const rowJson = rowJsonOf(applications, 'full');
    const texts = [
      '',
      '张三 "引号" \\ 反斜杠 / 斜杠',
      Array.from({ length: 32 }, (_, c) => String.fromCharCode(c)).join('') + '\u007f\u0080\u2028\u2029\ufeff',
      '生僻字 𠀀𪚥 😀 and ASCII',
      '{"record":{"a":[1,2,"x\\ny"]}}',
    ];
    const integers = [0, -1, 7, 2 ** 53 - 1, -(2 ** 31)];
    const db = new Database(':memory:');
    try {
      db.exec(
        `CREATE TABLE t (${applications.columns.map(([name, type]) => `${name} ${type === 'int' ? 'INTEGER' : 'TEXT'}`).join(', ')})`,
      );
      const insert = db.prepare(
        `INSERT INTO t (${rowJson.columns.join(', ')}) VALUES (${rowJson.columns.map(() => '?').join(', ')})`,
      );
      const types = new Map(applications.columns);
      const rows = texts.flatMap((text, r) =>
        [0, 1].map((nulls) =>
          rowJson.columns.map((name, i) =>
            nulls && i % 3 === r % 3 ? null : types.get(name) === 'int' ? integers[(i + r) % integers.length]! : text,
          ),
        ),
      );
      for (const row of rows) insert.run(row);
      const lines = db.prepare(`SELECT ${rowJson.sql} FROM t ORDER BY rowid`).pluck().all();
      expect(lines).toEqual(rows.map((row) => rowJson.line(row)));
    } finally {
      db.close();
    }
  });

  it('leaves a masked row to JavaScript: no SQL line in masked mode', () => {
    expect(rowJsonOf(applications, 'masked').sql).toBeNull();
    expect(
      rowJsonOf(
        EXPORT_TABLES.find((table) => table.name === 'stage_events')!,
        'masked',
      ).sql,
    ).not.toBeNull();
  });

  it('masks ID numbers and phones in the columns and inside the record in masked mode', () => {
    const row = sampleRow();
    const rowJson = rowJsonOf(applications, 'masked');
    const parsed = JSON.parse(rowJson.line(rowJson.columns.map((c) => row[c]))) as Record<string, string>;
    expect(parsed.id_number).toBe('3201**********1234');
    expect(parsed.phone).toBe('138****5678');
    expect(JSON.parse(parsed.record_json!)).toEqual({
      customer: { idNumber: '3201**********1234', phone: '138****5678', name: '张三' },
    });
    expect(Object.keys(parsed)).toEqual(Object.keys(parsed).sort());
  });
});
