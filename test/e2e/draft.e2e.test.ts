import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser';
import { signedInPage } from './support/page';
import { startHarness, type Harness } from './support/harness';
import { rpc } from './support/rpc';
import type { Draft } from '../../shared/api/drafts';
import { IntakeFormPage } from './pages/IntakeFormPage';

describe('intake drafts survive a crash of the window', () => {
  let harness: Harness;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [harness, browser] = await Promise.all([startHarness({ role: 'clerk', name: '赵敏' }), launchChromium()]);
    page = await signedInPage(browser, harness, { height: 900 });
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  it('offers the draft after a reload and restores type, class and fields', async () => {
    const intake = new IntakeFormPage(page);
    await intake.open(harness.url);
    await intake.chooseType('低压非居民新装');
    await intake.fill('户名', '南京鼓楼文具店');
    await intake.fill('联系电话', '13912345678');
    await intake.document('用电申请书', '已收');

    // The draft reaches the database about a second after the last keystroke, before any save.
    const storedDraft = () => rpc<Draft | null>(harness.url, 'drafts.get', {});
    // The last change (the document's status) is in it.
    await expect.poll(async () => JSON.stringify((await storedDraft())?.draft)).toContain('南京鼓楼文具店');
    await expect.poll(async () => JSON.stringify((await storedDraft())?.draft)).toContain('"docs"');

    await page.reload();
    await page.getByTestId('draft-offer').waitFor();
    await page.getByRole('button', { name: '继续录入' }).click();
    await expect.poll(() => intake.field('户名').inputValue()).toBe('南京鼓楼文具店');
    expect(await intake.field('联系电话').inputValue()).toBe('13912345678');
    expect(await page.getByRole('radio', { name: '低压非居民' }).isChecked()).toBe(true);
    expect(
      await page.getByRole('radiogroup', { name: '用电申请书 状态' }).getByRole('radio', { name: '已收' }).isChecked(),
    ).toBe(true);

    await page.reload();
    await page.getByTestId('draft-offer').waitFor();
    await page.getByRole('button', { name: '放弃草稿' }).click();
    await expect.poll(storedDraft).toBeNull();
  });
});
