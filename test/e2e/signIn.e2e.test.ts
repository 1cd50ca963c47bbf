import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousA11yViolations } from './support/axe';
import { artifactPath, launchChromium } from './support/browser';
import { startHarness, type Harness } from './support/harness';
import { IntakeFormPage } from './pages/IntakeFormPage';
import { ShellPage } from './pages/ShellPage';
import { SignInPage } from './pages/SignInPage';

describe('首次启动, 登录, 锁屏 and 换班 in the browser', () => {
  let harness: Harness;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [harness, browser] = await Promise.all([startHarness({ firstRun: true }), launchChromium()]);
    page = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  it('a new data folder opens the wizard: hall, first admin, 文书抬头, demo data; then the admin is signed in', async () => {
    await page.goto(harness.url);
    await page.getByRole('heading', { name: '首次启动设置' }).waitFor();
    await page.getByLabel('营业厅编号').fill('js01');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByText('营业厅编号：应为 2–12 位大写字母或数字').waitFor();
    await page.getByLabel('营业厅编号').fill('JS0101');
    await page.getByLabel('营业厅名称').fill('城东供电营业厅');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByLabel('工号').fill('A001');
    await page.getByLabel('姓名').fill('周敏');
    await page.getByLabel('密码', { exact: true }).fill('short');
    await page.getByLabel('再次输入密码').fill('short');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByText('密码：至少 8 位').waitFor();
    await page.getByLabel('密码', { exact: true }).fill('admin pass 1');
    await page.getByLabel('再次输入密码').fill('admin pass 1');
    await page.screenshot({ path: artifactPath('first-run-admin.png') });
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByLabel('供电企业名称').fill('国网南京供电公司');
    await page.getByLabel('营业厅地址').fill('南京市玄武区中山路 1 号');
    await page.getByLabel('营业厅电话').fill('025-84000000');
    await page.getByLabel(/^载入演示数据/).check();
    await page.screenshot({ path: artifactPath('first-run-documents.png') });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '完成设置并登录' }).click();
    // The demo takes a few seconds on a counter PC (docs/benchmarks.md), longer on a busy test machine.
    await page.getByTestId('current-user').getByText('周敏').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('hall-name').textContent()).toBe('城东供电营业厅');
  });

  it('the demo data spans three years: 预测 forecasts every group with both back-test errors', async () => {
    const shell = new ShellPage(page);
    await shell.go('统计与风险');
    await page.getByRole('tab', { name: '预测' }).click();
    const rows = page.getByTestId('forecast-table').locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(5);
    for (const row of await rows.all()) {
      const cells = await row.locator('td').allTextContents();
      // 业务组, three months, 采用方法, Holt-Winters MAPE, 季节朴素 MAPE.
      expect(
        cells.slice(1, 4).every((cell) => /^\d+$/.test(cell)),
        cells.join(' '),
      ).toBe(true);
      expect(cells.slice(5), cells.join(' ')).toEqual([expect.stringMatching(/%$/), expect.stringMatching(/%$/)]);
    }
    // ECharts draws its lines in for a second: the screenshot shows them whole.
    await page.waitForTimeout(1_500);
    await page.screenshot({ path: artifactPath('first-run-demo-forecast.png') });
  });

  it('换班 returns to the sign-in screen; a wrong password is refused in Chinese', async () => {
    await page.getByRole('button', { name: '换班' }).click();
    const signIn = new SignInPage(page);
    await signIn.submitSignIn('A001', 'wrong password');
    await page.getByTestId('sign-in-error').getByText('工号或密码不正确').waitFor();
    await page.screenshot({ path: artifactPath('sign-in-refused.png') });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await signIn.signIn('A001', 'admin pass 1');
  });

  it('锁屏 hides the screen and keeps what was typed; only the same password unlocks', async () => {
    const intake = new IntakeFormPage(page);
    await intake.open(harness.url);
    await intake.chooseType('低压居民新装');
    const name = intake.field('户名');
    await name.fill('王小明');
    await page.getByRole('button', { name: '锁屏' }).click();
    const lock = page.getByTestId('lock-screen');
    await lock.waitFor();
    expect(await page.getByText('王小明').count()).toBe(0);
    await page.screenshot({ path: artifactPath('lock-screen.png') });
    const signIn = new SignInPage(page);
    await signIn.unlock('not my password');
    await lock.getByText('工号或密码不正确').waitFor();
    await signIn.unlock('admin pass 1');
    await lock.waitFor({ state: 'detached' });
    expect(await name.inputValue()).toBe('王小明');
  });
});
