/**
 * 系统设置 › 无操作锁屏 as an administrator: a value out of 1–120 refused at its field, a good one saved and in
 * force at the next auth.status; axe-clean, screenshot in test/e2e/artifacts/settings-idle-lock.png.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthStatus } from '../../shared/api/auth';
import { SettingsPage } from './pages/SettingsPage';
import { ShellPage } from './pages/ShellPage';
import { seriousA11yViolations } from './support/axe';
import { artifactPath, launchChromium } from './support/browser';
import { startHarness, type Harness } from './support/harness';
import { rpc } from './support/rpc';

describe('系统设置 › 无操作锁屏 (admin)', () => {
  let harness: Harness;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [harness, browser] = await Promise.all([startHarness({ role: 'admin', name: '赵管理' }), launchChromium()]);
    await rpc(harness.url, 'hall.init', { code: 'NJ0101', name: '南京江宁营业厅' });
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    page = await context.newPage();
    await harness.signIn(page);
    const shell = new ShellPage(page);
    await shell.open(harness.url);
    await shell.go('系统设置');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  it('refuses 121 minutes at the field and saves 15', async () => {
    const card = page.getByTestId('idle-lock');
    const minutes = card.getByLabel('无操作多少分钟后锁屏');
    await expect.poll(() => minutes.inputValue()).toBe('10');
    await minutes.fill('121');
    await card.getByRole('button', { name: '保存' }).click();
    await card.getByText('应为 1–120 的整数分钟').waitFor();
    await minutes.fill('15');
    await card.getByRole('button', { name: '保存' }).click();
    await new SettingsPage(page).toastGone('无操作锁屏时间已保存：15 分钟');
    expect((await rpc<AuthStatus>(harness.url, 'auth.status', {})).idleLockMinutes).toBe(15);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('settings-idle-lock.png') });
  }, 120_000);
});
