/**
 * 装表接电记录 (R-MET-04) in the correction form at 1366×768: once the application has reached 装表接电 the clerk
 * records where the meter was installed; a meter away from the ownership boundary without the loss agreement shows
 * the R-MET-04 warning under that field with its 依据, and the agreement clears it.
 */
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationInput } from '../../shared/domain/application';
import { seriousA11yViolations } from './support/axe';
import { artifactPath, launchChromium } from './support/browser';
import { startHarness, type Harness } from './support/harness';
import { advanceToArchiveStage, rpc } from './support/rpc';
import { signedInPage } from './support/page';
import { ApplicationDetailPage } from './pages/ApplicationDetailPage';

const record = JSON.parse(
  fs.readFileSync('test/fixtures/e2e/inc-lvn-external-account.json', 'utf8'),
) as ApplicationInput;

describe('装表接电记录 in the correction form', () => {
  let harness: Harness;
  let browser: Browser;
  let page: Page;
  let number = '';

  beforeAll(async () => {
    [harness, browser] = await Promise.all([startHarness({ role: 'admin', name: '陈静' }), launchChromium()]);
    await rpc(harness.url, 'hall.init', { code: 'JS0103', name: '城南供电营业厅' });
    ({ number } = await rpc<{ number: string }>(harness.url, 'applications.create', { record }));
    await advanceToArchiveStage(harness.url, number);
    page = await signedInPage(browser, harness);
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  it('warns on a meter away from the boundary until the loss agreement is filled in', async () => {
    const detail = new ApplicationDetailPage(page);
    await detail.open(harness.url, number);
    await detail.tab('申请信息');
    await page.getByRole('button', { name: '更正申请信息' }).click();
    const section = page.getByTestId('section-meter-installation');
    await section.waitFor();
    await section.getByLabel('计量装置装于产权分界处').click();
    await section.getByLabel('计量装置装于产权分界处').click();
    // Problems show once the clerk has been through the field.
    await section.getByLabel('线损、变损承担约定').focus();
    await page.keyboard.press('Tab');
    const problems = page.getByTestId('problems-meterInstallation.lossAgreement');
    await expect.poll(() => problems.textContent()).toContain('R-MET-04');
    await problems.getByText('R-MET-04').hover();
    const tooltip = page.getByRole('tooltip').filter({ hasText: '依据：' }).last();
    await tooltip.waitFor();
    expect(await tooltip.textContent()).toBe('依据：《电力供应与使用条例》第26条');
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('meter-installation.png') });
    expect(await seriousA11yViolations(page)).toEqual([]);

    await section.getByLabel('线损、变损承担约定').fill('表前线损由客户承担');
    await expect.poll(() => problems.count()).toBe(0);
  });
});
