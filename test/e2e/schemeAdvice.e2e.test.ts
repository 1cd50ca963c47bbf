/**
 * 方案提示 at 1366×768: the scheme form shows a coarse meter (R-MET-06) as a warning under the field and in the
 * advice box, and the demand-price hint (R-TAR-09) as a 提示; neither stops the save.
 */
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousA11yViolations } from './support/axe';
import { artifactPath, launchChromium } from './support/browser';
import { startHarness, type Harness } from './support/harness';
import { createAndAdvance } from './support/rpc';
import { initHall, XIHU_HALL } from './support/cli';
import { signedInPage } from './support/page';
import { ApplicationDetailPage } from './pages/ApplicationDetailPage';
import { SchemeTabs } from './pages/SchemePage';

const fixture = JSON.parse(fs.readFileSync('test/fixtures/e2e/hv-new-connection.json', 'utf8')) as {
  tariff: Record<string, unknown>;
};
const record = { ...fixture, tariff: { ...fixture.tariff, capacityChargeBasis: 'ACTUAL_DEMAND' } };

describe('方案提示 in the scheme form', () => {
  let clerk: Harness;
  let browser: Browser;
  let page: Page;
  let number = '';

  beforeAll(async () => {
    [clerk, browser] = await Promise.all([startHarness({ role: 'clerk', name: '刘洋' }), launchChromium()]);
    initHall(clerk.dataDir, XIHU_HALL);
    number = await createAndAdvance(clerk.url, record, 2);
    page = await signedInPage(browser, clerk);
  });
  afterAll(async () => {
    await browser?.close();
    await clerk?.stop();
  });

  it('shows the warning under the field and in the box, the hint in the box, and saves', async () => {
    await new ApplicationDetailPage(page).open(clerk.url, number);
    const scheme = new SchemeTabs(page);
    await scheme.openScheme();
    const advice = page.getByTestId('scheme-advice');
    await advice.waitFor();
    expect(await advice.locator('[data-severity="info"]').textContent()).toContain(
      '当月需量电价按 90% 执行，可告知客户。（R-TAR-09）',
    );
    expect(await advice.locator('[data-severity="warning"]').count()).toBe(0);

    await scheme.field('电能表精度').fill('1');
    await expect
      .poll(() => page.getByTestId('problems-metering.0.meterAccuracy').textContent())
      .toContain('计量点 1 的电能表精度“1”低于 III 类电能计量装置');
    expect(await advice.locator('[data-severity="warning"]').textContent()).toContain('（R-MET-06）');

    await scheme.field('产权分界点').fill('振华 A 线 12# 杆 T 接点');
    await scheme.field('主接线方式').fill('10 kV 单母线，一路进线，两台变压器分列运行');
    await scheme.field('安装位置').fill('客户配电站 10 kV 进线计量柜');
    await scheme.field('电能表规格及接线').fill('三相三线智能电能表 3×100 V 3×1.5(6) A');
    await page.getByRole('button', { name: '保存方案草稿' }).click();
    await expect.poll(() => scheme.versions().textContent(), { timeout: 15_000 }).toContain('草稿');

    await page.getByTestId('problems-metering.0.meterAccuracy').scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('scheme-advice-field.png') });
    await advice.scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('scheme-advice.png') });
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
