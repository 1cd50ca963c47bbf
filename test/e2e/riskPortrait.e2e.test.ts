/**
 * 统计与风险 › 风险 and 客户画像 as a supervisor on demo data: risk flags with evidence, one closed with a reason;
 * a customer's portrait (capacity chart, suggestions with reasons, applications with time taken), a suggestion
 * followed up (已推荐, then 不适用 with a reason), the hall's leads with the acceptance rate, .xlsx downloads.
 * Axe-clean; a clerk gets neither the page nor the channels. Screenshots at 1366×768 in test/e2e/artifacts/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationDetailPage } from './pages/ApplicationDetailPage';
import { ShellPage } from './pages/ShellPage';
import { animationsDone, transitionsSettled } from './support/animations';
import { seriousA11yViolations } from './support/axe';
import { saveChartAsPng } from './support/charts';
import { artifactPath, launchChromium } from './support/browser';
import { initHall, yekuo } from './support/cli';
import { startHarness, type Harness } from './support/harness';
import { signedInPage } from './support/page';
import { cookieOf, postRpc } from './support/session';

const WORKSHOP = '金陵精密机械有限公司（演示）';

/** Picks an option of an antd Segmented by its visible label (its radio input is hidden under the label). */
const segment = (page: Page, label: string) =>
  page.locator('.ant-segmented-item', { hasText: new RegExp(`^${label.replace(/[()（）]/g, '.')}$`) }).click();

describe('统计与风险 › 风险 and 客户画像', () => {
  let harness: Harness;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [harness, browser] = await Promise.all([startHarness({ role: 'supervisor', name: '王建国' }), launchChromium()]);
    initHall(harness.dataDir, { code: 'NJ0101', name: '南京江宁营业厅' });
    yekuo(harness.dataDir, 'demo', '--count', '300', '--seed', '11');
    page = await signedInPage(browser, harness);
    const shell = new ShellPage(page);
    await shell.open(harness.url);
    await shell.go('统计与风险');
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  it('风险: flags with evidence and links; one closed with a reason moves to 已关闭', async () => {
    await page.getByRole('tab', { name: '风险' }).click();
    const flags = page.getByTestId('risk-flags');
    await flags.locator('tbody tr a').first().waitFor();
    const openTotal = Number((await page.getByTestId('risk-open-total').textContent())!.match(/\d+/)![0]);
    expect(openTotal).toBeGreaterThan(5);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('risk-tab.png') });

    await flags
      .getByRole('button', { name: /^关闭风险标记 \d+$/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/关闭理由/).fill('已电话核实，属正常业务');
    await dialog.getByRole('button', { name: '关闭标记' }).click();
    await expect
      .poll(async () => Number((await page.getByTestId('risk-open-total').textContent())!.match(/\d+/)![0]), {
        timeout: 15_000,
      })
      .toBe(openTotal - 1);
    await segment(page, '已关闭');
    await flags.getByText('已电话核实，属正常业务').waitFor();
  });

  it('风险概览: open flags per detector by stage; a detector filters the list, a second click shows all again', async () => {
    const overview = page.getByTestId('risk-overview');
    await segment(page, '待处理');
    const button = overview.getByRole('button').last();
    const [, name, count] = (await button.textContent())!.match(/^(.+) (\d+)$/)!;
    await button.click();
    const flags = page.getByTestId('risk-flags');
    await expect
      .poll(() => flags.locator('tbody tr td:first-child').allTextContents())
      .toSatisfy((cells: string[]) => cells.length > 0 && cells.every((cell) => cell.startsWith(name!)));
    await page.getByText(`共 ${count} 条`).waitFor();
    await button.click();
    await expect
      .poll(() => flags.locator('tbody tr td:first-child').allTextContents())
      .toSatisfy((cells: string[]) => cells.some((cell) => !cell.startsWith(name!)));
  });

  it('证据 lists the values in the order and units their detector declares: 工程单位集中 reads 角色, 单位, 承揽数', async () => {
    await segment(page, '待处理');
    const button = page.getByTestId('risk-overview').getByRole('button', { name: /^工程单位集中 \d+$/ });
    await button.click();
    const evidence = page.getByTestId('risk-flags').locator('tbody tr').first().locator('td').nth(2);
    // Stored in key order (单位, 承揽数, 角色), shown in the declared one.
    await expect
      .poll(() => evidence.textContent())
      .toMatch(/角色：(设计单位|施工单位|主要设备供应商)；单位：[^；]+；承揽数：\d+$/);
    await button.click();
  });

  it('a flag naming more applications than its evidence lists shows them all in a dialog, a page at a time', async () => {
    const overview = page.getByTestId('risk-overview');
    await segment(page, '待处理');
    // A clerk's return and correction rate: the demo's busiest clerk has more applications than a flag lists.
    const detector = overview.getByRole('button', { name: /^营业员退回\/更正率偏高 \d+$/ });
    await detector.click();
    const showAll = page
      .getByTestId('risk-flags')
      .getByRole('button', { name: /^查看全部 \d+ 项申请$/ })
      .first();
    const count = Number((await showAll.textContent())!.match(/\d+/)![0]);
    await showAll.click();
    const listed = page.getByTestId('risk-flag-applications');
    await page.getByRole('dialog').getByText(`共 ${count} 项`).waitFor();
    await expect.poll(() => listed.locator('tbody tr a').count()).toBe(Math.min(count, 50));
    // axe reads the colours: not while the dialog still zooms in, half-transparent.
    await animationsDone(page.locator('.ant-modal'));
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('risk-flag-applications.png') });
    await page.keyboard.press('Escape');
    await listed.waitFor({ state: 'detached' });
    await detector.click();
  });

  it('a flag shows on the 风险 tab of its application; the 工作台 counts the open flags and links to them', async () => {
    await page.getByRole('tab', { name: '风险' }).click();
    await segment(page, '待处理');
    const flags = page.getByTestId('risk-flags');
    const row = flags.locator('tbody tr', { has: page.locator('a') }).first();
    await row.waitFor();
    const detector = (await row.locator('td').first().textContent())!.trim();
    const number = (await row.locator('a').first().textContent())!.trim();
    const openTotal = Number((await page.getByTestId('risk-open-total').textContent())!.match(/\d+/)![0]);
    await row.locator('a').first().click();
    const detail = new ApplicationDetailPage(page);
    await detail.stage().waitFor();
    await detail.tab('风险');
    const onDetail = page.getByTestId('risk-flags');
    await onDetail.locator('tbody tr', { hasText: number }).first().waitFor();
    expect(await onDetail.locator('tbody tr td:first-child').allTextContents()).toContain(detector);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('risk-application-tab.png') });

    const shell = new ShellPage(page);
    await shell.go('工作台');
    const count = page.getByTestId('risk-count-link');
    await expect.poll(async () => Number((await count.textContent())!.replace(/\D/g, ''))).toBe(openTotal);
    await page.getByTestId('risk-count').scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('risk-workbench-count.png') });
    await count.click();
    await page.getByRole('tab', { name: '风险', selected: true }).waitFor();
    await flags.locator('tbody tr a').first().waitFor();
  });

  it('客户画像: search, capacity chart, suggestions with reasons and data, applications with time taken', async () => {
    await page.getByRole('tab', { name: '客户画像' }).click();
    await page.getByLabel('查询客户').fill('金陵精密');
    await page.getByRole('button', { name: '查询' }).click();
    // Two customers share the name part: both are listed, one is opened.
    const matches = page.getByTestId('customer-matches');
    await matches.getByRole('link', { name: WORKSHOP }).click();
    await page.getByTestId('capacity-chart').locator('canvas').waitFor();
    const suggestions = page.getByTestId('portrait-suggestions');
    await suggestions.getByText('规划高压接入').waitFor();
    for (const text of ['能效服务/需量管理', '潜在客户：同一法定代表人', '潜在客户：同一地址（园区/楼宇）']) {
      await suggestions.getByText(text, { exact: true }).waitFor();
    }
    expect(await suggestions.textContent()).toContain('为低压接入上限 160 kW（城镇）的 94%');
    expect(await suggestions.textContent()).toContain('容量变化：50 → 100 → 150 kW');
    const applications = page.getByTestId('portrait-applications');
    expect(await applications.locator('tbody tr').count()).toBe(3);
    expect(await applications.locator('thead th').allTextContents()).toContain('用时(工作日)');
    // Off the row just clicked, and after its background has faded back from the hover colour: axe judges the
    // colours of that moment (a link on the selected row read as too faint mid-transition).
    await page.mouse.move(1300, 20);
    await transitionsSettled(matches);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('portrait-customer.png') });
    await page.getByTestId('portrait-suggestions').scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('portrait-suggestions.png'), fullPage: true });

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 Excel' }).click();
    expect((await download).suggestedFilename()).toMatch(
      /^客户画像-金陵精密机械有限公司（演示）-\d{4}-\d{2}-\d{2}\.xlsx$/,
    );
  });

  it('follows a suggestion up: 已推荐, then 不适用 with a reason; the leads list shows it and the rate', async () => {
    const suggestions = page.getByTestId('portrait-suggestions');
    const status = suggestions.getByRole('combobox', { name: '跟进状态：规划高压接入' });
    await status.click({ force: true });
    await page.locator('.ant-select-item-option', { hasText: '已推荐' }).click();
    // Who recorded it, and when, under the status now shown.
    const hvRow = suggestions.locator('tbody tr', { hasText: '规划高压接入' });
    await hvRow.getByText(/^王建国 \d{4}-\d{2}-\d{2}$/).waitFor();
    expect(await hvRow.textContent()).toContain('已推荐');

    // The first status list may still be closing: two lists would both offer 不适用.
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
    await suggestions.getByRole('combobox', { name: '跟进状态：能效服务/需量管理' }).click({ force: true });
    await page.locator('.ant-select-item-option:visible', { hasText: '不适用' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/不适用理由/).fill('客户已委托第三方能效公司');
    await dialog.getByRole('button', { name: '确定' }).click();
    await suggestions.getByText('客户已委托第三方能效公司').waitFor();

    await segment(page, '建议与潜在客户（全厅）');
    const leads = page.getByTestId('leads');
    await leads.locator('tbody tr').first().waitFor();
    const rates = page.getByTestId('suggestion-rates');
    await rates.getByRole('cell', { name: '规划高压接入', exact: true }).waitFor();
    const row = async (kind: string) =>
      (await rates.locator('tbody tr', { hasText: kind }).first().locator('td').allTextContents()).slice(1);
    expect(await row('能效服务/需量管理')).toEqual([expect.any(String), '0', '0', '1', '0%']);
    expect((await row('规划高压接入')).slice(1)).toEqual(['1', '0', '0', '0%']);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('portrait-leads.png') });

    await segment(page, '不适用');
    await leads.getByText('客户已委托第三方能效公司').waitFor();
    expect(await leads.locator('tbody tr').count()).toBe(1);
  });

  it('容量变化: a 暂停恢复 is marked in the tooltip as a return to the capacity before the 暂停; the chart saves as PNG', async () => {
    await page.getByRole('tab', { name: '客户画像' }).click();
    await segment(page, '客户查询');
    await page.getByLabel('查询客户').fill('永华纺织');
    await page.getByRole('button', { name: '查询' }).click();
    const chart = page.getByTestId('capacity-chart');
    await chart.locator('canvas').waitFor();
    const capacity = page.getByTestId('portrait-capacity');
    await capacity.getByRole('cell', { name: '暂停恢复', exact: true }).waitFor();
    // The mill: 原容量 1260 kVA, then 暂停 (1260 → 630 kVA), its 暂停恢复, the next 暂停: four categories on the axis
    // (grid 56 px left, 24 px right), the 恢复 the third.
    const box = (await chart.boundingBox())!;
    const category = (i: number) => box.x + 56 + ((i + 0.5) * (box.width - 80)) / 4;
    // ECharts draws the line in for a second: the screenshot shows it whole.
    await page.waitForTimeout(1_500);
    await page.mouse.move(category(2), box.y + box.height / 2);
    const tooltip = chart.locator('div', { hasText: '（恢复至减容/暂停前的容量）' }).last();
    await tooltip.waitFor();
    expect(await tooltip.textContent()).toMatch(/暂停恢复 \S+630 → 1260 kVA（恢复至减容\/暂停前的容量）/);
    await page.screenshot({ path: artifactPath('portrait-restore-tooltip.png') });
    // The other dates are the 暂停 themselves: no 恢复 mark; before them, the capacity the first one started from.
    await page.mouse.move(category(1), box.y + box.height / 2);
    await expect.poll(() => chart.textContent()).toMatch(/暂停 \S+1260 → 630 kVA/);
    expect(await chart.textContent()).not.toContain('恢复至');
    await page.mouse.move(category(0), box.y + box.height / 2);
    await expect.poll(() => chart.textContent()).toMatch(/\S+ 之前：1260 kVA/);

    expect(await saveChartAsPng(page, chart)).toEqual({
      fileName: '容量变化-南京永华纺织有限公司（演示）.png',
      png: true,
    });
  });

  it('例会打印视图: last month on paper without the menus, axe-clean', async () => {
    await page.getByRole('button', { name: '例会打印视图' }).click();
    const report = page.getByTestId('meeting-report');
    await report.getByTestId('meeting-connection').locator('tbody tr').first().waitFor();
    expect(await report.getByTestId('meeting-summary').textContent()).toMatch(
      /^本月受理 \d+ 件，曾退回 [\d.]+%；待处理风险 \d+ 条；营销建议 \d+ 条。/,
    );
    expect(await report.getByTestId('meeting-risk').locator('tbody tr').count()).toBeGreaterThan(3);
    expect(await report.getByTestId('meeting-forecast').locator('tbody tr').count()).toBe(5);
    expect(await report.getByTestId('meeting-rates').textContent()).toContain('能效服务/需量管理');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(false);
    expect(await page.getByRole('menu').first().isVisible()).toBe(false);
    await page.screenshot({ path: artifactPath('stats-meeting-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: '返回统计与风险' }).click();
    await page.getByRole('tab', { name: '客户画像' }).waitFor();
  });

  it('gives a clerk neither the page nor the portrait channels', async () => {
    const clerk = await startHarness({ role: 'clerk', name: '李娜', dataDir: harness.dataDir });
    try {
      const clerkPage = await signedInPage(browser, clerk);
      const shell = new ShellPage(clerkPage);
      await shell.open(clerk.url);
      await shell.go('统计与风险');
      await clerkPage.getByText('统计与风险仅供班长/审核员和系统管理员使用。').waitFor();
      expect(await clerkPage.getByRole('tab').count()).toBe(0);
      for (const [channel, input] of [
        ['portrait.search', { query: '金陵' }],
        ['portrait.leads', {}],
        ['risk.list', {}],
      ] as const) {
        const { result: refused } = await postRpc(clerk.url, cookieOf(clerk.url), channel, input);
        expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
      await clerkPage.context().close();
    } finally {
      await clerk.stop();
    }
  });
});
