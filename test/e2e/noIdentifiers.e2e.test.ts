/**
 * No internal identifier reaches a screen (issue 11): every page of the workstation, signed in as an
 * administrator over demo data at 1366×768, is read as the user sees it (document.body.innerText) and checked
 * for UPPER_CASE codes, camelCase and snake_case names and dotted field paths. Units, file formats and rule
 * references (R-LG-03) are allowed. Screenshots test/e2e/artifacts/no-identifiers-*.png.
 */
import { execFileSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationSummary, Page as ResultPage } from '../../shared/api/applications';
import { BUSINESS_TYPE_INFO, BUSINESS_TYPES, CUSTOMER_CLASS_LABELS } from '../../shared/domain/codes';
import { artifactPath, launchChromium } from './support/browser';
import { CLI_AS_ADMIN } from './support/cli';
import { startHarness, type Harness } from './support/harness';
import { rpc } from './support/rpc';

const yekuo = (dataDir: string, ...args: string[]) =>
  execFileSync(process.execPath, ['bin/yekuo.mjs', '--data', dataDir, ...args], { env: CLI_AS_ADMIN });

/**
 * What a user may read although it looks like an identifier: rule and risk-detector references (R-LG-03,
 * RISK-TIME-01), units, file formats, the forecast's error measure (MAPE) and the data folder's path.
 */
const ALLOWED = [
  /\b(?:R|RISK)-[A-Z]{2,5}-\d{2}\b/g,
  /\b\d*(?:kV|kVA|kW|kWh|kvar|MW|MVA)\b/g,
  /\b(?:PDF|CSV|JSON|USB|MAPE)\b/g,
  /(?:\/[\w.-]+)+/g,
];
/** 运行日志 shows the support log's own lines (events, fields) verbatim, for the help desk: not checked. */
const HELP_DESK_ONLY = new Set(['运行日志']);

const IDENTIFIER = [
  /\b[A-Z][A-Z_]{3,}\b/g, // UPPER_CASE codes: NEW_HV, USCC, TWO_PART
  /\b[a-z]+(?:[A-Z][a-z0-9]*)+\b/g, // camelCase: approvedCapacityKva, stageStartDate
  /\b[a-z0-9]+(?:_[a-z0-9]+)+\b/g, // snake_case: stage_start_date
  /\b[a-z]+(?:\.[a-z][A-Za-z]*)+\b/g, // dotted paths and actions: scheme.draft, customer.idType
];

/** The identifier-like tokens in a text, after the allowed ones are taken out. */
export function identifiersIn(text: string): string[] {
  const cleaned = ALLOWED.reduce((rest, pattern) => rest.replace(pattern, ' '), text);
  return [...new Set(IDENTIFIER.flatMap((pattern) => cleaned.match(pattern) ?? []))];
}

describe('no English identifier on any screen (admin, demo data, 1366×768)', () => {
  let harness: Harness;
  let browser: Browser;
  let page: Page;
  const leaks: Record<string, string[]> = {};

  /** Reads the page as shown and records what leaks, under the page's name. */
  async function check(name: string): Promise<void> {
    await page.waitForLoadState('networkidle');
    // Loaded: no spinner or skeleton left (a panel still reading shows neither data nor leaks).
    await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton'));
    // antd's select keeps an invisible option list for screen readers (read by its aria-label): not on screen.
    const text = await page.evaluate(() => {
      const unseen = new Set(
        [...document.querySelectorAll('[role="option"]')]
          .filter((option) => option.closest('[role="listbox"]')?.getBoundingClientRect().height === 0)
          .map((option) => option.textContent?.trim()),
      );
      return document.body.innerText
        .split('\n')
        .filter((line) => !unseen.has(line.trim()))
        .join('\n');
    });
    const found = identifiersIn(text);
    if (found.length) {
      leaks[name] = found;
      await shot(`leak-${Object.keys(leaks).length}`);
      console.log(`${name}: ${found.join(' ')}`);
    }
  }

  async function shot(name: string): Promise<void> {
    await page.screenshot({ path: artifactPath(`no-identifiers-${name}.png`) });
  }

  async function open(hash: string): Promise<void> {
    await page.goto(`${harness.url}${hash}`);
    await page.reload();
    await page.getByRole('main').waitFor();
  }

  async function tabs(prefix: string): Promise<void> {
    await page.getByRole('tab').first().waitFor();
    for (const tab of await page.getByRole('tab').all()) {
      const label = ((await tab.textContent()) ?? '').replace(/（\d+）$/, '');
      if (HELP_DESK_ONLY.has(label)) continue;
      await tab.click();
      await check(`${prefix} › ${label}`);
    }
  }

  beforeAll(async () => {
    [harness, browser] = await Promise.all([startHarness({ role: 'admin', name: '系统管理员' }), launchChromium()]);
    yekuo(harness.dataDir, 'init', '--hall-code', 'JS0103', '--hall-name', '城南供电营业厅');
    yekuo(harness.dataDir, 'demo', '--count', '200', '--seed', '5');
    page = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })).newPage();
    await harness.signIn(page);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  it('the pattern finds what it must and allows what it may', () => {
    expect(identifiersIn('高压新装（NEW_HV） scheme.draft approvedCapacityKva stage_start_date USCC')).toEqual([
      'NEW_HV',
      'USCC',
      'approvedCapacityKva',
      'stage_start_date',
      'scheme.draft',
    ]);
    expect(
      identifiersIn('R-LG-03 R-GATE-04 RISK-TIME-01 10kV 630 kVA 8 kW 打印 PDF 导出 CSV /tmp/yekuo-uYJkn8'),
    ).toEqual([]);
  });

  it('工作台, 申请查询, 统计与风险, 数据导出 and 系统设置 with every tab', async () => {
    await open('#/workbench');
    await check('工作台');
    await shot('workbench');
    await open('#/query');
    await check('申请查询');
    await shot('query');
    await open('#/risk');
    await tabs('统计与风险');
    await shot('risk');
    await open('#/export');
    await check('数据导出');
    await open('#/settings');
    await tabs('系统设置');
    await shot('settings');
  }, 300_000);

  it('业务受理: the type list and the form of every business type and customer class', async () => {
    await open('#/intake');
    await page.getByLabel('业务类型').click();
    await check('业务受理 › 业务类型列表');
    await shot('intake-types');
    await page.keyboard.press('Escape');
    for (const type of BUSINESS_TYPES) {
      for (const cls of BUSINESS_TYPE_INFO[type].classes) {
        await open('#/intake');
        await page.getByLabel('业务类型').fill(BUSINESS_TYPE_INFO[type].label);
        await page.keyboard.press('Enter');
        if (BUSINESS_TYPE_INFO[type].classes.length > 1) {
          await page.getByRole('radiogroup', { name: '用户分类' }).getByText(CUSTOMER_CLASS_LABELS[cls]).click();
        }
        await page.getByTestId('intake-form').waitFor();
        await check(`业务受理 › ${BUSINESS_TYPE_INFO[type].label}（${CUSTOMER_CLASS_LABELS[cls]}）`);
      }
    }
    await shot('intake-form');
  }, 600_000);

  it('申请详情 with every tab, for applications of each kind, stage and status', async () => {
    const all = await rpc<ResultPage<ApplicationSummary>>(harness.url, 'applications.list', { limit: 200 });
    const chosen = new Map<string, ApplicationSummary>();
    for (const app of all.items) {
      const key = `${app.customerClass}|${app.status}|${app.stage}`;
      if (!chosen.has(key)) chosen.set(key, app);
    }
    expect(chosen.size).toBeGreaterThan(10);
    for (const app of chosen.values()) {
      await open(`#/app/${encodeURIComponent(app.number)}`);
      await page.getByTestId('current-stage').waitFor();
      await tabs(`申请详情 ${app.number}`);
    }
    await shot('detail');
  }, 900_000);

  it('leaks nothing', () => {
    expect(leaks).toEqual({});
  });
});
