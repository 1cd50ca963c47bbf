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
