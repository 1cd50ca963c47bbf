import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApplication } from '../../../main/services/applications/createApplication';
import { listApplications } from '../../../main/services/applications/readApplications';
import { runDemo } from '../../../main/services/demo/runDemo';
import { searchApplications } from '../../../main/services/search';
import { openStore, recordFor, type Store } from './storeFixture';

let store: Store;
const special = recordFor('NEW_LVR', 'LVR', 42);
special.customer.name = '李娜';
special.customer.phone = '13912345678';
special.site.address = '江苏省南京市玄武区珠江路88号';
let specialNumber = '';
/** Two customers of the surname 王 of our own, so the 1-character search has several to find whatever the demo draws. */
const wangs = ['王芳', '王建华'].map((name, i) => {
  const record = recordFor('NEW_LVR', 'LVR', 43 + i);
  record.customer.name = name;
  return record;
});

beforeAll(() => {
  store = openStore({ now: '2026-06-01T02:00:00Z' });
  runDemo(store.ctx(), { count: 600, seed: 7, endDate: new Date('2026-05-31T00:00:00Z'), days: 120 });
  for (const record of wangs) createApplication(store.ctx(), record);
  specialNumber = createApplication(store.ctx(), special).number;
});
afterAll(() => store.close());

const search = (text: string, extra: Record<string, unknown> = {}) =>
  searchApplications(store.ctx(), { text, limit: 200, ...extra });

describe('search', () => {
  it('finds a 1-character surname and a 2-character name (the side index)', () => {
    const wang = search('王');
    // Every stored application of a customer named with 王: ours and any the demo drew.
    const withWang = store.ctx().db.prepare("SELECT count(*) FROM applications WHERE customer_name LIKE '%王%'");
    expect(wang.items.length).toBe(withWang.pluck().get());
    expect(wang.items.length).toBeGreaterThan(1);
    expect(wang.items.every((s) => s.customerName.includes('王'))).toBe(true);
    const lina = search('李娜');
    expect(lina.items.map((s) => s.number)).toContain(specialNumber);
    expect(lina.items.every((s) => s.customerName.includes('李娜'))).toBe(true);
  });

  it('finds 3+ character substrings of phone, ID number, address and application number', () => {
    expect(search('12345678').items.map((s) => s.number)).toContain(specialNumber);
    expect(search(special.customer.idNumber.slice(6, 14)).items.map((s) => s.number)).toContain(specialNumber);
    expect(search('珠江路88').items.map((s) => s.number)).toContain(specialNumber);
    expect(search(specialNumber).items.map((s) => s.number)).toEqual([specialNumber]);
    expect(search('玄武区珠江路').items.every((s) => s.address.includes('玄武区珠江路'))).toBe(true);
  });

  it('masks ID numbers and phones in results', () => {
    const [hit] = search(specialNumber).items;
    expect(hit?.phone).toBe('139****5678');
    expect(hit?.idNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
  });

  it('pages with a stable order: newest first, no repeats, no gaps', () => {
    const all = search('王', { limit: 200 }).items.map((s) => s.number);
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const page = searchApplications(store.ctx(), { text: '王', limit: 7, ...(cursor ? { cursor } : {}) });
      paged.push(...page.items.map((s) => s.number));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(paged).toEqual(all);
    const listed: string[] = [];
    cursor = undefined;
    do {
      const page = listApplications(store.ctx(), { limit: 50, ...(cursor ? { cursor } : {}) });
      listed.push(...page.items.map((s) => s.number));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    // 600 demo applications, the closings of the old sites of the demo's 迁址, our two 王 and the special one.
    const stored = store.ctx().db.prepare('SELECT count(*) FROM applications').pluck().get();
    expect(stored).toBeGreaterThan(603);
    expect(listed).toHaveLength(stored as number);
    expect(new Set(listed).size).toBe(stored);
    expect(listed[0]).toBe(specialNumber);
  });

  it('filters by stage, type, class, status, deadline state and date range', () => {
    const hv = search('有限公司', { customerClasses: ['HV'], statuses: ['ACTIVE'] }).items;
    expect(hv.length).toBeGreaterThan(0);
    expect(hv.every((s) => s.customerClass === 'HV' && s.status === 'ACTIVE')).toBe(true);
    const list = listApplications(store.ctx(), { stages: ['SCHEME'], limit: 200 }).items;
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((s) => s.stage === 'SCHEME')).toBe(true);
    const overdue = listApplications(store.ctx(), { deadline: 'OVERDUE', limit: 200 }).items;
    expect(overdue.every((s) => s.deadlineState === 'OVERDUE')).toBe(true);
    const range = listApplications(store.ctx(), {
      applicationDateFrom: '2026-05-01',
      applicationDateTo: '2026-05-10',
      businessTypes: ['NEW_LVR', 'CLOSE'],
      limit: 200,
    }).items;
    expect(range.every((s) => s.applicationDate >= '2026-05-01' && s.applicationDate <= '2026-05-10')).toBe(true);
    expect(range.every((s) => s.businessType === 'NEW_LVR' || s.businessType === 'CLOSE')).toBe(true);
  });
});
