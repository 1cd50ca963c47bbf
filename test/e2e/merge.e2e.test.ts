/**
 * 并户 intake at 1366×768: the merged accounts and the supply points are typed in 原用电信息, and R-CHG-15 speaks
 * under the field as the clerk types (capacity above the sum, another supply point).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousA11yViolations } from './support/axe';
import { artifactPath, launchChromium } from './support/browser';
import { signedInPage } from './support/page';
import { startHarness, type Harness } from './support/harness';
import { initHall, XIHU_HALL } from './support/cli';
import { IntakeFormPage } from './pages/IntakeFormPage';

describe('并户 intake', () => {
  let harness: Harness;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [harness, browser] = await Promise.all([startHarness({ role: 'clerk', name: '刘洋' }), launchChromium()]);
    initHall(harness.dataDir, XIHU_HALL);
    page = await signedInPage(browser, harness);
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  it('checks the capacity against the sum of the merged accounts and the supply points', async () => {
    const intake = new IntakeFormPage(page);
    await intake.open(harness.url);
    // 并户 is offered to two classes: the clerk picks the class after the type.
    await page.getByLabel('业务类型').fill('并户');
    await page.keyboard.press('Enter');
    await page.getByRole('radio', { name: '低压非居民' }).click();
    await page.getByTestId('intake-form').waitFor();
    await intake.fill('原合同容量（kW）', '30');
    await page.getByRole('button', { name: '添加并入户' }).click();
    await intake.fill('并入户 1 户号', '3201990000001');
    await intake.fill('并入户 1 容量', '30');
    await intake.fill('申请容量（kW）', '70');
    await expect
      .poll(() => intake.problemText('requestedCapacityKw'))
      .toContain('超过各户容量之和 60（本户 30，并入户 30）');
    await intake.fill('申请容量（kW）', '60');
    await expect.poll(() => intake.problemText('requestedCapacityKw')).not.toContain('R-CHG-15');

    await intake.fill('原供电点', '东山 3 号台区');
    await intake.fill('供电点', '东山 5 号台区');
    await expect
      .poll(() => intake.problemText('site.supplyPoint'))
      .toContain('并户须为同一供电点的用户，供电点“东山 5 号台区”与原供电点“东山 3 号台区”不同');
    await intake.problems('site.supplyPoint').scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('merge-intake.png') });
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
