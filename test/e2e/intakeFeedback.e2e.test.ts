import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WRONG_ID } from './support/idNumbers';
import { artifactPath, launchChromium } from './support/browser';
import { signedInPage } from './support/page';
import { startHarness, type Harness } from './support/harness';
import { IntakeFormPage } from './pages/IntakeFormPage';

/** What a fresh form says before the clerk has typed anything, and when the clerk tries to save too early. */
describe('intake form feedback: nothing judged before it is typed, everything on a save attempt', () => {
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

  it('shows a fresh HV form with its defaults filled, 证件类型 in Chinese, 法定代表人 at once, and nothing red', async () => {
    await intake.open(harness.url);
    await intake.chooseType('高压新装');
    const form = page.getByTestId('intake-form');
    // The filled defaults are values: no "请填写" under them.
    for (const path of ['customer.kind', 'customer.idType', 'applicationDate']) {
      await expect.poll(() => intake.problemText(path)).toBe('');
    }
    expect(await form.getByTestId('section-customer').textContent()).toContain('统一社会信用代码');
    expect(await form.getByTestId('section-customer').textContent()).not.toContain('USCC');
    expect(await intake.field('法定代表人姓名').isVisible()).toBe(true);
    // Required fields not yet touched are not red; the save bar still counts what is missing.
    expect(await form.locator('.ant-form-item-has-error').count()).toBe(0);
    expect(await intake.problemText('customer.name')).toBe('');
    expect(await intake.saveState().textContent()).toMatch(/还有 \d+ 处错误需要改正/);
    await page.screenshot({ path: artifactPath('intake-fresh-hv.png') });

    // A field left empty is judged when the clerk leaves it.
    await intake.field('户名').focus();
    await page.keyboard.press('Tab');
    await expect.poll(() => intake.problemText('customer.name')).toContain('户名');
  });

  it('judges an ID or phone number once complete or left, not at the first digits', async () => {
    await page.goto('about:blank');
    await intake.open(harness.url);
    await intake.chooseType('低压居民新装');
    await intake.field('证件号码').pressSequentially('3201');
    await intake.field('联系电话').focus();
    await intake.field('联系电话').pressSequentially('138');
    // The ID was left: judged. The phone is being typed: not yet.
    await expect.poll(() => intake.problemText('customer.idNumber')).toContain('R-ID-01');
    await page.waitForTimeout(300);
    expect(await intake.problemText('customer.phone')).toBe('');
    await intake.field('联系电话').pressSequentially('1234567');
    await expect.poll(() => intake.problemText('customer.phone')).toBe('');

    await intake.field('证件号码').fill('');
    await intake.field('证件号码').pressSequentially(WRONG_ID.slice(0, 10));
    await page.waitForTimeout(300);
    expect(await intake.problemText('customer.idNumber')).toBe('');
    await intake.field('证件号码').pressSequentially(WRONG_ID.slice(10));
    await expect.poll(() => intake.problemText('customer.idNumber')).toContain('校验位');
  });

  it('answers Ctrl+S and the save button with the number of problems, shows them and focuses the first', async () => {
    await page.goto('about:blank');
    await intake.open(harness.url);
    await intake.chooseType('低压居民新装');
    await intake.fill('户名', '王小明');
    expect(await page.locator('.ant-form-item-has-error').count()).toBe(0);
    const state = (await intake.saveState().textContent()) ?? '';
    const count = /还有 (\d+) 处错误/.exec(state)?.[1];
    expect(count).toBeDefined();

    await page.keyboard.press('Control+s');
    await expect
      .poll(() => page.locator('.ant-message').textContent())
      .toContain(`无法保存：还有 ${count} 处错误需要改正`);
    await expect.poll(() => page.locator('.ant-form-item-has-error').count()).toBeGreaterThan(1);
    // The first field with an error in the page's order has the focus: 证件号码 (户名 is filled).
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('customer_idNumber');
    await page.screenshot({ path: artifactPath('intake-save-attempt.png') });

    await intake.field('户名').focus();
    expect(await intake.saveButton().isDisabled()).toBe(false);
    await intake.saveButton().click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('customer_idNumber');
  });
});
