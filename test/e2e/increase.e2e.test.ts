import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationInput } from '../../shared/domain/application';
import { seriousA11yViolations } from './support/axe';
import { artifactPath, launchChromium } from './support/browser';
import { signedInPage } from './support/page';
import { startHarness, type Harness } from './support/harness';
import { archivedApplication, rpc } from './support/rpc';
import { ApplicationDetailPage } from './pages/ApplicationDetailPage';
import { IntakeFormPage } from './pages/IntakeFormPage';

const ACCOUNT = '3201234567';
/** The fixture's credit code: a real, valid one from the shared test vectors (python-stdnum's doctest). */
const USCC = '91110000600037341L';

/** The service as the hall last built it: a finished 增容 to 60 kW on the account. */
const previous = JSON.parse(
  fs.readFileSync('test/fixtures/e2e/inc-lvn-external-account.json', 'utf8'),
) as ApplicationInput;

describe('Journey 3: 增容 on an existing account, with a deferred document that blocks its stage', () => {
  let harness: Harness;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [harness, browser] = await Promise.all([startHarness({ role: 'admin', name: '陈静' }), launchChromium()]);
    await rpc(harness.url, 'hall.init', { code: 'JS0103', name: '城南供电营业厅' });
    await archivedApplication(harness.url, previous);
    page = await signedInPage(browser, harness, { height: 900 });
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  it('prefills from the account, saves with 容缺, and refuses the stage where the document falls due', async () => {
    const intake = new IntakeFormPage(page);
    await intake.open(harness.url);
    await intake.chooseType('低压非居民增容');
    await intake.fill('户号', ACCOUNT);
    await page.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => intake.field('户名').inputValue()).toBe('南京秦淮餐饮有限公司');
    expect(await intake.field('证件号码').inputValue()).toBe(USCC);
    expect(await intake.field('原合同容量（kW）').inputValue()).toBe('60');

    await page.getByRole('switch', { name: '户号来自外部系统' }).click();
    await intake.select('供电电压', '380');
    await intake.fill('申请容量（kW）', '50');
    await expect.poll(() => intake.problemText('requestedCapacityKw')).toContain('原');
    await intake.fill('申请容量（kW）', '100');
    await expect.poll(() => intake.problemText('requestedCapacityKw')).toBe('');
    await intake.select('电价类别', '工商业');

    await intake.document('主体资格证明', '已收');
    await intake.document('用电申请书', '已收');
    await intake.document('用电地址物业权属证明', '已收');
    await intake.document('法定代表人（负责人）身份证明', '已收');
    await intake.document('用电设备清单/负荷资料', '容缺');
    await intake.document('承诺书', '已收');
    await intake.acknowledge('R-NM-01', '已核对营业执照原件');
    await page.screenshot({ path: artifactPath('increase-intake.png'), fullPage: true });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await expect.poll(() => intake.saveState().textContent()).toBe('所有校验已通过，可以保存（Ctrl+S）');
    await intake.saveButton().click();
    await page.getByRole('button', { name: '查看申请详情' }).click();

    const detail = new ApplicationDetailPage(page);
    await detail.stage().waitFor();
    await detail.press('推进到下一环节');
    await detail.moveError().waitFor();
    expect(await detail.moveError().textContent()).toContain('用电设备清单/负荷资料');
    expect(await detail.stage().textContent()).toBe('业务受理');

    await detail.receiveDocument('用电设备清单/负荷资料');
    await detail.press('推进到下一环节');
    await expect.poll(() => detail.stage().textContent()).toBe('现场勘查');
  });
});
