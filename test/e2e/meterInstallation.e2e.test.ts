/**
 * 装表接电记录 (R-MET-04) in the correction form at 1366×768: once the application has reached 装表接电 the clerk
 * records where the meter was installed; a meter away from the ownership boundary without the loss agreement shows
 * the R-MET-04 warning under that field with its 依据, and the agreement clears it. A new connection records there
 * the 户号 the marketing system issued, as progress (no reason asked); a change of an existing service has none.
 */
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationInput } from '../../shared/domain/application';
import { seriousA11yViolations } from './support/axe';
import { artifactPath, launchChromium } from './support/browser';
import { startHarness, type Harness } from './support/harness';
import { demoApplication } from '../../main/services/demo/demoApplication';
import { Prng } from '../../main/services/demo/prng';
import { stagePlan } from '../../shared/workflow/stagePlans';
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
    expect(await section.getByLabel('户号（营销系统分配）').count()).toBe(0);
  });

  it('records the 户号 the marketing system issued to a new connection, with no reason asked', async () => {
    const plan = stagePlan('NEW_LVR', 'LVR');
    const residential = demoApplication(new Prng(3), {
      type: 'NEW_LVR',
      cls: 'LVR',
      applicationDate: new Date().toISOString().slice(0, 10),
      plan,
      // Its documents as they stand at the end of its plan (the contract, deferred to 装表接电, received).
      target: plan.length - 1,
    });
    const created = await rpc<{ number: string }>(harness.url, 'applications.create', { record: residential });
    await advanceToArchiveStage(harness.url, created.number);

    const detail = new ApplicationDetailPage(page);
    await detail.open(harness.url, created.number);
    await detail.tab('申请信息');
    await page.getByRole('button', { name: '更正申请信息' }).click();
    const section = page.getByTestId('section-meter-installation');
    // The first test's 增容 is on 3201234567: the hall has it, so it cannot be a new connection's (R-HH-05).
    const account = section.getByLabel('户号（营销系统分配）');
    await account.fill('3201234567');
    await account.press('Tab');
    await expect.poll(() => page.getByTestId('problems-accountNo').textContent()).toContain('R-HH-05');
    await account.fill('3201765432');
    await account.press('Tab');
    await expect.poll(() => page.getByTestId('problems-accountNo').count()).toBe(0);
    // Progress, not a correction: the reason stays optional.
    await expect.poll(() => page.getByLabel('更正理由').getAttribute('placeholder')).toContain('可选');
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('meter-installation-account.png') });
    await page.getByRole('button', { name: '保存更正' }).click();
    await expect.poll(() => page.getByTestId('record').textContent()).toContain('户号3201765432');
  });
});
