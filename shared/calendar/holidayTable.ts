/**
 * One year's holiday arrangement as published in the 国务院办公厅 notice (REFERENCE.md §3.6 rule 1: load each
 * year's notice as data, never compute holidays). The same shape is used for the built-in years and for the
 * JSON file an administrator loads for a new year:
 *
 *   { "year": 2027, "source": "国办发明电〔2026〕…号", "daysOff": { "2027-01-01": "元旦" },
 *     "workdays": { "2027-02-06": "春节" } }
 *
 * `daysOff` lists every day off of the holiday blocks (weekend days inside a block included); `workdays` lists
 * the weekend days declared working days (调休上班), named after the holiday they make up for.
 */
import { z } from 'zod';
import { isIsoDate } from './isoDate';

export interface HolidayTable {
  year: number;
  source?: string;
  daysOff: Record<string, string>;
  workdays: Record<string, string>;
}

const dayMap = z.record(z.string(), z.string().trim().min(1, '须写明节日名称').max(32));

export const holidayTableSchema = z
  .strictObject({
    year: z.number().int().min(2000).max(2100),
    source: z.string().max(200).optional(),
    daysOff: dayMap,
    workdays: dayMap,
  })
  .superRefine((table, ctx) => {
    for (const key of ['daysOff', 'workdays'] as const) {
      for (const date of Object.keys(table[key])) {
        if (!isIsoDate(date)) {
          ctx.addIssue({ code: 'custom', path: [key, date], message: '不是真实日期（应写成 YYYY-MM-DD）' });
        } else if (!date.startsWith(`${table.year}-`)) {
          ctx.addIssue({ code: 'custom', path: [key, date], message: `日期不在 ${table.year} 年内` });
        }
        if (key === 'workdays' && Object.hasOwn(table.daysOff, date)) {
          ctx.addIssue({ code: 'custom', path: [key, date], message: '同一天不能既放假又上班' });
        }
      }
    }
  });

export type HolidayTableLoad = { ok: true; table: HolidayTable } | { ok: false; problems: string[] };

/** Validates a parsed JSON holiday table; problems are Chinese and name the key. */
export function parseHolidayTable(json: unknown): HolidayTableLoad {
  const parsed = holidayTableSchema.safeParse(json);
  if (parsed.success) return { ok: true, table: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map(
      (issue) => `节假日表“${issue.path.map(String).join('.') || '（根）'}”：${issue.message}，请改正后重新载入。`,
    ),
  };
}
