import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationSummary } from '../../shared/api/applications';
import type { ApplicationInput } from '../../shared/domain/application';
import { artifactPath, launchChromium } from './support/browser';
import { signedInPage } from './support/page';
import { startHarness, type Harness } from './support/harness';
import { rpc } from './support/rpc';
import { ApplicationDetailPage } from './pages/ApplicationDetailPage';
import { IntakeFormPage } from './pages/IntakeFormPage';

const ADDRESS = '江苏省南京市玄武区中山路 88 号 3 幢 1 单元 502 室';
const ID = '11010519491231002X';
const REASON = '客户原申请填错容量，本次为重新申请，原申请将撤回';

/** The customer's first application, still open at the address. */
const first: ApplicationInput = {
  businessType: 'NEW_LVR',
  customerClass: 'LVR',
  customer: { kind: 'PERSON', name: '王小明', idType: 'RIC', idNumber: ID, phone: '13838389438' },
  site: { address: ADDRESS },
  voltageCode: 'AC02202',
  requestedCapacityKw: 8,
  tariff: { category: 'RESIDENTIAL' },
  applicationDate: '2026-12-01',
  documents: [
    { code: 'ID_PERSON', status: 'RECEIVED' },
    { code: 'APPLICATION_FORM', status: 'RECEIVED' },
    { code: 'PROPERTY', status: 'RECEIVED' },
    { code: 'CONTRACT', status: 'RECEIVED' },
  ],
};

describe('The duplicate warning shown while typing and acknowledged', () => {
  let harness: Harness;
  let browser: Browser;
  let page: Page;
  let firstNumber = '';

  beforeAll(async () => {
    [harness, browser] = await Promise.all([startHarness({ role: 'admin', name: '张晓燕' }), launchChromium()]);
    await rpc(harness.url, 'hall.init', { code: 'JS0101', name: '城东供电营业厅' });
    firstNumber = (await rpc<ApplicationSummary>(harness.url, 'applications.create', { record: first })).number;
    page = await signedInPage(browser, harness);
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  it('warns at 用电地址 while typing, takes the reason, saves, and the audit trail says so in Chinese', async () => {
    const intake = new IntakeFormPage(page);
    await intake.open(harness.url);
    await intake.chooseType('低压居民新装');
    await intake.fill('户名', '王小明');
    await intake.fill('证件号码', ID);
    await intake.fill('联系电话', '13838389438');
    await intake.fill('用电地址', ADDRESS);

    // Before any save: the database check answers once typing pauses, at the field.
    await expect.poll(() => intake.problemText('site.address')).toContain('可能重复受理');
    expect(await intake.problemText('site.address')).toContain(firstNumber);
    expect(await intake.saveState().textContent()).not.toContain('所有校验已通过');

    await intake.select('供电电压', '220');
    await intake.fill('申请容量（kW）', '8');
    await intake.select('电价类别', '居民');
    await intake.document('用电人有效身份证明', '已收');
    await intake.document('用电申请书', '已收');
    await intake.document('用电地址物业权属证明', '已收');
    await intake.document('供用电合同', '已收');
    await expect.poll(() => intake.saveState().textContent()).toContain('警告需要填写确认理由');
    await intake.acknowledge('R-DUP-02', REASON);
    await page.screenshot({ path: artifactPath('duplicate-acknowledged.png') });
    await expect.poll(() => intake.saveState().textContent()).toBe('所有校验已通过，可以保存（Ctrl+S）');
    await page.keyboard.press('Control+s');

    await page.getByRole('button', { name: '查看申请详情' }).click();
    const detail = new ApplicationDetailPage(page);
    await detail.stage().waitFor();
    await detail.tab('审计记录');
    const audit = page.getByTestId('audit');
    await expect.poll(() => audit.textContent()).toContain(REASON);
    const text = (await audit.textContent()) ?? '';
    expect(text).toContain('R-DUP-02');
    expect(text).not.toMatch(/acknowledgements|ruleId/);
    await page.screenshot({ path: artifactPath('duplicate-audit.png'), fullPage: true });
  });
});
