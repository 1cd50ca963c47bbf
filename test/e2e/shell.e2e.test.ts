import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShellPage } from './pages/ShellPage';
import { seriousA11yViolations } from './support/axe';
import { artifactPath, launchChromium } from './support/browser';
import { startHarness, type Harness } from './support/harness';

const MENU = ['工作台', '业务受理', '申请查询', '统计与风险', '数据导出', '系统设置'];

describe('application shell in the web harness', () => {
  let harness: Harness;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    [harness, browser] = await Promise.all([startHarness({ name: '张晓燕' }), launchChromium()]);
    const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
    page = await context.newPage();
    await harness.signIn(page);
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  it('opens the Chinese shell with the user from system.info and visits every menu entry', async () => {
    const shell = new ShellPage(page);
    await shell.open(harness.url);
    await expect(shell.headerUser().textContent()).resolves.toContain('张晓燕');
    await expect(shell.headerUser().textContent()).resolves.toContain('营业员');
    expect(await page.getByText(`数据目录 ${harness.dataDir}`).count()).toBe(1);

    for (const label of MENU) {
      await shell.go(label);
      expect(await shell.pageTitle().textContent()).toBe(label);
      expect(page.url()).toMatch(/#\/\w+$/);
      expect(await seriousA11yViolations(page)).toEqual([]);
    }
    await page.screenshot({ path: artifactPath('shell-settings.png') });
    await shell.go('工作台');
    await page.screenshot({ path: artifactPath('shell-workbench.png') });
    expect(consoleErrors).toEqual([]);
  });

  it('keeps the screen across a reload', async () => {
    const shell = new ShellPage(page);
    await shell.go('申请查询');
    await page.reload();
    await shell.pageTitle().filter({ hasText: '申请查询' }).waitFor();
    expect(await shell.pageTitle().textContent()).toBe('申请查询');
  });

  it('answers a malformed request with a typed Chinese error, not a crash', async () => {
    const headers = { origin: new URL(harness.url).origin };
    const response = await page.request.post(`${harness.url}rpc/system.info`, { data: '{not json', headers });
    expect(await response.json()).toEqual({
      ok: false,
      error: { code: 'BAD_INPUT', message: '请求内容不是合法的 JSON。' },
    });
    const unknown = await page.request.post(`${harness.url}rpc/system.nothing`, { data: {}, headers });
    expect((await unknown.json()).error).toMatchObject({ code: 'BAD_INPUT', message: '未知的操作：system.nothing' });
  });
});
