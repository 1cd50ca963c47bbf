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

describe('户号 look-ups: a failed look-up leaves nothing of another account (the 过户 journey is in demoHallJourneys)', () => {
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
