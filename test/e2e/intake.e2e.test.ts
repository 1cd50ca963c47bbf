import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationDetail } from '../../shared/api/applications';
import { seriousA11yViolations } from './support/axe';
import { VALID_ID, WRONG_ID } from './support/idNumbers';
import { artifactPath, launchChromium } from './support/browser';
import { signedInPage } from './support/page';
import { startHarness, type Harness } from './support/harness';
import { rpc } from './support/rpc';
import { ApplicationDetailPage } from './pages/ApplicationDetailPage';
import { IntakeFormPage } from './pages/IntakeFormPage';

describe('Journey 1: a low-voltage residential new connection, from the counter to the archive', () => {
  let harness: Harness;
  let browser: Browser;
  let page: Page;
  let number1 = '';

  beforeAll(async () => {
    [harness, browser] = await Promise.all([startHarness({ role: 'admin', name: '张晓燕' }), launchChromium()]);
    await rpc(harness.url, 'hall.init', { code: 'JS0101', name: '城东供电营业厅' });
    page = await signedInPage(browser, harness, { height: 900 });
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  it('shows each error at its field, and saves once they are fixed', async () => {
    const intake = new IntakeFormPage(page);
    await intake.open(harness.url);
    await intake.chooseType('低压居民新装');
    expect(await page.getByRole('radio', { name: '低压居民' }).isChecked()).toBe(true);

    await intake.fill('户名', '王小明');
    await intake.fill('证件号码', WRONG_ID);
    await intake.fill('联系电话', '1381234567');
    await intake.fill('用电地址', '江苏省南京市玄武区中山路 88 号 3 幢 1 单元 502 室');
    await intake.select('供电电压', '220');
    await intake.fill('申请容量（kW）', '12');
    await intake.select('电价类别', '居民');

    await expect.poll(() => intake.problemText('customer.idNumber')).toContain('校验位');
    await expect.poll(() => intake.problemText('customer.phone')).toContain('联系电话');
    await expect.poll(() => intake.problemText('requestedCapacityKw')).toContain('R-VC-01');
    expect(await intake.saveState().textContent()).toMatch(/还有 \d+ 处错误需要改正：.*证件号码/);
    await page.screenshot({ path: artifactPath('intake-errors.png'), fullPage: true });
    expect(await seriousA11yViolations(page)).toEqual([]);

    await intake.fill('证件号码', VALID_ID);
    await intake.fill('联系电话', '13812345678');
    await intake.fill('申请容量（kW）', '8');
    await expect.poll(() => intake.problemText('customer.idNumber')).toBe('');
    await expect.poll(() => intake.problemText('customer.phone')).toBe('');
    await expect.poll(() => intake.problemText('requestedCapacityKw')).toBe('');

    await intake.document('用电人有效身份证明', '已收');
    await intake.document('用电申请书', '已收');
    await intake.document('供用电合同', '已收');
    await intake.document('用电地址物业权属证明', '容缺');
    await expect.poll(() => intake.problemText('documents')).toContain('承诺书');
    // The due stage the row shows is the one the live check sees, before any other change.
    expect(await page.getByRole('combobox', { name: '用电地址物业权属证明 补交期限' }).count()).toBe(1);
    expect(await page.getByText('未注明补交环节').count()).toBe(0);
    await intake.document('承诺书', '已收');
    await expect.poll(() => intake.saveState().textContent()).toBe('所有校验已通过，可以保存（Ctrl+S）');
    await page.keyboard.press('Control+s');

    const success = page.getByText(/已受理，申请编号 JS0101-\d{8}-\d{4}/);
    await success.waitFor();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const number = /JS0101-\d{8}-\d{4}/.exec((await success.textContent()) ?? '')?.[0] ?? '';
    const saved = await rpc<ApplicationDetail>(harness.url, 'applications.get', { number });
    expect(saved.record.customer).toMatchObject({ name: '王小明', idNumber: VALID_ID, phone: '13812345678' });
    expect(saved.record.requestedCapacityKw).toBe(8);
    expect(saved.record.documents).toContainEqual({ code: 'PROPERTY', status: 'DEFERRED', dueStage: 'METER_CONNECT' });
    expect(saved.stage).toBe('ACCEPT');
    number1 = number;
  });

  it('is advanced to 装表接电 and archived from the detail page', async () => {
    await page.getByRole('button', { name: '查看申请详情' }).click();
    const detail = new ApplicationDetailPage(page);
    await detail.stage().waitFor();
    expect(await detail.stage().textContent()).toBe('业务受理');

    // 电网配套工程 is optional and left to the clerk for a residential connection: skipped with a reason.
    await detail.press('跳过“电网配套工程”并推进');
    const dialog = page.getByRole('dialog', { name: '跳过可选环节“电网配套工程”' });
    await dialog.getByRole('textbox', { name: '理由' }).fill('客户表箱已在，低压线路已到户，无需外线工程');
    await dialog.getByRole('button', { name: '确定' }).click();
    // The property proof was deferred until 装表接电: entering that stage without it is refused.
    await expect.poll(() => dialog.getByTestId('move-error').textContent()).toContain('用电地址物业权属证明');
    await page.screenshot({ path: artifactPath('detail-refused.png'), fullPage: true });
    await dialog.getByRole('button', { name: '取消' }).click();
    expect(await detail.stage().textContent()).toBe('业务受理');

    await detail.receiveDocument('用电地址物业权属证明');
    await detail.press('跳过“电网配套工程”并推进');
    await dialog.getByRole('textbox', { name: '理由' }).fill('客户表箱已在，低压线路已到户，无需外线工程');
    await dialog.getByRole('button', { name: '确定' }).click();
    await expect.poll(() => detail.stage().textContent()).toBe('装表接电');
    await detail.tab('办理进度');
    expect(await page.getByTestId('skipped-stages').textContent()).toBe(
      '电网配套工程：跳过（客户表箱已在，低压线路已到户，无需外线工程）',
    );
    await detail.press('推进到下一环节');
    await expect.poll(() => detail.stage().textContent()).toBe('归档');
    await detail.press('归档');
    await expect.poll(() => detail.status().textContent()).toBe('已归档');

    await detail.tab('审计记录');
    expect(await page.getByTestId('audit').textContent()).toContain('张晓燕');
    await page.screenshot({ path: artifactPath('detail-archived.png'), fullPage: true });
    expect(await seriousA11yViolations(page)).toEqual([]);
    const archived = await rpc<ApplicationDetail>(harness.url, 'applications.get', { number: number1 });
    expect(archived).toMatchObject({ status: 'ARCHIVED', stage: 'ARCHIVE' });
  });
});
