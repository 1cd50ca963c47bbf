/**
 * 系统设置 on a real temp SQLite file: a loaded province profile and a loaded holiday table are in force for
 * the next check and deadline; refusals keep what was in force; every load is audited; admins only.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/db/connection';
import { dispatch } from '../../../main/ipc/dispatch';
import { clockOf } from '../../../main/services/clock';
import { loadHolidayTable } from '../../../main/services/settings/holidayTables';
import { auditEntriesOf } from '../../../main/services/audit';
import type { ApplicationInput } from '../../../shared/domain/application';
import type { Channel, ChannelInput } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/result';
import { openStore, recordFor, type Store } from '../store/storeFixture';

let store: Store;
beforeEach(() => {
  store = openStore();
});
afterEach(() => store.close());

const call = <C extends Channel>(channel: C, input: ChannelInput<C>, role: 'clerk' | 'admin' = 'admin') =>
  dispatch(store.ctx(role), channel, input) as Promise<Result<never>>;

/** A rule-clean 低压非居民 new connection at 380 V, 120 kW (below the default 160 kW hard limit). */
function lvn120(): ApplicationInput {
  const record = recordFor('NEW_LVN', 'LVN', 3);
  return { ...record, voltageCode: 'AC03802', requestedCapacityKw: 120, site: { ...record.site, areaType: 'URBAN' } };
}

describe('province profile', () => {
  it('is in force for applications.create once loaded, and audited', async () => {
    const before = await call('applications.create', { record: lvn120() });
    expect(before).toMatchObject({ ok: true });

    const load = await call('settings.loadProfile', {
      text: JSON.stringify({ name: '测试省', capacity: { lvHardMaxKw: 100 } }),
    });
    expect(load).toMatchObject({ ok: true, value: { profile: { name: '测试省', capacity: { lvHardMaxKw: 100 } } } });

    const after = await call('applications.create', { record: lvn120() });
    expect(after.ok).toBe(false);
    if (after.ok) return;
    expect(after.error.code).toBe('RULE_VIOLATION');
    expect(after.error.problems?.map((p) => p.ruleId)).toContain('R-VC-03');
    expect(after.error.message).toContain('低压接入上限 100 kW');

    const audit = auditEntriesOf(store.ctx().db, 'settings', 'rules.profile');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'settings.loadProfile',
      diff: { 'capacity.lvHardMaxKw': { before: 160, after: 100 } },
    });
  });

  it('refuses a bad file whole, naming each key, and keeps the profile loaded before', async () => {
    await call('settings.loadProfile', { text: JSON.stringify({ name: '测试省', capacity: { lvHardMaxKw: 100 } }) });
    const bad = await call('settings.loadProfile', {
      text: JSON.stringify({ capacity: { lvHardMaxKw: -5, lvUrbanMaxKw: 90 }, tariff: { twoPartFrom: 315 } }),
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error.code).toBe('BAD_INPUT');
    expect(bad.error.message).toContain('“capacity.lvHardMaxKw”取值无效');
    expect(bad.error.message).toContain('“tariff.twoPartFrom”不是可配置项');
    expect(bad.error.message).toContain('仍按原有规则执行');

    const view = await call('settings.profile', {}, 'clerk');
    expect(view).toMatchObject({
      ok: true,
      value: { profile: { name: '测试省', capacity: { lvHardMaxKw: 100, lvUrbanMaxKw: 160 } } },
    });
    expect(auditEntriesOf(store.ctx().db, 'settings', 'rules.profile')).toHaveLength(1);
  });

  it('refuses a file that is not JSON with a Chinese message', async () => {
    const bad = await call('settings.loadProfile', { text: '{ capacity: ' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    if (!bad.ok) expect(bad.error.message).toContain('省级规则配置文件不是有效的 JSON');
  });

  it('is FORBIDDEN to a clerk', async () => {
    const load = await call('settings.loadProfile', { text: '{}' }, 'clerk');
    expect(load).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const holidays = await call('settings.loadHolidays', { text: '{}' }, 'clerk');
    expect(holidays).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('holiday tables', () => {
  const table2027 = {
    year: 2027,
    source: '测试用 2027 年安排',
    daysOff: {
      '2027-10-01': '国庆节',
      '2027-10-04': '国庆节',
      '2027-10-05': '国庆节',
      '2027-10-06': '国庆节',
      '2027-10-07': '国庆节',
    },
    workdays: { '2027-10-09': '国庆节' },
  };

  it('shows a year without a table as not covered, then the loaded days', async () => {
    const empty = await call('settings.calendar', { year: 2027 }, 'clerk');
    expect(empty).toMatchObject({ ok: true, value: { year: 2027, covered: false, daysOff: [] } });
    const load = await call('settings.loadHolidays', { text: JSON.stringify(table2027) });
    expect(load).toMatchObject({ ok: true, value: { year: 2027, covered: true } });
    if (!load.ok) return;
    const view = load.value as { daysOff: { date: string }[]; years: { year: number; origin: string }[] };
    expect(view.daysOff.map((d) => d.date)).toEqual(Object.keys(table2027.daysOff));
    expect(view.years.find((y) => y.year === 2027)?.origin).toBe('loaded');
    expect(view.years.find((y) => y.year === 2026)?.origin).toBe('builtin');
  });

  it('moves a deadline once loaded, and is audited', async () => {
    store.setNow('2027-09-30T01:00:00Z');
    const first = await call('applications.create', { record: recordFor('NEW_LVR', 'LVR', 5, '2027-09-30') });
    expect(first.ok).toBe(true);
    const dueBefore = first.ok ? (first.value as { dueDate: string }).dueDate : '';

    expect((await call('settings.loadHolidays', { text: JSON.stringify(table2027) })).ok).toBe(true);
    const second = await call('applications.create', { record: recordFor('NEW_LVR', 'LVR', 6, '2027-09-30') });
    expect(second.ok).toBe(true);
    const dueAfter = second.ok ? (second.value as { dueDate: string }).dueDate : '';
    // 1 working day after Thursday 2027-09-30: Friday 10-01 by weekdays only, 10-08 with the 国庆节 days off.
    expect([dueBefore, dueAfter]).toEqual(['2027-10-01', '2027-10-08']);

    const audit = auditEntriesOf(store.ctx().db, 'settings', 'calendar.holidays.2027');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'settings.loadHolidays',
      diff: { 'daysOff.2027-10-01': { before: null, after: '国庆节' } },
    });
  });

  it('is in force at once when another connection (the CLI, a second window) loads it', async () => {
    store.setNow('2027-09-30T01:00:00Z');
    const ctx = store.ctx('admin');
    expect(clockOf(ctx).calendar.isWorkday('2027-10-01')).toBe(true);
    const other = openDatabase(store.file);
    try {
      loadHolidayTable({ ...ctx, db: other }, JSON.stringify(table2027));
    } finally {
      other.close();
    }
    expect(clockOf(ctx).calendar.isWorkday('2027-10-01')).toBe(false);
  });

  it('refuses an invalid table naming the key, nothing stored', async () => {
    const bad = await call('settings.loadHolidays', {
      text: JSON.stringify({ ...table2027, daysOff: { '2027-02-30': '春节' } }),
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    if (!bad.ok) expect(bad.error.message).toContain('daysOff.2027-02-30');
    const view = await call('settings.calendar', { year: 2027 });
    expect(view).toMatchObject({ ok: true, value: { covered: false } });
  });
});

describe('hall', () => {
  it('renames the hall (admin only), audited', async () => {
    expect(await call('hall.update', { name: '新名称' }, 'clerk')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await call('hall.update', { name: '南京江宁供电营业厅' })).toMatchObject({
      ok: true,
      value: { code: 'NJ0101', name: '南京江宁供电营业厅' },
    });
    expect(await call('hall.get', {}, 'clerk')).toMatchObject({ ok: true, value: { name: '南京江宁供电营业厅' } });
    expect(auditEntriesOf(store.ctx().db, 'hall', 'NJ0101').map((e) => e.action)).toEqual(['hall.init', 'hall.update']);
  });

  it('reads the document header the documents print (null until set)', async () => {
    expect(await call('settings.documents', {}, 'clerk')).toEqual({ ok: true, value: null });
    const header = {
      utilityName: '国网南京供电公司',
      address: '南京市江宁区竹山路 1 号',
      phone: '025-52100000',
      contact: '赵管理',
      hotline: '95598',
    };
    expect((await call('documents.settings', header)).ok).toBe(true);
    expect(await call('settings.documents', {}, 'clerk')).toEqual({ ok: true, value: header });
  });
});
