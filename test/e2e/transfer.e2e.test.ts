import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationInput } from '../../shared/domain/application';
import { ricCheckChar } from '../../shared/rules';
import { artifactPath, launchChromium } from './support/browser';
import { signedInPage } from './support/page';
import { startHarness, type Harness } from './support/harness';
import { archivedApplication, rpc } from './support/rpc';
import { IntakeFormPage } from './pages/IntakeFormPage';

const ACCOUNT = '3201234567';
const UNKNOWN_ACCOUNT = '3209999999';
const REP_BODY = '32010219700101301';

/** The service as the hall last built it (a finished 增容 on the account), with its legal representative. */
const fixture = JSON.parse(
  fs.readFileSync('test/fixtures/e2e/inc-lvn-external-account.json', 'utf8'),
) as ApplicationInput;
const previous: ApplicationInput = {
  ...fixture,
  customer: { ...fixture.customer, legalRep: { name: '刘建国', idNumber: REP_BODY + ricCheckChar(REP_BODY) } },
};

describe('户号 look-ups: a 过户 keeps the old owner apart, a failed look-up leaves nothing of another account', () => {
  let harness: Harness;
  let browser: Browser;
  let page: Page;
  let intake: IntakeFormPage;

  beforeAll(async () => {
    [harness, browser] = await Promise.all([startHarness({ role: 'admin', name: '陈静' }), launchChromium()]);
    await rpc(harness.url, 'hall.init', { code: 'JS0103', name: '城南供电营业厅' });
    await archivedApplication(harness.url, previous);
    page = await signedInPage(browser, harness);
    intake = new IntakeFormPage(page);
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  it('A 过户 with the old owner shown as 原户名', async () => {
    await intake.open(harness.url);
    // 过户 is for every class: the class is chosen next.
    await page.getByLabel('业务类型').fill('过户');
    await page.keyboard.press('Enter');
    await page.getByRole('radio', { name: '低压非居民' }).check();
    await page.getByTestId('intake-form').waitFor();
    await intake.fill('户号', ACCOUNT);
    await page.getByRole('button', { name: '查询' }).click();

    // The old owner, read-only; the new owner's fields empty (nothing of the old owner in them).
    await expect.poll(() => intake.field('原户名').inputValue()).toBe('南京秦淮餐饮有限公司');
    expect(await intake.field('原户名').getAttribute('readonly')).not.toBeNull();
    expect(await intake.field('原证件（统一社会信用代码）').inputValue()).toBe(previous.customer.idNumber);
    expect(await intake.field('原法定代表人').inputValue()).toBe('刘建国');
    expect(await intake.field('户名').inputValue()).toBe('');
    expect(await intake.field('证件号码').inputValue()).toBe('');
    expect(await intake.field('联系电话').inputValue()).toBe('');
    expect(await intake.field('法定代表人姓名').inputValue()).toBe('');
    expect(await intake.field('用电地址').inputValue()).toBe(previous.site.address);

    await intake.fill('户名', '南京新街口餐饮管理有限公司');
    await intake.fill('法定代表人姓名', '周立新');
    await intake.fill('联系电话', '13955556666');
    expect(await intake.field('原户名').inputValue()).toBe('南京秦淮餐饮有限公司');
    expect(await intake.field('原法定代表人').inputValue()).toBe('刘建国');
    await page.getByTestId('section-existing').scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('transfer-old-owner.png') });
    const section = (await page.getByTestId('section-customer').textContent()) ?? '';
    expect(section).not.toContain('南京秦淮餐饮有限公司');
  });

  it('takes the previous account’s customer and address out of the form when a look-up fails', async () => {
    await page.goto('about:blank');
    await intake.open(harness.url);
    await intake.chooseType('低压非居民增容');
    await intake.fill('户号', ACCOUNT);
    await page.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => intake.field('户名').inputValue()).toBe('南京秦淮餐饮有限公司');
    expect(await intake.field('用电地址').inputValue()).toBe(previous.site.address);

    await intake.fill('户号', UNKNOWN_ACCOUNT);
    await page.getByRole('button', { name: '查询' }).click();
    await expect
      .poll(() => page.locator('.ant-message').textContent())
      .toContain(`已清除按户号 ${ACCOUNT} 带出的客户与地址`);
    expect(await page.locator('.ant-message').textContent()).toContain(`没有户号 ${UNKNOWN_ACCOUNT} 的记录`);
    await expect.poll(() => intake.field('户名').inputValue()).toBe('');
    expect(await intake.field('证件号码').inputValue()).toBe('');
    expect(await intake.field('法定代表人姓名').inputValue()).toBe('');
    expect(await intake.field('用电地址').inputValue()).toBe('');
    expect(await intake.field('原合同容量（kW）').inputValue()).toBe('');
    await page.screenshot({ path: artifactPath('lookup-failed-cleared.png') });
  });
});
