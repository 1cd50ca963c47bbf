import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationFilterInput, ListOrder } from '../../../shared/api/applications';
import { dispatch } from '../../../main/ipc/dispatch';
import { createApplication } from '../../../main/services/applications/createApplication';
import { listApplications } from '../../../main/services/applications/readApplications';
import { runDemo } from '../../../main/services/demo/runDemo';
import { searchApplications } from '../../../main/services/search';
import { openStore, recordFor, type Store } from './storeFixture';

let store: Store;

beforeAll(() => {
  store = openStore({ now: '2026-06-01T02:00:00Z' });
  runDemo(store.ctx(), { count: 500, seed: 5, endDate: new Date('2026-05-31T00:00:00Z'), days: 90 });
});
afterAll(() => store.close());

interface Row {
  id: number;
  number: string;
  due_date: string | null;
}

/** The expected order, straight from the table: dated rows by (due, id), then the undated ones newest first. */
function expected(rows: Row[], order: ListOrder): string[] {
  const dated = rows.filter((r) => r.due_date !== null);
  const sign = order === 'dueAsc' ? 1 : -1;
  dated.sort((a, b) => sign * (a.due_date!.localeCompare(b.due_date!) || a.id - b.id));
  const undated = rows.filter((r) => r.due_date === null).sort((a, b) => b.id - a.id);
  return [...dated, ...undated].map((r) => r.number);
}

const rowsWhere = (where = '1', ...params: unknown[]) =>
  store
    .ctx()
    .db.prepare(`SELECT id, number, due_date FROM applications WHERE ${where}`)
    .all(...params) as Row[];

/** Every page of a list or search, `size` rows at a time, following nextCursor. */
function allPages(input: ApplicationFilterInput & { text?: string }, size: number): string[] {
  const numbers: string[] = [];
  let cursor: string | undefined;
  do {
    const request = { ...input, limit: size, ...(cursor ? { cursor } : {}) };
    const page = request.text
      ? searchApplications(store.ctx(), { ...request, text: request.text })
      : listApplications(store.ctx(), request);
    numbers.push(...page.items.map((i) => i.number));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return numbers;
}

describe('申请查询 sorted by 到期日 (keyset on due date and id)', () => {
  it('has many applications sharing a due date, so pages split ties', () => {
    const shared = store
      .ctx()
      .db.prepare(
        'SELECT max(n) FROM (SELECT count(*) AS n FROM applications WHERE due_date IS NOT NULL GROUP BY due_date)',
      )
      .pluck()
      .get() as number;
    expect(shared).toBeGreaterThan(7);
    expect(rowsWhere('due_date IS NULL').length).toBeGreaterThan(50);
  });

  for (const order of ['dueAsc', 'dueDesc'] as const) {
    it(`${order}: pages of 7 give every row once, in due order, undated rows last`, () => {
      expect(allPages({ order }, 7)).toEqual(expected(rowsWhere(), order));
      expect(allPages({ order }, 200)).toEqual(expected(rowsWhere(), order));
    });

    it(`${order}: keeps the order under filters (status, class, deadline state, stage and date range)`, () => {
      const today = '2026-06-01';
      expect(allPages({ order, statuses: ['ACTIVE'] }, 9)).toEqual(expected(rowsWhere("status = 'ACTIVE'"), order));
      expect(allPages({ order, customerClasses: ['HV'] }, 9)).toEqual(
        expected(rowsWhere("customer_class = 'HV'"), order),
      );
      expect(allPages({ order, deadline: 'OVERDUE' }, 9)).toEqual(expected(rowsWhere('due_date < ?', today), order));
      expect(allPages({ order, deadline: 'NONE' }, 9)).toEqual(expected(rowsWhere('due_date IS NULL'), order));
      expect(allPages({ order, applicationDateFrom: '2026-05-01', stages: ['ACCEPT', 'SURVEY'] }, 9)).toEqual(
        expected(rowsWhere("application_date >= '2026-05-01' AND stage IN ('ACCEPT', 'SURVEY')"), order),
      );
    });

    it(`${order}: sorts search results the same way on all three search paths`, () => {
      for (const text of ['王', '有限公司', '1391']) {
        const matches = new Set(allPages({ text }, 200));
        if (text !== '1391') expect(matches.size).toBeGreaterThan(3);
        const rows = rowsWhere().filter((r) => matches.has(r.number));
        expect(allPages({ order, text }, 5)).toEqual(expected(rows, order));
      }
      const phone = rowsWhere("due_date IS NOT NULL AND status = 'ACTIVE'")[0]!;
      const digits = store
        .ctx()
        .db.prepare('SELECT phone FROM applications WHERE id = ?')
        .pluck()
        .get(phone.id) as string;
      expect(allPages({ order, text: digits }, 5)).toContain(phone.number);
    });
  }

  it('neither repeats nor skips a row when an application is created between two pages', () => {
    const first = listApplications(store.ctx(), { order: 'dueAsc', limit: 20 });
    createApplication(store.ctx(), recordFor('NEW_LVR', 'LVR', 77, '2026-06-01'));
    const rest = allPagesFrom(first.nextCursor!);
    const seen = [...first.items.map((i) => i.number), ...rest];
    expect(new Set(seen).size).toBe(seen.length);
    const before = expected(rowsWhere(), 'dueAsc');
    // Every row that existed before is there, in order; the new one may or may not fall in the later pages.
    expect(seen.filter((n) => before.includes(n))).toEqual(before.filter((n) => seen.includes(n)));
    expect(before.filter((n) => !seen.includes(n)).length).toBeLessThanOrEqual(1);
  });

  it('refuses a cursor of the other order', async () => {
    const newest = listApplications(store.ctx(), { limit: 5 });
    const result = await dispatch(store.ctx(), 'applications.list', {
      order: 'dueAsc',
      cursor: newest.nextCursor!,
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringContaining('翻页标记无效') },
    });
  });
});

function allPagesFrom(cursor: string): string[] {
  const numbers: string[] = [];
  let next: string | undefined = cursor;
  while (next) {
    const page = listApplications(store.ctx(), { order: 'dueAsc', limit: 20, cursor: next });
    numbers.push(...page.items.map((i) => i.number));
    next = page.nextCursor ?? undefined;
  }
  return numbers;
}
