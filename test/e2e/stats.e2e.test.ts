/**
 * 统计与风险 as a supervisor on three years of demo data: 流程分析 (process map, stage chart and tables, a
 * simulation with its assumptions) and 预测 (chart, back-test errors) render, are axe-clean, export .xlsx; a
 * clerk sees the notice instead. Screenshots at 1366×768 in test/e2e/artifacts/stats-*.png.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShellPage } from './pages/ShellPage';
import { seriousA11yViolations } from './support/axe';
import { saveChartAsPng } from './support/charts';
import { artifactPath, launchChromium } from './support/browser';
import { CLI_AS_ADMIN } from './support/cli';
import { signedInPage } from './support/page';
import { SUPPORT_ADMIN_ID, startHarness, type Harness } from './support/harness';
import { rpc } from './support/rpc';
import { E2E_PASSWORD, signInHttp } from './support/session';

const bin = path.resolve(import.meta.dirname, '../../bin/yekuo.mjs');

describe('统计与风险', () => {
  let harness: Harness;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    // This harness never looks for a changed calendar while the tests run, so 按旧日历统计 stays until a second
    // harness with the default look rebuilds the tally.
    [harness, browser] = await Promise.all([
      startHarness({ role: 'supervisor', name: '王建国', tallyCheckMs: 3_600_000 }),
      launchChromium(),
    ]);
    const cli = (...args: string[]) =>
      execFileSync(process.execPath, [bin, '--data', harness.dataDir, ...args], { env: CLI_AS_ADMIN });
    cli('init', '--hall-code', 'NJ0101', '--hall-name', '南京江宁营业厅');
    // Three years, so the forecast has seasons to fit and a year to back-test on.
    cli('demo', '--count', '500', '--days', '1095', '--seed', '4');
    page = await signedInPage(browser, harness);
    const shell = new ShellPage(page);
    await shell.open(harness.url);
    await shell.go('统计与风险');
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  it('流程分析: process map, stage table, 获得电力 and a simulation with its assumptions', async () => {
    await page.getByRole('tab', { name: '流程分析' }).click();
    await page.getByTestId('process-map').locator('canvas').waitFor();
    const stages = page.getByTestId('stage-table');
    await stages.getByRole('cell', { name: '业务受理', exact: true }).waitFor();
    expect(await stages.locator('tbody tr').count()).toBeGreaterThan(5);
    expect(await page.getByTestId('connection-table').locator('tbody tr').count()).toBe(4);
    expect(await page.getByTestId('process-summary').textContent()).toMatch(/申请 \d+ 件，曾退回 [\d.]+%/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('stats-process.png') });

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 Excel' }).click();
    expect((await download).suggestedFilename()).toMatch(/^流程分析-\d{4}-\d{2}-\d{2}\.xlsx$/);
    // Each chart saves as a PNG from its 保存为图片 icon.
    expect(await saveChartAsPng(page, page.getByTestId('process-map'))).toEqual({ fileName: '流程图.png', png: true });
    expect(await saveChartAsPng(page, page.getByTestId('stage-chart'))).toEqual({
      fileName: '环节停留工作日.png',
      png: true,
    });

    await page.getByTestId('simulate').click();
    const result = page.getByTestId('simulation-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('现场勘查并入受理');
    expect(await result.textContent()).toContain('置信区间');
    expect(await result.locator('li').count()).toBeGreaterThan(3);
    await result.scrollIntoViewIfNeeded();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('stats-simulation.png') });
  });

  it('filters by class: only high-voltage single-source connections are measured', async () => {
    // antd's Select opens on its selector; the combobox input inside it is covered by the placeholder.
    await page.getByTestId('stats-filters').locator('.ant-select').nth(1).click();
    // The visible items; antd's role=option elements are a hidden list for screen readers.
    await page.locator('.ant-select-item-option', { hasText: '高压单电源' }).click();
    await page.keyboard.press('Escape');
    const rows = page.getByTestId('connection-table').locator('tbody tr');
    await expect
      .poll(
        async () => (await rows.allTextContents()).filter((t) => /^(低压居民|低压非居民|高压双电源)0/.test(t)).length,
      )
      .toBe(3);
  });

  it('filters by 受理日期 typed as YYYY-MM-DD and by business type: the page counts what the service counts', async () => {
    await page.getByRole('tab', { name: '预测' }).click();
    await page.getByRole('tab', { name: '流程分析' }).click();
    const summary = page.getByTestId('process-summary');
    const counted = async () => Number((await summary.textContent())!.match(/申请 (\d+) 件/)![1]);
    const expected = async (filter: object) =>
      (await rpc<{ applications: number }>(harness.url, 'stats.process', filter)).applications;
    await summary.waitFor();
    const whole = await counted();
    expect(whole).toBe(await expected({}));

    const from = page.getByLabel('受理日期起');
    await from.fill('2026-01-01');
    await page.getByLabel('受理日期止').fill('2026-06-30');
    const period = await expected({ from: '2026-01-01', to: '2026-06-30' });
    expect(period).toBeLessThan(whole);
    await expect.poll(counted).toBe(period);
    // A half-typed date is marked with its format and leaves the last filter in force.
    await from.fill('2026-13');
    expect(await from.getAttribute('title')).toBe('受理日期起应为 YYYY-MM-DD 格式的日期，例如 2026-01-01');
    expect(await counted()).toBe(period);
    await from.fill('2026-01-01');

    await page.getByTestId('stats-filters').locator('.ant-select').nth(0).click();
    await page.locator('.ant-select-item-option', { hasText: '高压新装' }).click();
    await page.keyboard.press('Escape');
    const hv = await expected({ from: '2026-01-01', to: '2026-06-30', businessTypes: ['NEW_HV'] });
    expect(hv).toBeGreaterThan(0);
    expect(hv).toBeLessThan(period);
    await expect.poll(counted).toBe(hv);
    await page.locator('.ant-select-dropdown').waitFor({ state: 'hidden' });
    await page.screenshot({ path: artifactPath('stats-process-filtered.png') });
  });

  it('预测: chart, forecast for three months and both back-test errors', async () => {
    await page.getByRole('tab', { name: '预测' }).click();
    await page.getByTestId('forecast-chart').locator('canvas').waitFor();
    const table = page.getByTestId('forecast-table');
    await table.getByRole('cell', { name: '新装', exact: true }).waitFor();
    const headers = await table.locator('thead th').allTextContents();
    expect(headers).toEqual(expect.arrayContaining(['业务组', '采用方法', 'Holt-Winters MAPE', '季节朴素 MAPE']));
    expect(await table.textContent()).toMatch(/\d+(\.\d)?%/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('stats-forecast.png') });
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 Excel' }).click();
    expect((await download).suggestedFilename()).toMatch(/^业务量预测-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(await saveChartAsPng(page, page.getByTestId('forecast-chart'))).toEqual({
      fileName: '业务量预测.png',
      png: true,
    });
  });

  it('流程分析 after an administrator loads a holiday table: 按旧日历统计 until the background rebuild, then gone', async () => {
    // As the hall's administrator (seeded beside the supervisor): the 系统设置 › 节假日 channel.
    await signInHttp(harness.url, { id: SUPPORT_ADMIN_ID, password: E2E_PASSWORD });
    const notice = page.getByTestId('process-recalculating');
    /** Opens 流程分析 afresh (the tabs unmount when hidden) and waits for its report. */
    const openProcess = async () => {
      await page.getByRole('tab', { name: '预测' }).click();
      await page.getByRole('tab', { name: '流程分析' }).click();
      await page.getByTestId('process-summary').waitFor();
    };
    await openProcess();
    expect(await notice.count()).toBe(0);
    const table = { year: 2027, source: '测试用 2027 年节假日安排', daysOff: { '2027-01-01': '元旦' }, workdays: {} };
    await rpc(harness.url, 'settings.loadHolidays', { text: JSON.stringify(table) });
    await openProcess();
    expect(await notice.textContent()).toContain('按旧日历统计，正在按新的节假日日历重算');
    expect(await notice.textContent()).toContain('重算在后台进行，完成后刷新即可');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('stats-process-recalculating.png') });
    // A harness with the default look (every 5 s) on the same folder rebuilds the tally in the background; then
    // 流程分析 counts in the new calendar and says nothing more.
    const rebuilder = await startHarness({ role: 'admin', dataDir: harness.dataDir });
    try {
      await expect
        .poll(
          async () => {
            await openProcess();
            return notice.count();
          },
          { timeout: 30_000, interval: 1_000 },
        )
        .toBe(0);
    } finally {
      await rebuilder.stop();
    }
    await page.getByTestId('process-map').locator('canvas').waitFor();
  });

  it('shows a clerk a notice instead of the tabs', async () => {
    const clerk = await startHarness({ role: 'clerk', name: '李娜', dataDir: harness.dataDir });
    try {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
      const clerkPage = await context.newPage();
      await clerk.signIn(clerkPage);
      const shell = new ShellPage(clerkPage);
      await shell.open(clerk.url);
      await shell.go('统计与风险');
      await clerkPage.getByText('统计与风险仅供班长/审核员和系统管理员使用。').waitFor();
      expect(await clerkPage.getByRole('tab').count()).toBe(0);
      await context.close();
    } finally {
      await clerk.stop();
    }
  });
});
