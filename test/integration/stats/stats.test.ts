/** 流程分析、模拟分析、预测 over a real hall database filled by `yekuo demo`, through the handler table. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/ipc/dispatch';
import { runDemo } from '../../../main/services/demo/runDemo';
import type { ExportedFile } from '../../../shared/api/batch';
import type { ForecastReport, ProcessReport, SimulationResult } from '../../../shared/api/stats';
import {
  connectionTable,
  forecastHistoryTable,
  forecastTable,
  stageTable,
  transitionTable,
} from '../../../shared/stats/tables';
import { openStore, type Store } from '../store/storeFixture';

const END = '2026-11-27T08:00:00Z';

describe('统计与风险 stats over demo data', () => {
  let store: Store;
  beforeAll(() => {
    store = openStore();
    // Three years, so the forecast has two seasons to fit and a year to back-test on.
    runDemo(store.ctx(), { count: 700, seed: 3, endDate: new Date(END), days: 3 * 365 });
    store.setNow(END);
  }, 120_000);
  afterAll(() => store.close());

  const call = async <T>(channel: Parameters<typeof dispatch>[1], input: unknown, role = 'supervisor' as const) => {
    const result = await dispatch(store.ctx(role), channel, input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as T;
  };

  it('accounts for every stage event of the period in the stage table and the map', async () => {
    const report = await call<ProcessReport>('stats.process', {});
    const db = store.ctx().db;
    expect(report.applications).toBe(db.prepare('SELECT count(*) FROM applications').pluck().get());
    const moves = db
      .prepare("SELECT count(*) FROM stage_events WHERE action IN ('advance', 'return')")
      .pluck()
      .get() as number;
    expect(report.map.edges.reduce((sum, e) => sum + e.count, 0)).toBe(moves);
    const returns = db
      .prepare("SELECT count(DISTINCT application_id) FROM stage_events WHERE action = 'return'")
      .pluck()
      .get() as number;
    expect(returns).toBeGreaterThan(0);
    expect(report.returningShare).toBeCloseTo(returns / report.applications, 3);
    const accept = report.stages.find((s) => s.stage === 'ACCEPT');
    // Demo acceptances wait for deferred papers now and then: waiting time is there, and only at 受理.
    expect(accept?.waitingShare).toBeGreaterThan(0);
    const works = report.stages.find((s) => s.stage === 'CUSTOMER_WORKS');
    expect(works?.customerTime).toBe(true);
    expect(works?.medianDays).toBeGreaterThan(accept?.medianDays ?? 0);
    const lvr = report.connection.find((c) => c.timeLimitClass === 'LVR');
    expect(lvr).toMatchObject({ promisedDays: 5, promisedSteps: 2 });
    expect(lvr?.connected).toBeGreaterThan(0);
  });

  it('filters by period, business type and class', async () => {
    const all = await call<ProcessReport>('stats.process', {});
    const part = await call<ProcessReport>('stats.process', {
      from: '2026-01-01',
      to: '2026-06-30',
      businessTypes: ['NEW_HV', 'INC_HV'],
      timeLimitClasses: ['HV_SINGLE'],
    });
    expect(part.applications).toBeGreaterThan(0);
    expect(part.applications).toBeLessThan(all.applications / 10);
    expect(part.connection.filter((c) => c.connected > 0).map((c) => c.timeLimitClass)).toEqual(['HV_SINGLE']);
  });

  it('reproduces the observed median when nothing changes, and is the same for the same seed', async () => {
    // Whole working days: the resampled median falls between 8 and 9 against an observed 9 on this hall, so about
    // one seed in four puts the interval at [8, 8], the old pick from application lists as this weighted one.
    const none = await call<SimulationResult>('stats.simulate', { scenario: 'none', runs: 5000, seed: 2 });
    expect(none.baseline.medianCi[0]).toBeLessThanOrEqual(none.observed.median);
    expect(none.baseline.medianCi[1]).toBeGreaterThanOrEqual(none.observed.median);
    const clerk = await call<SimulationResult>('stats.simulate', { scenario: 'extra-clerk', runs: 5000, seed: 9 });
    expect(clerk.change.median).toBeLessThanOrEqual(0);
    expect(await call<SimulationResult>('stats.simulate', { scenario: 'extra-clerk', runs: 5000, seed: 9 })).toEqual(
      clerk,
    );
  });

  it('forecasts the next three months per group with both back-test errors', async () => {
    const report = await call<ForecastReport>('stats.forecast', {});
    expect(report.months[0]).toBe('2023-11');
    expect(report.months.at(-1)).toBe('2026-10');
    expect(report.forecastMonths).toEqual(['2026-11', '2026-12', '2027-01']);
    const fresh = report.groups.find((g) => g.group === 'NEW');
    expect(fresh?.forecast).toHaveLength(3);
    expect(fresh?.mape['holt-winters']).not.toBeNull();
    expect(fresh?.mape['seasonal-naive']).not.toBeNull();
    expect(fresh?.method).toMatch(/holt-winters|seasonal-naive/);
  });

  it("exports each chart's data as .xlsx that reads back as the tables on the page, the filter applied", async () => {
    const read = async (file: ExportedFile) => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Uint8Array.from(Buffer.from(file.base64, 'base64')).buffer);
      return Object.fromEntries(
        book.worksheets.map((sheet) => [
          sheet.name,
          sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? [row.slice(1).map(String)] : [])),
        ]),
      );
    };
    const filter = { from: '2026-01-01', to: '2026-06-30', timeLimitClasses: ['HV_SINGLE'] };
    const report = await call<ProcessReport>('stats.process', filter);
    const process = await call<ExportedFile>('stats.exportXlsx', { table: 'process', filter });
    expect(process.fileName).toBe('流程分析-2026-11-27.xlsx');
    const sheets = await read(process);
    for (const table of [stageTable(report), connectionTable(report), transitionTable(report)]) {
      expect(sheets[table.title]).toEqual([table.headers, ...table.rows]);
    }
    // The filter is applied: the whole history has more applications in its tables than the first half of 2026.
    const all = await call<ProcessReport>('stats.process', {});
    expect(stageTable(all).rows).not.toEqual(stageTable(report).rows);

    const forecast = await call<ForecastReport>('stats.forecast', {});
    const book = await read(await call<ExportedFile>('stats.exportXlsx', { table: 'forecast' }));
    for (const table of [forecastTable(forecast), forecastHistoryTable(forecast)]) {
      expect(book[table.title]).toEqual([table.headers, ...table.rows]);
    }
  });

  it('refuses clerks and names a bad field in Chinese', async () => {
    const clerk = await dispatch(store.ctx('clerk'), 'stats.process', {});
    expect(clerk).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const bad = await dispatch(store.ctx(), 'stats.simulate', { scenario: 'teleport', runs: 10 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/模拟方案|模拟次数/);
    const dates = await dispatch(store.ctx(), 'stats.process', { from: '2026-05-01', to: '2026-04-01' });
    if (!dates.ok) expect(dates.error.message).toContain('受理日期起不能晚于受理日期止');
    expect(dates.ok).toBe(false);
  });
});
