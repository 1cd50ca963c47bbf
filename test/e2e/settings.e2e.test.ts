/**
 * 系统设置 as an administrator: every tab, a refused and an accepted province profile, a 2027 holiday table;
 * axe-core on each tab, screenshots in test/e2e/artifacts/settings-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IntakeFormPage } from './pages/IntakeFormPage';
import { SettingsPage } from './pages/SettingsPage';
import { ShellPage } from './pages/ShellPage';
import { seriousA11yViolations } from './support/axe';
import { artifactPath, launchChromium } from './support/browser';
import { collectConsoleErrors, signedInPage } from './support/page';
import { startHarness, type Harness } from './support/harness';
import { rpc } from './support/rpc';

const TABLE_2027 = {
  year: 2027,
  source: '测试用 2027 年节假日安排',
  daysOff: { '2027-01-01': '元旦', '2027-10-01': '国庆节', '2027-10-04': '国庆节' },
  workdays: { '2027-10-09': '国庆节' },
};

describe('系统设置 (admin)', () => {
  let harness: Harness;
  let browser: Browser;
  let page: Page;
  let settings: SettingsPage;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    [harness, browser] = await Promise.all([startHarness({ role: 'admin', name: '赵管理' }), launchChromium()]);
    await rpc(harness.url, 'hall.init', { code: 'NJ0101', name: '南京江宁营业厅' });
    page = await signedInPage(browser, harness, { height: 900 });
    collectConsoleErrors(page, consoleErrors);
    const shell = new ShellPage(page);
    await shell.open(harness.url);
    await shell.go('系统设置');
    settings = new SettingsPage(page);
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  it('shows and renames the hall', async () => {
    const info = page.getByTestId('hall-info');
    await info.getByText('NJ0101').waitFor();
    expect(await page.getByTestId('hall-name').textContent()).toBe('南京江宁营业厅');
    await page.getByLabel('营业厅名称').fill('南京江宁供电营业厅');
    await page.getByRole('button', { name: '保存名称' }).click();
    await info.getByText('南京江宁供电营业厅').waitFor();
    // The header follows without a reload.
    await expect.poll(() => page.getByTestId('hall-name').textContent()).toBe('南京江宁供电营业厅');
    await settings.toastGone('营业厅名称已保存');

    const header = page.getByTestId('document-header-form');
    await header.getByLabel('供电企业名称').fill('国网南京供电公司');
    await header.getByLabel('营业厅地址').fill('南京市江宁区竹山路 1 号');
    await header.getByLabel('营业厅电话').fill('025-52100000');
    await header.getByLabel('经办人').fill('赵管理');
    await header.getByRole('button', { name: '保存文书抬头' }).click();
    await header.getByText('服务热线：请填写服务热线').waitFor();
    await header.getByLabel('服务热线').fill('95598');
    await header.getByRole('button', { name: '保存文书抬头' }).click();
    await settings.toastGone('文书抬头已保存');
    expect(await rpc(harness.url, 'settings.documents', {})).toMatchObject({
      utilityName: '国网南京供电公司',
      hotline: '95598',
    });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('settings-hall.png'), fullPage: true });
  });

  it('refuses a bad profile naming the key, then loads a good one', async () => {
    await settings.tab('省级参数');
    await page.getByTestId('profile-in-force').getByText('当前执行：全国默认').waitFor();
    await settings.loadFile('profile-loader', 'bad.json', JSON.stringify({ capacity: { lvHardMaxKw: -1 }, tarif: {} }));
    const problems = settings.problems('profile-loader');
    await problems.waitFor();
    expect(await problems.textContent()).toContain('“capacity.lvHardMaxKw”取值无效');
    expect(await problems.textContent()).toContain('“tarif”不是可配置项');
    await page.getByTestId('profile-in-force').getByText('当前执行：全国默认').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('settings-profile-refused.png'), fullPage: true });

    await settings.loadFile(
      'profile-loader',
      'zj.json',
      JSON.stringify({ name: '测试省', capacity: { lvHardMaxKw: 100 } }),
    );
    await page.getByTestId('profile-in-force').getByText('当前执行：测试省').waitFor();
    const row = page.getByTestId('profile-table').getByRole('row', { name: /380V 低压接入硬上限/ });
    expect(await row.textContent()).toContain('100');
    expect(await row.textContent()).toContain('省级配置');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('settings-profile.png'), fullPage: true });
  });

  it('warns about a year without a table, then loads 2027 and lists its days', async () => {
    await settings.tab('节假日');
    await page.getByTestId('holiday-coverage').waitFor();
    await settings.chooseYear(2027);
    await page.getByTestId('holiday-coverage').getByText('2027 年未载入节假日表，按周一至周五计算').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('settings-holidays-uncovered.png'), fullPage: true });

    await settings.loadFile('holiday-loader', '2027.json', JSON.stringify(TABLE_2027));
    await page
      .getByTestId('holiday-coverage')
      .getByText(/2027 年节假日表：载入/)
      .waitFor();
    const daysOff = page.getByTestId('holiday-days-off');
    expect(await daysOff.textContent()).toContain('2027-10-01');
    expect(await daysOff.textContent()).toContain('国庆节');
    expect(await page.getByTestId('holiday-workdays').textContent()).toContain('2027-10-09');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('settings-holidays.png'), fullPage: true });
  });

  it('adds a user with a temporary password and resets it; the user must change it at sign-in', async () => {
    await settings.tab('用户');
    const create = page.getByTestId('user-create');
    await create.getByLabel('工号').fill('C0012');
    await create.getByLabel('姓名').fill('李娜');
    await create.getByLabel('临时密码').fill('short');
    await create.getByRole('button', { name: '添加用户' }).click();
    await create.getByText('密码至少 8 位').waitFor();
    await create.getByLabel('临时密码').fill('lina-first-1');
    await create.getByRole('button', { name: '添加用户' }).click();
    await page.getByTestId('user-table').getByText('C0012').waitFor();
    await settings.toastGone('已添加用户');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('settings-users.png'), fullPage: true });

    await page.getByRole('button', { name: '重置 李娜 的密码' }).click();
    const reset = page.getByTestId('password-reset');
    await reset.getByLabel('临时密码').fill('lina-reset-2');
    await page.getByRole('button', { name: '重置密码', exact: true }).click();
    await settings.toastGone('已重置 李娜 的密码');

    // The user herself, in another browser: the first password no longer works, the reset one leads to 修改密码.
    const other = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const own = await other.newPage();
    await own.goto(harness.url);
    await own.getByLabel('工号').fill('C0012');
    await own.getByLabel('密码').fill('lina-first-1');
    await own.getByRole('button', { name: '登录' }).click();
    await own.getByText('工号或密码不正确').waitFor();
    await own.getByLabel('密码').fill('lina-reset-2');
    await own.getByRole('button', { name: '登录' }).click();
    await own.getByText('修改密码').first().waitFor();
    await other.close();
    expect(consoleErrors).toEqual([]);
  });

  it('checks the intake form against the loaded profile while typing, as the save will', async () => {
    const intake = new IntakeFormPage(page);
    await intake.open(harness.url);
    await intake.chooseType('低压非居民新装');
    await intake.select('供电电压', '380');
    await intake.fill('申请容量（kW）', '120');
    await expect.poll(() => intake.problemText('requestedCapacityKw')).toContain('超过低压接入上限 100 kW');
  });
});
