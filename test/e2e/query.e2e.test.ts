import { execFileSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousA11yViolations } from './support/axe';
import { artifactPath, launchChromium } from './support/browser';
import { signedInPage } from './support/page';
import { startHarness, type Harness } from './support/harness';
import { rpc } from './support/rpc';
import { CLI_AS_ADMIN } from './support/cli';
import { QueryPageObject } from './pages/QueryPage';

describe('申请查询 over demo data', () => {
  let harness: Harness;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [harness, browser] = await Promise.all([startHarness({ role: 'clerk', name: '李娜' }), launchChromium()]);
    execFileSync(
      process.execPath,
      ['bin/yekuo.mjs', '--data', harness.dataDir, 'init', '--hall-code', 'JS0102', '--hall-name', '城西供电营业厅'],
      { env: CLI_AS_ADMIN },
    );
    execFileSync(
      process.execPath,
      ['bin/yekuo.mjs', '--data', harness.dataDir, 'demo', '--count', '400', '--seed', '7'],
      { env: CLI_AS_ADMIN },
    );
    page = await signedInPage(browser, harness, { height: 900 });
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  it('lists applications with masked identifiers, newest first, loading more on scroll', async () => {
    const query = new QueryPageObject(page);
    await query.open(harness.url);
    await expect.poll(() => query.count().textContent()).toMatch(/已显示 100 条，向下滚动加载更多/);
    const ids = await query.column('证件号码');
    expect(ids.length).toBeGreaterThan(5);
    for (const id of ids) expect(id).toMatch(/^\S{2,6}\*+\S{2,4}$/);
    const phones = await query.column('联系电话');
    for (const phone of phones) expect(phone).toContain('*');
    await page.screenshot({ path: artifactPath('query-list.png') });
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page
      .getByTestId('application-table')
      .locator('.ant-table-tbody-virtual-holder')
      .evaluate((el) => {
        el.scrollTop = el.scrollHeight;
      });
    await expect.poll(() => query.count().textContent(), { timeout: 10_000 }).toMatch(/已显示 200 条/);
  });

  it('finds a one-character surname through the search box and opens the detail page', async () => {
    const query = new QueryPageObject(page);
    await query.open(harness.url);
    await query.search('王');
    await expect.poll(async () => (await query.column('户名')).every((name) => name.includes('王'))).toBe(true);
    const names = await query.column('户名');
    expect(names.length).toBeGreaterThan(0);
    const expected = await rpc<{ items: unknown[] }>(harness.url, 'search.query', { text: '王', limit: 200 });
    expect(names.length).toBe(Math.min(expected.items.length, 100));

    const number = (await query.column('申请编号'))[0] ?? '';
    await query.rows().first().click();
    await page.getByTestId('page-title').filter({ hasText: number }).waitFor();
    expect(page.url()).toContain(`#/app/${encodeURIComponent(number)}`);
  });
});
