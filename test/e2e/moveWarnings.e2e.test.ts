import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationSummary } from '../../shared/api/applications';
import { todayInShanghai } from '../../renderer/src/format/dates';
import { seriousA11yViolations } from './support/axe';
import { artifactPath, launchChromium } from './support/browser';
import { startHarness, type Harness } from './support/harness';
import { rpc } from './support/rpc';
import { ApplicationDetailPage } from './pages/ApplicationDetailPage';

/** A 10 kV 二级负荷 company with one supply line: R-LG-03 warns on entering 供电方案. */
const record = {
  ...(JSON.parse(fs.readFileSync('test/fixtures/e2e/hv-new-connection.json', 'utf8')) as object),
  loadGrade: 'SECOND',
  applicationDate: todayInShanghai(),
};

describe('a move refused only by warnings: 确认 and 理由 per warning, then 确认并推进', () => {
  let harness: Harness;
  let browser: Browser;
  let page: Page;
  let number = '';

  beforeAll(async () => {
    [harness, browser] = await Promise.all([startHarness({ role: 'clerk', name: '刘洋' }), launchChromium()]);
    execFileSync(process.execPath, [
      'bin/yekuo.mjs',
      '--data',
      harness.dataDir,
      'init',
      '--hall-code',
      'ZJ0101',
      '--hall-name',
      '西湖供电营业厅',
    ]);
    number = (await rpc<ApplicationSummary>(harness.url, 'applications.create', { record })).number;
    await rpc(harness.url, 'applications.advance', { number });
    page = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  it('lists the warning with a checkbox and a reason; the move goes through only with both', async () => {
    const detail = new ApplicationDetailPage(page);
    await detail.open(harness.url, number);
    expect(await detail.stage().textContent()).toBe('现场勘查');
    await detail.press('推进到下一环节');
    const warnings = page.getByTestId('move-warnings');
    await warnings.waitFor();
    expect(await warnings.textContent()).toContain('二级负荷宜由两回线路供电');
    const confirm = page.getByRole('button', { name: '确认并推进' });
    expect(await confirm.isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: '确认 R-LG-03' }).check();
    expect(await confirm.isDisabled()).toBe(true);
    await page.getByRole('textbox', { name: '理由 R-LG-03' }).fill('负荷较小，一回 10 kV 专用架空线');
    await page.screenshot({ path: artifactPath('move-warnings.png') });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await confirm.click();
    await expect.poll(() => detail.stage().textContent()).toBe('供电方案');
    expect(await warnings.count()).toBe(0);

    await page.getByRole('tab', { name: /审计记录/ }).click();
    const audit = page.getByTestId('audit');
    expect(await audit.textContent()).toContain('负荷较小，一回 10 kV 专用架空线');
  });
});
