import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../renderer/src/format/dates';
import { seriousA11yViolations } from './support/axe';
import { artifactPath, launchChromium } from './support/browser';
import { startHarness, type Harness } from './support/harness';
import { createAndAdvance } from './support/rpc';
import { initHall, XIHU_HALL } from './support/cli';
import { signedInPage } from './support/page';
import { ApplicationDetailPage } from './pages/ApplicationDetailPage';

const record = {
  ...(JSON.parse(fs.readFileSync('test/fixtures/e2e/hv-new-connection.json', 'utf8')) as object),
  applicationDate: todayInShanghai(),
};

/** What an internal name looks like on screen: camelCase, UPPER_CASE codes, dotted paths. */
const IDENTIFIER = /\b[a-z]+[A-Z][A-Za-z]*\b|\b[A-Z]{2,}_[A-Z_]+\b|\b[a-z]+\.[a-z][A-Za-z.]*\b/;

describe('更正申请信息 after acceptance: the intake form pre-filled, one audited diff read in Chinese', () => {
  let harness: Harness;
  let browser: Browser;
  let page: Page;
  let number = '';

  beforeAll(async () => {
    [harness, browser] = await Promise.all([startHarness({ role: 'clerk', name: '刘洋' }), launchChromium()]);
    initHall(harness.dataDir, { code: XIHU_HALL.code, name: XIHU_HALL.name });
    number = await createAndAdvance(harness.url, record, 1);
    page = await signedInPage(browser, harness);
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  it('a clerk corrects the phone at 现场勘查; a change of 户名 is left to a supervisor', async () => {
    const detail = new ApplicationDetailPage(page);
    await detail.open(harness.url, number);
    await detail.tab('申请信息');
    await page.getByRole('button', { name: '更正申请信息' }).click();
    const form = page.getByTestId('correction-form');
    await form.waitFor();
    const phone = form.getByLabel('联系电话', { exact: true });
    expect(await phone.inputValue()).toBe('13700003333');
    expect(await form.getByLabel('户名', { exact: true }).inputValue()).toBe('杭州振华精密机械有限公司');

    await form.getByLabel('户名', { exact: true }).fill('杭州振华精工有限公司');
    expect(await page.getByTestId('save-state').textContent()).toBe('需要班长/审核员办理');
    expect(await page.getByRole('button', { name: '保存更正' }).isDisabled()).toBe(true);
    await form.getByLabel('户名', { exact: true }).fill('杭州振华精密机械有限公司');

    await phone.fill('13700004444');
    await page.getByLabel('更正理由').fill('客户来电更正联系电话');
    await page.screenshot({ path: artifactPath('correction-form.png') });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '保存更正' }).click();
    await expect.poll(() => page.getByTestId('record').textContent()).toContain('13700004444');

    await page.getByRole('tab', { name: /审计记录/ }).click();
    const audit = await page.getByTestId('audit').textContent();
    expect(audit).toContain('修改申请信息');
    expect(audit).toContain('客户·联系电话：13700003333 → 13700004444');
    expect(audit).toContain('更正理由：（无） → 客户来电更正联系电话');
    expect(audit).toContain('办理环节：业务受理 → 现场勘查');
    expect(audit).not.toMatch(IDENTIFIER);
    await page.screenshot({ path: artifactPath('correction-audit.png') });

    await page.getByRole('tab', { name: '办理进度' }).click();
    const events = await page.getByTestId('stage-events').textContent();
    expect(events).toContain('刘洋 · 推进 → 现场勘查');
    expect(events).not.toContain('web-clerk');
  });
});
