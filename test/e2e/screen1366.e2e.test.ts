/**
 * The workstation at 1366×768 over demo data: 申请查询 fits without horizontal scrolling (the other columns behind
 * a remembered column chooser), the stage bar does not wrap a stage name, and the 工作台 puts the time-critical
 * queues first, five rows each, with 办理中 not repeating them; the main menu stays in view on a long page. Screenshots test/e2e/artifacts/screen1366-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationSummary, Page as ResultPage } from '../../shared/api/applications';
import { ApplicationDetailPage } from './pages/ApplicationDetailPage';
import { QueryPageObject } from './pages/QueryPage';
import { WorkbenchPageObject } from './pages/WorkbenchPage';
import { artifactPath, launchChromium } from './support/browser';
import { yekuo } from './support/cli';
import { signedInPage } from './support/page';
import { startHarness, type Harness } from './support/harness';
import { rpc } from './support/rpc';

const ESSENTIAL = ['申请编号', '户名', '业务类型', '环节', '状态', '时限', '到期日', '联系电话', '经办人', '用电地址'];

describe('the workstation at 1366×768', () => {
  let harness: Harness;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [harness, browser] = await Promise.all([startHarness({ role: 'supervisor', name: '王建国' }), launchChromium()]);
    yekuo(harness.dataDir, 'init', '--hall-code', 'JS0102', '--hall-name', '城西供电营业厅');
    yekuo(harness.dataDir, 'demo', '--count', '300', '--seed', '11');
    page = await signedInPage(browser, harness);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  it('申请查询 shows the essential columns without scrolling sideways; the others are chosen and remembered', async () => {
    const query = new QueryPageObject(page);
    await query.open(harness.url);
    const headers = () => page.getByTestId('application-table').locator('thead th').allTextContents();
    expect((await headers()).filter(Boolean)).toEqual(ESSENTIAL);
    const body = page.getByTestId('application-table').locator('.ant-table-tbody-virtual-holder');
    const overflow = await body.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // Every header ends inside the table's own box (not merely the window: the card clips what passes it).
    const table = (await page.getByTestId('application-table').boundingBox())!;
    for (const th of await page.getByTestId('application-table').locator('thead th').all()) {
      const box = await th.boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(table.x + table.width);
    }
    // The search box's placeholder is not cut off.
    const fits = await page.getByLabel('搜索').evaluate((el) => {
      const input = el as HTMLInputElement;
      const style = getComputedStyle(input);
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = `${style.fontSize} ${style.fontFamily}`;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return { text: context.measureText(input.placeholder).width, room };
    });
    expect(fits.text).toBeLessThanOrEqual(fits.room);
    await page.screenshot({ path: artifactPath('screen1366-query.png') });

    // 列设置: 证件号码 added, kept after a reload, gone again with 恢复默认.
    await page.getByRole('button', { name: '列设置' }).click();
    await page.getByTestId('column-chooser').getByRole('checkbox', { name: '证件号码' }).check();
    await expect.poll(headers).toContain('证件号码');
    await page.screenshot({ path: artifactPath('screen1366-query-columns.png') });
    await query.open(harness.url);
    expect(await headers()).toContain('证件号码');
    await page.getByRole('button', { name: '列设置' }).click();
    await page.getByTestId('column-chooser').getByRole('button', { name: '恢复默认' }).click();
    await expect.poll(async () => (await headers()).filter(Boolean)).toEqual(ESSENTIAL);
  });

  it('the stage bar of a 高压新装 keeps every stage name on one line', async () => {
    const hv = await rpc<ResultPage<ApplicationSummary>>(harness.url, 'applications.list', {
      businessTypes: ['NEW_HV'],
      statuses: ['ACTIVE'],
      limit: 1,
    });
    const number = hv.items[0]!.number;
    await page.goto(`${harness.url}#/app/${encodeURIComponent(number)}`);
    const bar = page.getByTestId('stage-bar');
    await bar.waitFor();
    const titles = bar.locator('.ant-steps-item-title');
    expect(await titles.count()).toBe(11);
    for (const title of await titles.all()) {
      const box = (await title.boundingBox())!;
      expect(box.height).toBeLessThan(30);
      expect(box.x + box.width).toBeLessThanOrEqual(1366);
    }
    await page.screenshot({ path: artifactPath('screen1366-stage-bar.png') });
  });

  it('names people, not staff numbers: 方案版本 shows who drafted and approved', async () => {
    const past = await rpc<ResultPage<ApplicationSummary>>(harness.url, 'applications.list', {
      businessTypes: ['NEW_HV'],
      // Any HV connection past its approved scheme, archived ones included (which stages the demo's draw
      // leaves them at changes with the generator).
      stages: ['CUSTOMER_WORKS', 'COMPLETION_CHECK', 'CONTRACT', 'METER_CONNECT', 'ARCHIVE'],
      limit: 1,
    });
    const number = past.items[0]!.number;
    await page.goto(`${harness.url}#/app/${encodeURIComponent(number)}`);
    await new ApplicationDetailPage(page).tab('供电方案');
    const versions = page.getByRole('table').filter({ hasText: '拟定' });
    await versions.waitFor();
    const text = (await versions.innerText()).replaceAll(/\s+/g, ' ');
    // The demo drafts and approves as the CLI's user web-admin: the table names them, never the staff number.
    expect(text).toContain('测试管理员');
    expect(text).not.toMatch(/\bcli\b|web-/);
  });

  it('工作台 leads with 已超期 and 临期, five rows each, and 办理中 does not repeat them', async () => {
    const workbench = new WorkbenchPageObject(page);
    await workbench.open(harness.url);
    const overdue = page.getByTestId('queue-overdue');
    expect((await overdue.boundingBox())!.y).toBeLessThan(300);
    expect((await page.getByTestId('queue-due-soon').boundingBox())!.y).toBeLessThan(300);
    const rows = (testId: string) => page.getByTestId(testId).locator('.ant-list-items > .ant-list-item');
    for (const testId of ['queue-overdue', 'queue-due-soon', 'queue-approval', 'queue-suspended', 'queue-active']) {
      expect(await rows(testId).count()).toBeLessThanOrEqual(5);
    }
    expect(await workbench.deferred().locator('.ant-list-items > .ant-list-item').count()).toBeLessThanOrEqual(5);
    const overdueCount = await workbench.queueCount('queue-overdue');
    expect(overdueCount).toBeGreaterThan(5);
    const more = overdue.getByRole('link', { name: `查看全部 ${overdueCount} 件（已超期）›` });
    expect(await more.getAttribute('href')).toBe('#/query?deadline=OVERDUE&order=dueAsc');

    const numbers = async (testId: string) =>
      (await rows(testId).allTextContents()).map((t) => /[A-Z]{2}\d{4}-\d{8}-\d{4}/.exec(t)?.[0]);
    const late = new Set(await numbers('queue-overdue'));
    const active = await numbers('queue-active');
    expect(active.length).toBeGreaterThan(0);
    expect(active.filter((n) => late.has(n))).toEqual([]);
    await page.screenshot({ path: artifactPath('screen1366-workbench.png') });
    // Each 时限 tag explains its state.
    await overdue.locator('.ant-tag', { hasText: '超期' }).first().hover();
    await page.getByRole('tooltip').filter({ hasText: '超期：已过环节或全流程的到期日' }).waitFor();
    await page.screenshot({ path: artifactPath('screen1366-deadline-tooltip.png') });

    await more.click();
    await page.waitForURL('**/#/query?deadline=OVERDUE&order=dueAsc');
    await new QueryPageObject(page)
      .count()
      .filter({ hasText: /已显示/ })
      .waitFor();
  });

  it('keeps the main menu in view at the foot of a long page', async () => {
    await new WorkbenchPageObject(page).open(harness.url);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
    const item = (await page.getByRole('menu', { name: '主菜单' }).getByText('统计与风险').boundingBox())!;
    expect(item.y).toBeGreaterThanOrEqual(0);
    expect(item.y + item.height).toBeLessThanOrEqual(768);
    await page.screenshot({ path: artifactPath('screen1366-workbench-foot.png') });
  });
});
