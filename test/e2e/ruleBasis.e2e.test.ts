import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WRONG_ID } from './support/idNumbers';
import { artifactPath, launchChromium } from './support/browser';
import { signedInPage } from './support/page';
import { startHarness, type Harness } from './support/harness';
import { IntakeFormPage } from './pages/IntakeFormPage';

/** The clerk sees why (issue 13): each rule's 依据 in the tooltip of its message, in the intake form. */
describe('rule 依据 tooltips in 业务受理', () => {
  let harness: Harness;
  let browser: Browser;
  let page: Page;
  let intake: IntakeFormPage;

  beforeAll(async () => {
    [harness, browser] = await Promise.all([startHarness({ role: 'clerk', name: '赵敏' }), launchChromium()]);
    page = await signedInPage(browser, harness);
    intake = new IntakeFormPage(page);
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  const tooltipOf = async (path: string, ruleId: string) => {
    await intake.problems(path).getByText(ruleId).hover();
    const tooltip = page.getByRole('tooltip').filter({ hasText: '依据：' }).last();
    await tooltip.waitFor();
    return tooltip.textContent();
  };

  it('cites GB 11643 under a wrong ID check digit', async () => {
    await intake.open(harness.url);
    await intake.chooseType('低压居民新装');
    await intake.fill('证件号码', WRONG_ID);
    await page.keyboard.press('Tab');
    await expect.poll(() => intake.problemText('customer.idNumber')).toContain('R-ID-02');
    expect(await tooltipOf('customer.idNumber', 'R-ID-02')).toBe('依据：GB 11643-1999《公民身份号码》');
  });

  it('records the 三不指定 parties of an HV application and cites the rule under a designated contractor', async () => {
    await page.goto('about:blank');
    await intake.open(harness.url);
    await intake.chooseType('高压新装');
    const section = page.getByTestId('section-customer-works');
    await section.scrollIntoViewIfNeeded();
    await intake.fill('施工单位', '某某供电服务公司');
    await intake.select('施工单位选择方式', '其他');
    await expect.poll(() => intake.problemText('customerWorks.contractor.choice')).toContain('R-GATE-05');
    expect(await intake.problemText('customerWorks.contractor.choice')).toContain(
      '施工单位“某某供电服务公司”登记为非客户自主选择',
    );
    expect(await tooltipOf('customerWorks.contractor.choice', 'R-GATE-05')).toContain('三不指定');
    await page.screenshot({ path: artifactPath('intake-three-no-designation.png') });
  });
});
