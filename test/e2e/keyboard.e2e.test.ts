import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ricCheckChar } from '../../shared/rules';
import { launchChromium } from './support/browser';
import { signedInPage } from './support/page';
import { startHarness, type Harness } from './support/harness';
import { rpc } from './support/rpc';

const ID_BODY = '11010519491231002';

/** Keys pressed besides the typed values (Tab, Enter, Space, Ctrl+S): issue 11's measure of the keyboard path. */
let presses = 0;
async function press(page: Page, key: string): Promise<void> {
  presses++;
  await page.keyboard.press(key);
}

/** Presses Tab (or Enter, which moves on inside the form) until `target` has the focus; fails after `limit` keys. */
async function keyTo(page: Page, target: Locator, key: 'Tab' | 'Enter' = 'Tab', limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))) return;
    await press(page, key);
  }
  throw new Error(`focus never reached ${target.toString()}`);
}

describe('keyboard-only entry of a full application', () => {
  let harness: Harness;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [harness, browser] = await Promise.all([startHarness({ role: 'admin', name: '孙丽' }), launchChromium()]);
    await rpc(harness.url, 'hall.init', { code: 'JS0104', name: '江宁供电营业厅' });
    page = await signedInPage(browser, harness, { height: 900 });
    await page.addInitScript(() => {
      const w = window as unknown as { mouseEvents: number };
      w.mouseEvents = 0;
      for (const type of ['mousedown', 'click', 'pointerdown']) {
        window.addEventListener(type, (event) => {
          // Keyboard activation of a button or radio also fires a synthetic click with no pointer position.
          if ((event as MouseEvent).detail > 0) w.mouseEvents++;
        });
      }
    });
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  it('accepts a residential new connection with keys only: type, Tab, Enter, Space, Ctrl+S', async () => {
    await page.goto(`${harness.url}#/intake`);
    const field = (label: string) => page.getByLabel(label, { exact: true });
    // The business type has the focus when the screen opens.
    await expect.poll(() => field('业务类型').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('低压居民新装');
    await press(page, 'Enter');
    await page.getByTestId('intake-form').waitFor();
    // A type with one class goes straight on to the form.
    await expect
      .poll(() => page.evaluate(() => Boolean(document.activeElement?.closest('[data-testid=intake-form]'))))
      .toBe(true);

    const typeInto = async (label: string, text: string, key: 'Tab' | 'Enter' = 'Enter') => {
      await keyTo(page, field(label), key);
      await page.keyboard.type(text);
    };
    await typeInto('户名', '欧阳·娜仁', 'Tab');
    await typeInto('证件号码', ID_BODY + ricCheckChar(ID_BODY));
    await typeInto('联系电话', '13700001111');
    await typeInto('用电地址', '江苏省南京市江宁区东山街道上元大街 9 号 2 幢 301 室');
    await typeInto('供电电压', '220');
    await press(page, 'Enter');
    await typeInto('申请容量（kW）', '6');
    // Enter on the chosen voltage moved on without opening its list again over the next row.
    // (A list that is still closing counts until its animation ends: wait for that, not for a list left open.)
    await expect.poll(() => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').count()).toBe(0);
    await typeInto('电价类别', '居民');
    await press(page, 'Enter');

    for (const doc of ['用电人有效身份证明', '用电申请书', '用电地址物业权属证明', '供用电合同']) {
      const group = page.getByRole('radiogroup', { name: `${doc} 状态` });
      await keyTo(page, group.getByRole('radio').first());
      await press(page, 'Space');
      await expect.poll(() => group.getByRole('radio', { name: '已收' }).isChecked()).toBe(true);
    }
    await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('所有校验已通过，可以保存（Ctrl+S）');
    await press(page, 'Control+s');
    await page.getByText(/已受理，申请编号 JS0104-\d{8}-\d{4}/).waitFor();
    expect(await page.evaluate(() => (window as unknown as { mouseEvents: number }).mouseEvents)).toBe(0);
    console.log(`keyboard path: ${presses} keys besides the typed values`);
    expect(presses).toBeLessThanOrEqual(90);
  });

  it('goes on with Enter from a type with several classes to 用户分类, and from the class to the form', async () => {
    // The page shows the last application's receipt at the same address: load it anew.
    await page.goto(`${harness.url}#/intake`);
    await page.reload();
    const field = (label: string) => page.getByLabel(label, { exact: true });
    await expect.poll(() => field('业务类型').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('过户');
    await press(page, 'Enter');
    const focusedGroup = () =>
      page.evaluate(() => document.activeElement?.closest('[role=radiogroup]')?.getAttribute('aria-label'));
    await expect.poll(focusedGroup).toBe('用户分类');
    await press(page, 'ArrowRight');
    await press(page, 'Enter');
    await expect.poll(() => field('户号').evaluate((el) => el === document.activeElement)).toBe(true);
  });
});
