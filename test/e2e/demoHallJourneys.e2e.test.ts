/**
 * Three acceptance journeys of the workstation in the README's demo hall, in the UI alone: once `npm run dev:web`
 * has built the hall, every step is a click or a keystroke of 李雷 (C001, 营业员) or 王建国 (S001, 班长/审核员) at
 * 1366×768 — no rpc, no CLI. The account of the 过户 is found in 申请查询 as a clerk finds it; the application that
 * is corrected, and the first of the duplicate pair, are accepted in 业务受理 first.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationDetailPage } from './pages/ApplicationDetailPage';
import { IntakeFormPage } from './pages/IntakeFormPage';
import { seriousA11yViolations } from './support/axe';
import { artifactPath, launchChromium } from './support/browser';
import { demoHallPage, startDemoHall, type DemoHallServer } from './support/demoHall';
import { VALID_ID, VALID_USCC } from './support/idNumbers';

const COUNT = 40;
const MILL = '南京永华纺织有限公司（演示）';
const NEW_OWNER = '南京永盛纺织科技有限公司';
const ADDRESS = '江苏省南京市玄武区中山路 88 号 3 幢 1 单元 502 室';
const DUPLICATE_REASON = '客户原申请填错容量，本次为重新申请，原申请将撤回';

/** What an internal name looks like on screen: camelCase, UPPER_CASE codes, dotted paths. */
const IDENTIFIER = /\b[a-z]+[A-Z][A-Za-z]*\b|\b[A-Z]{2,}_[A-Z_]+\b|\b[a-z]+\.[a-z][A-Za-z.]*\b/;

describe('The demo hall, in the UI only: a 过户, a correction by clerk and supervisor, a duplicate acknowledged', () => {
  let dataHome: string;
  let server: DemoHallServer;
  let browser: Browser;
  let clerk: Page;
  let firstNumber = '';

  const signedIn = (staffNo: string) => demoHallPage(browser, server.url, staffNo);

  /** A 低压居民新装 typed into 业务受理 for the same person at the same address each time. */
  const typeResidentialConnection = async (intake: IntakeFormPage, capacityKw: string) => {
    await intake.open(server.url);
    await intake.chooseType('低压居民新装');
    await intake.fill('户名', '王小明');
    await intake.fill('证件号码', VALID_ID);
    await intake.fill('联系电话', '13838389438');
    await intake.fill('用电地址', ADDRESS);
    await intake.select('供电电压', '220');
    await intake.fill('申请容量（kW）', capacityKw);
    await intake.select('电价类别', '居民');
    for (const paper of ['用电人有效身份证明', '用电申请书', '用电地址物业权属证明', '供用电合同']) {
      await intake.document(paper, '已收');
    }
  };

  /** Ctrl+S on a form that passes, then 查看申请详情: the number the hall gave it. */
  const saveAndOpen = async (page: Page): Promise<string> => {
    await page.keyboard.press('Control+s');
    const title = page.getByText(/^已受理，申请编号 /);
    await title.waitFor();
    const number = /申请编号 (\S+)/.exec((await title.textContent()) ?? '')?.[1] ?? '';
    await page.getByRole('button', { name: '查看申请详情' }).click();
    await new ApplicationDetailPage(page).stage().waitFor();
    return number;
  };

  beforeAll(async () => {
    dataHome = fs.mkdtempSync(path.join(os.tmpdir(), 'yekuo-data-home-'));
    [server, browser] = await Promise.all([startDemoHall(dataHome, COUNT), launchChromium()]);
    clerk = await signedIn('C001');
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(dataHome, { recursive: true, force: true });
  });

  it('过户: the 户号 read in 申请查询, the owner shown as 原户名 beside the new owner, accepted and shown so', async () => {
    // 申请查询 → the mill's archived application → 申请信息: its 户号, as a clerk reads it off the screen.
    await clerk.goto(`${server.url}#/query`);
    await clerk.getByPlaceholder('户名、证件号码、电话、地址或申请编号').fill('永华纺织');
    await clerk.keyboard.press('Enter');
    // Both of its applications are 暂停 and archived; the newest is first.
    await expect.poll(() => clerk.getByText(/^南京永华纺织/).count()).toBeGreaterThan(0);
    await expect.poll(() => clerk.getByText(/^南京(?!永华)/).count()).toBe(0);
    await clerk
      .getByText(/^YS0101-\d{8}-\d{4}$/)
      .first()
      .click();
    const detail = new ApplicationDetailPage(clerk);
    await detail.tab('申请信息');
    const accountNo = /户号\s*(\d{10,13})/.exec((await clerk.getByTestId('record').textContent()) ?? '')?.[1];
    expect(accountNo).toMatch(/^\d{10}$/);

    const intake = new IntakeFormPage(clerk);
    await intake.open(server.url);
    // 过户 is for every class: the class is chosen next.
    await clerk.getByLabel('业务类型').fill('过户');
    await clerk.keyboard.press('Enter');
    await clerk.getByRole('radio', { name: '高压' }).check();
    await clerk.getByTestId('intake-form').waitFor();
    await intake.fill('户号', accountNo!);
    await clerk.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => intake.field('原户名').inputValue()).toBe(MILL);
    expect(await intake.field('原户名').getAttribute('readonly')).not.toBeNull();
    expect(await intake.field('原法定代表人').inputValue()).toBe('吴桂芳');
    expect(await intake.field('户名').inputValue()).toBe('');
    // The service itself does not change hands differently: voltage and capacity come with the account.
    expect(await intake.field('申请容量（kVA）').inputValue()).toBe('630');

    await intake.fill('户名', NEW_OWNER);
    await intake.fill('证件号码', VALID_USCC);
    await intake.fill('联系电话', '13912345678');
    for (const paper of ['主体资格证明', '用电申请书', '用电地址物业权属证明', '产权转移证明', '电费结清证明']) {
      await intake.document(paper, '已收');
    }
    await intake.document('供用电合同', '容缺');
    await intake.acknowledge('R-NM-01', '已对照新户主营业执照原件逐字核对');
    expect(await intake.field('原户名').inputValue()).toBe(MILL);
    await clerk.getByTestId('section-existing').scrollIntoViewIfNeeded();
    await clerk.screenshot({ path: artifactPath('demo-transfer-form.png') });
    await expect.poll(() => intake.saveState().textContent()).toBe('所有校验已通过，可以保存（Ctrl+S）');
    await saveAndOpen(clerk);

    await detail.tab('申请信息');
    const record = (await clerk.getByTestId('record').textContent()) ?? '';
    expect(record).toContain(`原户名${MILL}`);
    expect(record).toContain(`户名${NEW_OWNER}`);
    expect(record).toContain(`户号${accountNo}`);
    await clerk.screenshot({ path: artifactPath('demo-transfer-detail.png') });
  });

  it('correction: the clerk accepts, then corrects the phone, leaves 户名 to the supervisor, who corrects it with a reason', async () => {
    await typeResidentialConnection(new IntakeFormPage(clerk), '6');
    firstNumber = await saveAndOpen(clerk);
    const detail = new ApplicationDetailPage(clerk);
    await detail.tab('申请信息');
    await clerk.getByRole('button', { name: '更正申请信息' }).click();
    const form = clerk.getByTestId('correction-form');
    await form.waitFor();
    const phone = form.getByLabel('联系电话', { exact: true });
    expect(await phone.inputValue()).toBe('13838389438');

    // The customer's identity is a supervisor's correction: the clerk is told so, and cannot save it.
    await form.getByLabel('户名', { exact: true }).fill('王晓明');
    expect(await clerk.getByTestId('save-state').textContent()).toBe('需要班长/审核员办理');
    expect(await clerk.getByRole('button', { name: '保存更正' }).isDisabled()).toBe(true);
    await form.getByLabel('户名', { exact: true }).fill('王小明');
    await phone.fill('13838380000');
    await clerk.getByLabel('更正理由').fill('客户来电更正联系电话');
    expect(await seriousA11yViolations(clerk)).toEqual([]);
    await clerk.getByRole('button', { name: '保存更正' }).click();
    await expect.poll(() => clerk.getByTestId('record').textContent()).toContain('13838380000');

    const supervisor = await signedIn('S001');
    const asSupervisor = new ApplicationDetailPage(supervisor);
    await asSupervisor.open(server.url, firstNumber);
    await asSupervisor.tab('申请信息');
    await supervisor.getByRole('button', { name: '更正申请信息' }).click();
    const supervisorForm = supervisor.getByTestId('correction-form');
    await supervisorForm.getByLabel('户名', { exact: true }).fill('王晓明');
    await supervisor.getByLabel('更正理由').fill('户口簿姓名为王晓明，受理时录错一字');
    await supervisor.screenshot({ path: artifactPath('demo-correction-supervisor.png') });
    await supervisor.getByRole('button', { name: '保存更正' }).click();
    await expect.poll(() => supervisor.getByTestId('record').textContent()).toContain('王晓明');

    await asSupervisor.tab('审计记录');
    const audit = supervisor.getByTestId('audit');
    await expect.poll(() => audit.textContent()).toContain('客户·户名：王小明 → 王晓明');
    const text = (await audit.textContent()) ?? '';
    expect(text).toContain('客户·联系电话：13838389438 → 13838380000');
    expect(text).toContain('户口簿姓名为王晓明，受理时录错一字');
    expect(text).toContain('李雷');
    expect(text).toContain('王建国');
    expect(text).not.toMatch(IDENTIFIER);
    await supervisor.screenshot({ path: artifactPath('demo-correction-audit.png'), fullPage: true });
  });
  it('duplicate: the second application for one person and address is warned about while typing, and acknowledged', async () => {
    // The first is the application corrected above, still open at the address.
    const intake = new IntakeFormPage(clerk);
    await typeResidentialConnection(intake, '8');
    // Before any save: the database check answers once typing pauses, at the field, naming the open application.
    await expect.poll(() => intake.problemText('site.address')).toContain('可能重复受理');
    expect(await intake.problemText('site.address')).toContain(firstNumber);
    await expect.poll(() => intake.saveState().textContent()).toContain('警告需要填写确认理由');
    await intake.acknowledge('R-DUP-02', DUPLICATE_REASON);
    await clerk.screenshot({ path: artifactPath('demo-duplicate-acknowledged.png') });
    await expect.poll(() => intake.saveState().textContent()).toBe('所有校验已通过，可以保存（Ctrl+S）');
    const secondNumber = await saveAndOpen(clerk);
    expect(secondNumber).not.toBe(firstNumber);

    await new ApplicationDetailPage(clerk).tab('审计记录');
    await expect.poll(() => clerk.getByTestId('audit').textContent()).toContain(DUPLICATE_REASON);
    expect(await clerk.getByTestId('audit').textContent()).not.toMatch(/acknowledgements|ruleId/);
  });
});
