/**
 * Issue 11's first journey, in the UI alone at 1366×768: a 10 kV 二级负荷 new connection with one supply line is
 * accepted by a clerk, acknowledged at 现场勘查 with a reason, given a second source in the scheme by 添加电源,
 * approved by a supervisor in a second browser context, its reply and contract printed, the contract signed, and
 * carried through to 归档. It runs in the README's demo hall (its hall, 文书抬头 and users as `npm run dev:web`
 * builds them): after that, no command line and no API, only 李雷 (C001, 营业员) and 王建国 (S001, 班长/审核员) at
 * their screens. Screenshots in test/e2e/artifacts/journey-hv-*.png.
 */
import { execFileSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousA11yViolations } from './support/axe';
import { artifactPath, launchChromium } from './support/browser';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoHallPage, startDemoHall, type DemoHallServer } from './support/demoHall';
import { ApplicationDetailPage } from './pages/ApplicationDetailPage';
import { IntakeFormPage } from './pages/IntakeFormPage';
import { SchemeTabs } from './pages/SchemePage';

const ALL_RECEIVED = [
  '主体资格证明',
  '法定代表人（负责人）身份证明',
  '用电申请书',
  '用电地址物业权属证明',
  '项目核准/备案文件',
  '用电设备清单/负荷资料',
  '受电工程设计文件',
  '施工单位资质证明',
  '隐蔽工程施工记录',
  '竣工报验资料',
  '供用电合同',
];

describe('Journey: a 10 kV 二级负荷 new connection from the counter to the archive, in the UI alone', () => {
  let dataHome: string;
  let hall: DemoHallServer;
  let browser: Browser;
  let clerkPage: Page;
  let supervisorPage: Page;
  let number = '';
  let shot = 0;
  const screenshot = (page: Page, name: string) =>
    page.screenshot({
      path: artifactPath(`journey-hv-${String(++shot).padStart(2, '0')}-${name}.png`),
      fullPage: true,
    });

  const signedIn = (staffNo: string) => demoHallPage(browser, hall.url, staffNo);

  beforeAll(async () => {
    dataHome = fs.mkdtempSync(path.join(os.tmpdir(), 'yekuo-data-home-'));
    [hall, browser] = await Promise.all([startDemoHall(dataHome, 40), launchChromium()]);
    clerkPage = await signedIn('C001');
    supervisorPage = await signedIn('S001');
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await hall?.stop();
    fs.rmSync(dataHome, { recursive: true, force: true });
  });

  it('the clerk accepts it at the counter', async () => {
    const intake = new IntakeFormPage(clerkPage);
    await intake.open(hall.url);
    await intake.chooseType('高压新装');
    await intake.fill('户名', '杭州振华精密机械有限公司');
    await intake.fill('证件号码', '91110000600037341L');
    await intake.fill('法定代表人姓名', '张玥喆');
    await intake.fill('法定代表人身份证号码', '11010519491231002X');
    await intake.fill('联系电话', '13700003333');
    await intake.fill('用电地址', '浙江省杭州市西湖区三墩镇振华路 288 号');
    await intake.select('供电电压', '交流 10 kV');
    await intake.fill('申请容量（kVA）', '1260');
    await clerkPage.getByRole('button', { name: '添加变压器' }).click();
    await intake.fill('变压器 1 容量', '630');
    await intake.fill('台数', '2');
    await intake.select('电价类别', '工商业');
    await intake.select('电价制度', '两部制');
    await intake.fill('国民经济行业分类', 'C3411');
    await intake.select('负荷等级', '二级');
    await clerkPage.getByRole('button', { name: '添加电源' }).click();
    await intake.fill('变电站', '三墩 110 kV 变电站');
    await intake.fill('线路', '10 kV 振华 A 线');
    await intake.select('计量方式', '高供高计');
    for (const document of ALL_RECEIVED) await intake.document(document, '已收');
    await intake.acknowledge('R-NM-01', '已核对营业执照原件');
    await screenshot(clerkPage, 'intake');
    await expect.poll(() => intake.saveState().textContent()).toMatch(/可以保存/);
    await intake.saveButton().click();
    const success = clerkPage.getByText(/已受理，申请编号 YS0101-\d{8}-\d{4}/);
    await success.waitFor();
    number = /YS0101-\d{8}-\d{4}/.exec((await success.textContent()) ?? '')?.[0] ?? '';
    expect(number).not.toBe('');
  });

  it('at 现场勘查 the one-line warning is acknowledged with a reason', async () => {
    const detail = new ApplicationDetailPage(clerkPage);
    await detail.open(hall.url, number);
    await detail.press('推进到下一环节');
    await expect.poll(() => detail.stage().textContent()).toBe('现场勘查');
    await detail.press('推进到下一环节');
    await clerkPage.getByTestId('move-warnings').waitFor();
    await clerkPage.getByRole('checkbox', { name: '确认 R-LG-03' }).check();
    await clerkPage.getByRole('textbox', { name: '理由 R-LG-03' }).fill('现场勘查后方案增加第二回线路');
    await screenshot(clerkPage, 'acknowledge');
    await clerkPage.getByRole('button', { name: '确认并推进' }).click();
    await expect.poll(() => detail.stage().textContent()).toBe('供电方案');
  });

  it('the clerk drafts the scheme with a second source added by the button', async () => {
    const scheme = new SchemeTabs(clerkPage);
    await scheme.openScheme();
    await clerkPage.getByRole('button', { name: '添加电源' }).click();
    const form = clerkPage.getByTestId('scheme-form');
    const nth = (label: string, index: number) => form.getByLabel(label, { exact: true }).nth(index);
    await nth('电源 2 性质', 0).click();
    await clerkPage.keyboard.type('备用');
    await clerkPage.keyboard.press('Enter');
    await nth('电源变电站', 1).fill('古荡 110 kV 变电站');
    await nth('线路及间隔', 1).fill('10 kV 振华 B 线');
    await nth('供电容量', 1).fill('1260');
    await nth('产权分界点', 0).fill('振华 A 线 12# 杆 T 接点');
    await nth('产权分界点', 1).fill('振华 B 线 8# 杆 T 接点');
    await scheme.field('主接线方式').fill('10 kV 单母线分段，两路进线，一主一备');
    await scheme.field('安装位置').fill('客户配电站 10 kV 进线计量柜');
    await scheme.field('电能表规格及接线').fill('三相三线智能电能表 3×100 V 3×1.5(6) A');
    await clerkPage.getByRole('button', { name: '添加费用' }).click();
    await nth('单价', 0).fill('260');
    await nth('应收金额', 0).fill('327600');
    await nth('收费依据', 0).fill('浙价资〔2017〕98 号');
    await clerkPage.getByRole('button', { name: '保存方案草稿' }).click();
    await expect.poll(() => scheme.versions().textContent()).toContain('草稿');
    // The clerk's 审批通过并推进 is disabled, and the page says who moves on and what the clerk does meanwhile.
    expect(await clerkPage.getByTestId('approval-hint').textContent()).toContain('班长/审核员审批');
    await screenshot(clerkPage, 'scheme-draft');
  });

  it('the supervisor approves the scheme and moves the application on from 供电方案', async () => {
    const detail = new ApplicationDetailPage(supervisorPage);
    await detail.open(hall.url, number);
    const scheme = new SchemeTabs(supervisorPage);
    await scheme.openScheme();
    await supervisorPage.getByRole('button', { name: '审批通过第 1 版' }).click();
    await expect.poll(() => scheme.versions().textContent()).toContain('已审批');
    await screenshot(supervisorPage, 'scheme-approved');
    await detail.press('审批通过并推进');
    // The approved scheme has two sources, so 高可靠性供电费 is due although the application asked for one line.
    await expect.poll(() => detail.stage().textContent()).toBe('业务收费');
  });

  it('the clerk prints the reply, carries the works through, prints and registers the contract, and archives', async () => {
    const detail = new ApplicationDetailPage(clerkPage);
    await detail.open(hall.url, number);
    const paperwork = new SchemeTabs(clerkPage);
    await paperwork.openPaperwork();
    await clerkPage.getByRole('button', { name: '生成供电方案答复单' }).click();
    await Promise.all([
      clerkPage.waitForEvent('download'),
      clerkPage.getByRole('button', { name: '打印答复单' }).click(),
    ]);
    await clerkPage.getByRole('button', { name: '确认已打印' }).click();
    await clerkPage.getByText(/已打印并记录 \d+ 份/).waitFor();
    await screenshot(clerkPage, 'reply-printed');
    // The field crew's 装表接电工作单 comes from the same approved scheme, both sources with their boundary points.
    await clerkPage.getByRole('button', { name: '生成装表接电工作单' }).click();
    const [sheet] = await Promise.all([
      clerkPage.waitForEvent('download'),
      clerkPage.getByRole('button', { name: /^下载工作单 / }).click(),
    ]);
    const sheetFile = artifactPath('journey-hv-work-sheet.pdf');
    await sheet.saveAs(sheetFile);
    const sheetText = execFileSync('pdftotext', ['-layout', sheetFile, '-']).toString();
    expect(sheetText).toContain('装表接电工作单');
    expect(sheetText).toContain(number);

    for (let step = 0; step < 12; step++) {
      const stage = await detail.stage().textContent();
      if (stage === '归档') break;
      if (stage === '签订合同') await signContract(clerkPage);
      if (stage === '竣工检验') await passCompletionCheck(clerkPage);
      await detail.press('推进到下一环节');
      await expect
        .poll(async () => ((await detail.moveError().count()) ? await detail.moveError().textContent() : null))
        .toBeNull();
      await expect.poll(() => detail.stage().textContent()).not.toBe(stage);
    }
    expect(await detail.stage().textContent()).toBe('归档');
    await detail.press('归档');
    await expect.poll(() => detail.status().textContent()).toBe('已归档');
    await detail.tab('审计记录');
    const audit = await clerkPage.getByTestId('audit').textContent();
    expect(audit).toContain('现场勘查后方案增加第二回线路');
    expect(audit).toContain('王建国');
    // Every item of the trail is named, and moments read on the hall's clock (no ISO UTC stamp).
    expect(audit).not.toContain('其他项目');
    expect(audit).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
    await screenshot(clerkPage, 'archived');
    expect(await seriousA11yViolations(clerkPage)).toEqual([]);
  });
});

/** In 竣工检验: the clerk records that the customer's works passed (R-GATE-01 asks for it before 装表接电). */
async function passCompletionCheck(page: Page): Promise<void> {
  await page.getByRole('button', { name: '登记竣工检验合格' }).click();
  await page.getByRole('button', { name: '登记', exact: true }).click();
  // The tag, or the refusal's text if the update was refused.
  const passed = page.getByText('竣工检验合格', { exact: true });
  await expect
    .poll(async () => (await page.locator('.ant-message-error').allTextContents()).join('') || (await passed.count()))
    .toBe(1);
}

/** In 签订合同: generate the contract, print it (the download stands for the printer), confirm, register it signed. */
async function signContract(page: Page): Promise<void> {
  const paperwork = new SchemeTabs(page);
  await paperwork.openPaperwork();
  // The HV contract's party block needs the customer's address and bank (refused without them).
  await paperwork.saveContractDetails({
    用电人通讯地址: '杭州市余杭区良渚街道好运路 18 号',
    用电人开户银行及账号: '中国建设银行杭州良渚支行 3305 0161 6200 0000 5678',
  });
  await page.getByRole('button', { name: '生成供用电合同' }).click();
  await page.getByTestId('contract').waitFor();
  await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '打印合同' }).click()]);
  await page.getByRole('button', { name: '确认已打印' }).click();
  await expect.poll(() => page.getByTestId('contract-status').textContent()).toBe('已打印');
  await page.getByRole('button', { name: '登记已签订' }).click();
  await expect.poll(() => page.getByTestId('contract-status').textContent()).toBe('已签订');
}
