import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationSummary } from '../../shared/api/applications';
import { seriousA11yViolations } from './support/axe';
import { artifactPath, launchChromium } from './support/browser';
import { startHarness, type Harness } from './support/harness';
import { createAndAdvance, rpc } from './support/rpc';
import { initHall, XIHU_HALL } from './support/cli';
import { signedInPage } from './support/page';
import { ApplicationDetailPage } from './pages/ApplicationDetailPage';
import { SchemeTabs } from './pages/SchemePage';

const record = JSON.parse(fs.readFileSync('test/fixtures/e2e/hv-new-connection.json', 'utf8')) as unknown;

describe('Journey 2: a 10 kV new connection for a company — scheme, approval, contract, change control', () => {
  let clerk: Harness;
  let supervisor: Harness;
  let browser: Browser;
  let clerkPage: Page;
  let supervisorPage: Page;
  let number = '';

  beforeAll(async () => {
    [clerk, browser] = await Promise.all([startHarness({ role: 'clerk', name: '刘洋' }), launchChromium()]);
    supervisor = await startHarness({ role: 'supervisor', name: '周建国', dataDir: clerk.dataDir });
    initHall(clerk.dataDir, XIHU_HALL);
    number = await createAndAdvance(clerk.url, record, 2);
    clerkPage = await signedInPage(browser, clerk, { height: 900 });
    supervisorPage = await signedInPage(browser, supervisor, { height: 900 });
  });
  afterAll(async () => {
    await browser?.close();
    await supervisor?.stop();
    await clerk?.stop();
  });

  it('the clerk drafts the scheme from the survey; blanks are refused field by field', async () => {
    const detail = new ApplicationDetailPage(clerkPage);
    await detail.open(clerk.url, number);
    expect(await detail.stage().textContent()).toBe('供电方案');
    const scheme = new SchemeTabs(clerkPage);
    await scheme.openScheme();
    expect(await scheme.field('电源变电站').inputValue()).toBe('三墩 110 kV 变电站');

    await clerkPage.getByRole('button', { name: '保存方案草稿' }).click();
    await scheme.error().waitFor();
    expect(await clerkPage.getByTestId('problems-sources.0.boundaryPoint').count()).toBe(1);

    await scheme.field('产权分界点').fill('振华 A 线 12# 杆 T 接点');
    await scheme.field('主接线方式').fill('10 kV 单母线，一路进线，两台变压器分列运行');
    await scheme.field('安装位置').fill('客户配电站 10 kV 进线计量柜');
    await scheme.field('电能表规格及接线').fill('三相三线智能电能表 3×100 V 3×1.5(6) A');
    await clerkPage.getByRole('button', { name: '保存方案草稿' }).click();
    await expect.poll(() => scheme.versions().textContent()).toContain('草稿');
    expect(await clerkPage.getByRole('button', { name: '审批通过第 1 版' }).count()).toBe(0);
    await clerkPage.screenshot({ path: artifactPath('scheme-draft.png'), fullPage: true });
    expect(await seriousA11yViolations(clerkPage)).toEqual([]);
  });

  it('the supervisor approves it; the clerk generates, downloads and signs the contract', async () => {
    const detail = new ApplicationDetailPage(supervisorPage);
    await detail.open(supervisor.url, number);
    const scheme = new SchemeTabs(supervisorPage);
    await scheme.openScheme();
    await supervisorPage.getByRole('button', { name: '审批通过第 1 版' }).click();
    await expect.poll(() => scheme.versions().textContent()).toContain('已审批');
    // A high-voltage contract is drawn up in the 签订合同 stage, after the customer's works (REFERENCE.md §3.2).
    for (let step = 0; step < 8; step++) {
      // Leaving 供电方案 needs a supervisor.
      const moved = await rpc<ApplicationSummary>(supervisor.url, 'applications.advance', { number });
      if (moved.stage === 'CONTRACT') break;
    }

    const clerkDetail = new ApplicationDetailPage(clerkPage);
    await clerkDetail.open(clerk.url, number);
    const paperwork = new SchemeTabs(clerkPage);
    await paperwork.openPaperwork();
    // The HV contract prints the customer's address and bank (REFERENCE.md §7.3 A.1): refused, naming where to
    // fill them, until the clerk does so in 合同条款, with the 特别约定 the contract prints.
    await clerkPage.getByRole('button', { name: '生成供用电合同' }).click();
    await expect
      .poll(() => clerkPage.getByTestId('paperwork-error').textContent())
      .toContain('缺少“用电人·通讯地址”、“用电人·开户银行及账号”：请在“申请详情 › 合同与文书 › 合同条款”中填写');
    await paperwork.saveContractDetails({
      用电人通讯地址: '杭州市西湖区三墩镇振华路 288 号 财务部',
      用电人开户银行及账号: '中国农业银行杭州三墩支行 1903 0101 0400 1234 5',
      特别约定: '用电人 10 kV 配电室由其委托具备承装（修、试）电力设施许可证的单位运行维护。',
    });
    await clerkPage.screenshot({ path: artifactPath('contract-details.png') });
    await clerkPage.getByRole('button', { name: '生成供用电合同' }).click();
    await clerkPage.getByTestId('contract').waitFor();
    const [download] = await Promise.all([
      clerkPage.waitForEvent('download'),
      clerkPage.getByRole('button', { name: '下载合同' }).click(),
    ]);
    const pdf = artifactPath('journey2-contract.pdf');
    await download.saveAs(pdf);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
    expect(text).toContain('供用电合同');
    expect(text).toContain('杭州振华精密机械有限公司');
    const flat = text.replace(/\s+/g, '');
    // Layout 5 spaces Latin words against Chinese one way (none between them): the clerk's 振华 A 线 12# 杆 T 接点.
    expect(flat).toContain('振华A线12#杆T接点');
    expect(flat).toContain('中国农业银行杭州三墩支行1903010104001234');
    expect(flat).toContain('用电人10kV配电室由其委托具备承装（修、试）电力设施许可证的单位运行维护。');
    // The QR fingerprint names the contract number printed on the paper.
    expect(text).toContain((await clerkPage.getByTestId('contract-no').textContent()) ?? 'missing');
    // The web harness has no printer: the file to print downloads, and the print is logged (draft → printed)
    // only when the clerk confirms the paper came out.
    const [toPrint] = await Promise.all([
      clerkPage.waitForEvent('download'),
      clerkPage.getByRole('button', { name: '打印合同' }).click(),
    ]);
    const printed = artifactPath('journey2-print.pdf');
    await toPrint.saveAs(printed);
    expect(fs.readFileSync(printed).equals(fs.readFileSync(pdf)), 'prints the contract as generated').toBe(true);
    expect(await clerkPage.getByTestId('contract-status').textContent()).toBe('草稿');
    await clerkPage.getByRole('button', { name: '确认已打印' }).click();
    await expect.poll(() => clerkPage.getByTestId('contract-status').textContent()).toBe('已打印');
    await clerkPage.getByRole('button', { name: '登记已签订' }).click();
    await expect.poll(() => clerkPage.getByTestId('contract-status').textContent()).toBe('已签订');
    await clerkPage.screenshot({ path: artifactPath('contract-signed.png'), fullPage: true });
  });

  it('a later change is refused for the clerk and needs a supervisor with a reason, after the contract is voided', async () => {
    const scheme = new SchemeTabs(clerkPage);
    await new ApplicationDetailPage(clerkPage).open(clerk.url, number);
    await scheme.openScheme();
    await clerkPage.getByLabel('变更理由').fill('客户要求增加一台变压器');
    await clerkPage.getByRole('button', { name: '保存为新版本草稿' }).click();
    await scheme.error().waitFor();
    expect(await scheme.error().textContent()).toContain('班长/审核员');

    const sup = new SchemeTabs(supervisorPage);
    await new ApplicationDetailPage(supervisorPage).open(supervisor.url, number);
    await sup.openScheme();
    await sup.field('核定容量（kVA）').fill('1890');
    await supervisorPage.getByRole('button', { name: '保存为新版本草稿' }).click();
    await sup.error().waitFor();
    expect(await sup.error().textContent()).toContain('变更理由');

    await supervisorPage.getByLabel('变更理由').fill('客户要求增加一台 630 kVA 变压器');
    await supervisorPage.getByRole('button', { name: '保存为新版本草稿' }).click();
    await expect.poll(() => sup.error().textContent()).toContain('合同已签订');

    // Signing locked the scheme: the supervisor voids the contract (with its reason) before the scheme may change.
    const paperwork = new SchemeTabs(supervisorPage);
    await paperwork.openPaperwork();
    await supervisorPage.getByLabel('作废原因').fill('方案变更，重新签订');
    await supervisorPage.getByRole('button', { name: '作废合同' }).click();
    await expect.poll(() => supervisorPage.getByTestId('contract-status').textContent()).toBe('已作废');
    await sup.openScheme();
    await supervisorPage.getByRole('button', { name: '保存为新版本草稿' }).click();
    // The save, audit and reload run on a busy two-core machine.
    await expect
      .poll(() => sup.versions().textContent(), { timeout: 30_000 })
      .toContain('客户要求增加一台 630 kVA 变压器');
    await supervisorPage
      .getByTestId('scheme-versions')
      .getByRole('button', { name: /展开行|Expand row/ })
      .first()
      .click();
    expect(await sup.versions().textContent()).toContain('1890');
    expect(await sup.versions().textContent()).toContain('核定容量 (kVA)');
    await supervisorPage.screenshot({ path: artifactPath('scheme-change.png'), fullPage: true });
    expect(await seriousA11yViolations(supervisorPage)).toEqual([]);
  });
});
