import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { dispatch } from '../../../main/ipc/dispatch';
import { verifyAudit } from '../../../main/services/audit';
import { addDemoCustomers } from '../../../main/services/demo/demoCustomers';
import { runDemo } from '../../../main/services/demo/runDemo';
import { allApplicationFacts } from '../../../main/db/repositories/portraitRepo';
import { suggestionInForce, thresholdsInForce, toFact } from '../../../main/services/portrait/suggestionsInForce';
import { deriveSuggestions } from '../../../shared/stats/suggestions';
import { clockOf } from '../../../main/services/clock';
import type { Channel } from '../../../shared/api/contract';
import type {
  CustomerMatch,
  CustomerPortrait,
  DerivedSuggestion,
  LeadsPage,
  Suggestion,
  SuggestionKind,
} from '../../../shared/api/portrait';
import { SUGGESTION_KINDS } from '../../../shared/api/portrait';
import type { ExportedFile } from '../../../shared/api/batch';
import type { ApplicationInput } from '../../../shared/domain/application';
import { maskIdNumber } from '../../../shared/domain/masking';
import { openStore, type Store } from '../store/storeFixture';

let store: Store;
const END = new Date('2026-11-27T00:00:00Z');

beforeAll(() => {
  store = openStore({ now: '2026-11-27T02:00:00Z' });
  runDemo(store.ctx(), { count: 200, seed: 5, endDate: END, days: 365 });
  expect(addDemoCustomers(store.ctx(), END).created).toBe(21);
  // Once per hall: a second run adds nothing.
  expect(addDemoCustomers(store.ctx(), END).created).toBe(0);
}, 600_000);
afterAll(() => store.close());

async function call<T>(channel: Channel, input: unknown, role: 'supervisor' | 'admin' | 'clerk' = 'supervisor') {
  const result = await dispatch(store.ctx(role), channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

const customerNamed = async (name: string) => {
  const [match] = await call<CustomerMatch[]>('portrait.search', { query: name });
  expect(match?.name).toBe(name);
  return call<CustomerPortrait>('portrait.get', { customerId: match!.id });
};

const kinds = (list: readonly Suggestion[]) => [...new Set(list.map((s) => s.kind))].sort();

describe('客户画像 on demo data (real store)', () => {
  it('shows one customer: applications newest first, capacity history, time taken, tariff, industry', async () => {
    const p = await customerNamed('金陵精密机械有限公司（演示）');
    expect(p.customer).toMatchObject({ kind: 'ORG', legalRep: '陈志强' });
    expect(p.applications.map((a) => [a.businessType, a.status])).toEqual([
      ['INC_LVN', 'ACTIVE'],
      ['INC_LVN', 'ARCHIVED'],
      ['NEW_LVN', 'ARCHIVED'],
    ]);
    expect(p.capacityHistory.map((c) => [c.before, c.after, c.unit])).toEqual([
      [null, 50, 'kW'],
      [50, 100, 'kW'],
      [100, 150, 'kW'],
    ]);
    // Archived applications took working days from acceptance to archiving; none took zero.
    for (const a of p.applications.filter((x) => x.status === 'ARCHIVED')) expect(a.workdays).toBeGreaterThan(0);
    expect(p.accounts.map((a) => a.accountNo)).toEqual(['3201880301']);
    expect(p.tariff.category).toBe('COMMERCIAL_INDUSTRIAL');
    expect(p.industryCode).toBe('C3411');
    expect(kinds(p.suggestions)).toEqual(['ENERGY_SERVICE', 'HV_PLANNING', 'LEAD_ADDRESS', 'LEAD_LEGAL_REP']);
    const hv = p.suggestions.find((s) => s.kind === 'HV_PLANNING')!;
    expect(hv.values).toMatchObject({ '现有容量(kW)': 150, '低压上限(kW)': 160, 占比: '94%' });
    expect(hv.reason).toContain('150 kW');
    const growth = p.suggestions.find((s) => s.kind === 'ENERGY_SERVICE')!;
    expect(growth.values).toMatchObject({ 连续增容次数: 2, 容量变化: '50 → 100 → 150 kW' });
    expect(growth.applications).toEqual(
      p.applications
        .slice(0, 2)
        .map((a) => a.number)
        .reverse(),
    );
    const rep = p.suggestions.find((s) => s.kind === 'LEAD_LEGAL_REP')!;
    expect(rep.customers.map((c) => c.name)).toEqual(['金陵精密电子有限公司（演示）', '金陵精密机械有限公司（演示）']);
  });

  it('finds a customer by ID number, 户号 and application number as well as by name', async () => {
    const p = await customerNamed('南京永华纺织有限公司（演示）');
    for (const query of [p.customer.idNumber, '3201990907', p.applications[0]!.number]) {
      expect((await call<CustomerMatch[]>('portrait.search', { query })).map((m) => m.id)).toEqual([p.customer.id]);
    }
    // The matches are a list: ID numbers masked there, whole in the portrait.
    const [match] = await call<CustomerMatch[]>('portrait.search', { query: p.customer.idNumber });
    expect(match!.idNumber).toBe(maskIdNumber(p.customer.idNumber));
    expect(match!.idNumber).not.toBe(p.customer.idNumber);
    expect(p.suggestions.map((s) => [s.kind, s.values['12个月内暂停次数']])).toEqual([['DEMAND_BILLING', 2]]);
    expect(p.tariff).toEqual({
      category: 'COMMERCIAL_INDUSTRIAL',
      structure: 'TWO_PART',
      capacityChargeBasis: 'CAPACITY',
    });
  });

  it('shows a 暂停恢复 and a 减容恢复 as a return to the capacity before the cut, after it and within its period', async () => {
    const mill = await customerNamed('南京永华纺织有限公司（演示）');
    expect(mill.capacityHistory.map((c) => [c.businessType, c.before, c.after, c.unit])).toEqual([
      ['SUS', 1260, 630, 'kVA'],
      ['SUS_RESTORE', 630, 1260, 'kVA'],
      ['SUS', 1260, 630, 'kVA'],
    ]);
    const bricks = await customerNamed('南京金石新型建材有限公司（演示）');
    expect(bricks.capacityHistory.map((c) => [c.businessType, c.before, c.after])).toEqual([
      ['RED', 3000, 2000],
      ['RED_RESTORE', 2000, 3000],
    ]);
    // Each 恢复 is archived, applied after its cut took effect and effective before the cut's planned end.
    type Dated = Pick<ApplicationInput, 'applicationDate' | 'effectiveDate' | 'endDate' | 'existing'>;
    const records = store
      .ctx()
      .db.prepare<[string, string], { business_type: string; status: string; record_json: string }>(
        `SELECT business_type, status, record_json FROM applications WHERE customer_name IN (?, ?)
         ORDER BY customer_name, application_date`,
      )
      .all('南京永华纺织有限公司（演示）', '南京金石新型建材有限公司（演示）')
      .map((r) => ({ type: r.business_type, status: r.status, ...(JSON.parse(r.record_json) as Dated) }));
    for (const [i, restore] of records.entries()) {
      if (!restore.type.endsWith('_RESTORE')) continue;
      const cut = records[i - 1]!;
      expect(restore.status).toBe('ARCHIVED');
      expect(restore.applicationDate > cut.effectiveDate!).toBe(true);
      expect(restore.existing?.lastSuspensionDate ?? restore.existing?.lastReductionDate).toBe(cut.effectiveDate);
      if (cut.endDate) expect(restore.effectiveDate! <= cut.endDate).toBe(true);
    }
    expect(records.filter((r) => r.type.endsWith('_RESTORE'))).toHaveLength(2);
    // Accepted in date order: the newest application of an account is the last one, as the 户号 lookup reads it.
    const dates = store
      .ctx()
      .db.prepare<[], string>(
        `SELECT application_date FROM applications WHERE account_no IN ('3201990907', '3201770516', '3201660218')
         ORDER BY id`,
      )
      .pluck()
      .all();
    expect(dates).toHaveLength(9);
    expect(dates).toEqual([...dates].sort());
  });

  it('lists every suggestion kind the issue names across the hall, each with its reason and data', async () => {
    const page = await call<LeadsPage>('portrait.leads', { limit: 500 });
    const expected: SuggestionKind[] = [
      'DEMAND_BILLING',
      'ENERGY_SERVICE',
      'EV_PV',
      'HV_PLANNING',
      'LEAD_ADDRESS',
      'LEAD_LEGAL_REP',
      'PERMANENT_SUPPLY',
    ];
    expect(kinds(page.items)).toEqual(expect.arrayContaining(expected));
    for (const s of page.items) {
      expect(s.reason.length).toBeGreaterThan(10);
      expect(Object.keys(s.values).length).toBeGreaterThan(0);
      expect(s.status).toBe('open');
    }
    const compound = page.items.find((s) => s.kind === 'EV_PV' && s.subject.includes('翠湖新苑'))!;
    expect(compound.values).toMatchObject({ 地址前缀: '江苏省南京市江宁区翠湖新苑', 新装户数: 6 });
    const site = page.items.find((s) => s.kind === 'PERMANENT_SUPPLY' && s.subject.includes('胜太路200号'))!;
    expect(site.values).toMatchObject({ 临时用电次数: 2 });
    expect(site.applications).toHaveLength(2);
  });

  it("stores exactly the whole hall's derivation: the list, each customer's suggestions and each suggestion", async () => {
    const db = store.ctx().db;
    const today = clockOf(store.ctx()).today;
    const customerIds = db.prepare('SELECT id FROM customers ORDER BY id').pluck().all() as number[];
    const byKey = (list: DerivedSuggestion[]) =>
      [...list].sort((a, b) => a.kind.localeCompare(b.kind) || a.subject.localeCompare(b.subject));
    // Also with looser thresholds, under which every kind arises (the industry cluster too).
    const loose = { portrait: { industryClusterMin: 2, compoundMinCustomers: 2 } };
    for (const [profile, kindsExpected] of [
      [{}, 7],
      [loose, SUGGESTION_KINDS.length],
    ] as const) {
      await call('settings.loadProfile', { text: JSON.stringify(profile) }, 'admin');
      const hall = await call<LeadsPage>('portrait.leads', { limit: 500 });
      expect(hall.total).toBeLessThanOrEqual(500);
      expect(kinds(hall.items)).toHaveLength(kindsExpected);
      const whole = deriveSuggestions(allApplicationFacts(db).map(toFact), thresholdsInForce(db), today);
      expect(byKey(hall.items.map(({ status: _s, statusReason: _r, statusBy: _b, statusAt: _a, ...d }) => d))).toEqual(
        byKey(whole),
      );
      for (const customerId of customerIds) {
        const p = await call<CustomerPortrait>('portrait.get', { customerId });
        expect(p.suggestions, `customer ${customerId}`).toEqual(
          hall.items.filter((s) => s.customers.some((c) => c.id === customerId)),
        );
      }
      for (const s of hall.items) expect(suggestionInForce(db, s.kind, s.subject)).toEqual(s);
    }
    await call('settings.loadProfile', { text: '{}' }, 'admin');
  });

  it('records outcomes in one audited change each, with change_seq, and shows acceptance per kind', async () => {
    const p = await customerNamed('金陵精密机械有限公司（演示）');
    const hv = p.suggestions.find((s) => s.kind === 'HV_PLANNING')!;
    const growth = p.suggestions.find((s) => s.kind === 'ENERGY_SERVICE')!;
    const seqBefore = store.ctx().db.prepare('SELECT seq FROM change_counter').pluck().get() as number;

    const contacted = await call<Suggestion>('portrait.setStatus', {
      kind: 'HV_PLANNING',
      subject: hv.subject,
      status: 'contacted',
    });
    expect(contacted).toMatchObject({ status: 'contacted', statusBy: '王建国' });
    await call('portrait.setStatus', { kind: 'HV_PLANNING', subject: hv.subject, status: 'accepted' }, 'admin');
    await call('portrait.setStatus', {
      kind: 'ENERGY_SERVICE',
      subject: growth.subject,
      status: 'declined',
      reason: '客户已委托第三方能效公司',
    });

    const db = store.ctx().db;
    const rows = db.prepare('SELECT kind, status, reason, change_seq FROM suggestion_outcomes ORDER BY id').all() as {
      kind: string;
      status: string;
      reason: string | null;
      change_seq: number;
    }[];
    expect(rows.map((r) => [r.kind, r.status, r.reason])).toEqual([
      ['HV_PLANNING', 'accepted', null],
      ['ENERGY_SERVICE', 'declined', '客户已委托第三方能效公司'],
    ]);
    expect(rows.map((r) => r.change_seq)).toEqual([seqBefore + 2, seqBefore + 3]);
    const audit = db
      .prepare("SELECT user_name, diff_json FROM audit_log WHERE action = 'suggestion.status' ORDER BY id")
      .all() as { user_name: string; diff_json: string }[];
    expect(audit).toHaveLength(3);
    expect(JSON.parse(audit[2]!.diff_json)).toMatchObject({
      status: { before: 'open', after: 'declined' },
      reason: { before: null, after: '客户已委托第三方能效公司' },
    });
    // The audited rows equal the states their entries name.
    expect(verifyAudit(db).ok).toBe(true);

    const page = await call<LeadsPage>('portrait.leads', { status: 'declined' });
    expect(page.items.map((s) => [s.kind, s.statusReason])).toEqual([['ENERGY_SERVICE', '客户已委托第三方能效公司']]);
    const rate = (kind: SuggestionKind) => page.rates.find((r) => r.kind === kind)!;
    const all = await call<LeadsPage>('portrait.leads', { limit: 500 });
    const openHv = all.items.filter((s) => s.kind === 'HV_PLANNING' && s.status === 'open').length;
    expect(openHv).toBe(all.items.filter((s) => s.kind === 'HV_PLANNING').length - 1);
    expect(rate('HV_PLANNING')).toMatchObject({
      open: openHv,
      contacted: 0,
      accepted: 1,
      declined: 0,
      acceptanceRate: 1,
    });
    expect(rate('ENERGY_SERVICE')).toMatchObject({ accepted: 0, declined: 1, acceptanceRate: 0 });
    expect(rate('EV_PV').acceptanceRate).toBeNull();
  });

  it('refuses a decline without a reason, an unknown suggestion, the same status twice, and clerks', async () => {
    const noReason = await dispatch(store.ctx(), 'portrait.setStatus', {
      kind: 'EV_PV',
      subject: 'prefix:江苏省南京市江宁区翠湖新苑',
      status: 'declined',
    });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(JSON.stringify(noReason)).toContain('标为“不适用”时须填写理由');

    const unknown = await dispatch(store.ctx(), 'portrait.setStatus', {
      kind: 'EV_PV',
      subject: 'prefix:不存在的小区',
      status: 'contacted',
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    const p = await customerNamed('金陵精密机械有限公司（演示）');
    const hv = p.suggestions.find((s) => s.kind === 'HV_PLANNING')!;
    const same = await dispatch(store.ctx(), 'portrait.setStatus', {
      kind: 'HV_PLANNING',
      subject: hv.subject,
      status: 'accepted',
    });
    expect(same).toMatchObject({ ok: false, error: { code: 'ILLEGAL_STATE', message: '该建议已是“客户有意向”。' } });

    for (const channel of ['portrait.search', 'portrait.leads', 'portrait.setStatus'] as const) {
      const refused = await dispatch(store.ctx('clerk'), channel, { query: '金陵' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('exports the portrait and the leads as .xlsx workbooks that read back', async () => {
    const p = await customerNamed('金陵精密机械有限公司（演示）');
    const file = await call<ExportedFile>('portrait.exportXlsx', { customerId: p.customer.id });
    expect(file.fileName).toBe('客户画像-金陵精密机械有限公司（演示）-2026-11-27.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Uint8Array.from(Buffer.from(file.base64, 'base64')).buffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['申请记录', '容量变化', '营销建议', '风险标记']);
    expect(book.getWorksheet('容量变化')!.getRow(4).values).toEqual([
      undefined,
      p.capacityHistory[2]!.date,
      p.capacityHistory[2]!.number,
      '低压非居民增容',
      '100',
      '150',
      'kW',
    ]);

    const leads = await call<ExportedFile>('portrait.exportXlsx', {});
    const leadsBook = new ExcelJS.Workbook();
    await leadsBook.xlsx.load(Uint8Array.from(Buffer.from(leads.base64, 'base64')).buffer);
    expect(leadsBook.worksheets.map((w) => w.name)).toEqual(['建议与潜在客户', '建议采纳情况']);
    const all = await call<LeadsPage>('portrait.leads', { limit: 500 });
    expect(leadsBook.getWorksheet('建议与潜在客户')!.rowCount).toBe(all.total + 1);
  });

  it('follows the thresholds of the province profile in force (portrait.*)', async () => {
    const kindsInForce = async () => kinds((await call<LeadsPage>('portrait.leads', { limit: 500 })).items);
    expect(await kindsInForce()).toContain('EV_PV');
    const stricter = { portrait: { compoundMinCustomers: 50 } };
    expect(await call('settings.loadProfile', { text: JSON.stringify(stricter) }, 'admin')).toMatchObject({
      profile: stricter,
    });
    expect(await kindsInForce()).not.toContain('EV_PV');
    await call('settings.loadProfile', { text: '{}' }, 'admin');
    expect(await kindsInForce()).toContain('EV_PV');
  });
});
