import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../renderer/src/format/dates';
import { seriousA11yViolations } from './support/axe';
import { artifactPath, launchChromium } from './support/browser';
import { startHarness, type Harness } from './support/harness';
import { createAndAdvance } from './support/rpc';
import { initHall, XIHU_HALL } from './support/cli';
import { signedInPage } from './support/page';
import { ApplicationDetailPage } from './pages/ApplicationDetailPage';
import { SchemeTabs } from './pages/SchemePage';

/** A 10 kV 二级负荷 company with one supply line: R-LG-03 warns on entering 供电方案. */
const record = {
  ...(JSON.parse(fs.readFileSync('test/fixtures/e2e/hv-new-connection.json', 'utf8')) as object),
  loadGrade: 'SECOND',
  applicationDate: todayInShanghai(),
};

describe('a move refused only by warnings: 确认 and 理由 per warning, then 确认并推进', () => {
  let harness: Harness;
  let browser: Browser;
  let page: Page;
  let number = '';

  beforeAll(async () => {
    [harness, browser] = await Promise.all([startHarness({ role: 'clerk', name: '刘洋' }), launchChromium()]);
    initHall(harness.dataDir, { code: XIHU_HALL.code, name: XIHU_HALL.name });
    number = await createAndAdvance(harness.url, record, 1);
    page = await signedInPage(browser, harness);
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  it('lists the warning with a checkbox and a reason; the move goes through only with both', async () => {
    const detail = new ApplicationDetailPage(page);
    await detail.open(harness.url, number);
    expect(await detail.stage().textContent()).toBe('现场勘查');
    await detail.press('推进到下一环节');
    const warnings = page.getByTestId('move-warnings');
    await warnings.waitFor();
    expect(await warnings.textContent()).toContain('二级负荷宜由两回线路供电');
    const confirm = page.getByRole('button', { name: '确认并推进' });
    expect(await confirm.isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: '确认 R-LG-03' }).check();
    expect(await confirm.isDisabled()).toBe(true);
    await page.getByRole('textbox', { name: '理由 R-LG-03' }).fill('负荷较小，一回 10 kV 专用架空线');
    await page.screenshot({ path: artifactPath('move-warnings.png') });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await confirm.click();
    await expect.poll(() => detail.stage().textContent()).toBe('供电方案');
    expect(await warnings.count()).toBe(0);

    await page.getByRole('tab', { name: /审计记录/ }).click();
    const audit = page.getByTestId('audit');
    expect(await audit.textContent()).toContain('负荷较小，一回 10 kV 专用架空线');
  });

  it('添加电源 adds a complete source row: blanks are named in Chinese, the filled scheme saves', async () => {
    const scheme = new SchemeTabs(page);
    await scheme.openScheme();
    await page.getByRole('button', { name: '添加电源' }).click();
    await page.getByRole('button', { name: '保存方案草稿' }).click();
    await scheme.error().waitFor();
    const shown = await page.getByTestId('scheme-form').textContent();
    expect(shown).toContain('供电电源·第 2 项·产权分界点：请填写');
    expect(shown).not.toMatch(/SCHEMA|string|undefined|期望|电源编号/);

    const form = page.getByTestId('scheme-form');
    const nth = (label: string, index: number) => form.getByLabel(label, { exact: true }).nth(index);
    await nth('电源变电站', 1).fill('古荡 110 kV 变电站');
    await nth('线路及间隔', 1).fill('10 kV 振华 B 线');
    await nth('供电容量', 1).fill('1260');
    await nth('产权分界点', 0).fill('振华 A 线 12# 杆 T 接点');
    await nth('产权分界点', 1).fill('振华 B 线 8# 杆 T 接点');
    await scheme.field('主接线方式').fill('10 kV 单母线分段，两路进线');
    await scheme.field('安装位置').fill('客户配电站 10 kV 进线计量柜');
    await scheme.field('电能表规格及接线').fill('三相三线智能电能表 3×100 V 3×1.5(6) A');
    await page.getByRole('button', { name: '保存方案草稿' }).click();
    await page
      .getByTestId('problems-fees')
      .getByText(/方案有 2 路电网电源，应列明“高可靠性供电费”/)
      .waitFor();
    await page.getByRole('button', { name: '添加费用' }).click();
    expect(await nth('费用 1 名称', 0).inputValue()).toBe('高可靠性供电费');
    await nth('单价', 0).fill('260');
    await nth('应收金额', 0).fill('327600');
    await nth('收费依据', 0).fill('浙价资〔2017〕98 号');
    await page.getByRole('button', { name: '保存方案草稿' }).click();
    await expect.poll(() => scheme.versions().textContent()).toContain('草稿');
    await page.screenshot({ path: artifactPath('scheme-two-sources.png'), fullPage: true });
  });
});
