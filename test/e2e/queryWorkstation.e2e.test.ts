import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page as ResultPage, ApplicationSummary } from '../../shared/api/applications';
import type { AuditEntry } from '../../shared/api/audit';
import type { SavedFilter } from '../../shared/api/savedFilters';
import { stagePlan } from '../../shared/workflow/stagePlans';
import { demoApplication } from '../../main/services/demo/demoApplication';
import { Prng } from '../../main/services/demo/prng';
import { loadRecord } from '../fixtures/pdf/records';
import { animationsDone } from './support/animations';
import { seriousA11yViolations } from './support/axe';
import { artifactPath, launchChromium } from './support/browser';
import { startHarness, type Harness } from './support/harness';
import { rpc } from './support/rpc';
import { yekuo } from './support/cli';
import { QueryPageObject } from './pages/QueryPage';

/** From now on, records every progress text the batch bar shows while a batch runs (it is gone once the result opens). */
async function watchProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid=batch-progress]')?.textContent;
      if (text && !seen.includes(text)) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

const progressSeen = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);

describe('申请查询 workstation: saved filters, due-date order, batch advance and print, export (supervisor, demo data)', () => {
  let harness: Harness;
  let browser: Browser;
  let page: Page;
  let query: QueryPageObject;

  beforeAll(async () => {
    [harness, browser] = await Promise.all([startHarness({ role: 'supervisor', name: '王建国' }), launchChromium()]);
    yekuo(harness.dataDir, 'init', '--hall-code', 'JS0102', '--hall-name', '城西供电营业厅');
    yekuo(harness.dataDir, 'demo', '--count', '300', '--seed', '11');
    yekuo(
      harness.dataDir,
      'pdf',
      'settings',
      '--utility',
      '国网南京市供电公司',
      '--address',
      '南京市鼓楼区中山北路 1 号',
      '--phone',
      '025-5210 0000',
      '--contact',
      '王建国',
    );
    const context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    page = await context.newPage();
    await harness.signIn(page);
    query = new QueryPageObject(page);
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  it('saves the current search and filters under a name and restores them after a reload', async () => {
    await query.open(harness.url);
    await query.search('有限公司');
    await query.choose('用户分类', '高压');
    await expect.poll(async () => (await query.column('用户分类')).every((c) => c === '高压')).toBe(true);
    await query.saveCurrentFilter('城西高压', async () => {
      await animationsDone(page.locator('.ant-modal'));
      await page.screenshot({ path: artifactPath('query-save-filter.png') });
      expect(await seriousA11yViolations(page)).toEqual([]);
    });
    await page.getByText('已保存筛选“城西高压”').waitFor();
    const saved = await rpc<SavedFilter[]>(harness.url, 'filters.list', {});
    expect(saved.find((f) => f.name === '城西高压')?.query).toEqual({ customerClasses: ['HV'], text: '有限公司' });

    await page.reload();
    await query.rows().first().waitFor();
    await query.choose('保存的筛选', '城西高压');
    await expect.poll(() => page.getByLabel('搜索').inputValue()).toBe('有限公司');
    await expect.poll(async () => (await query.column('用户分类')).every((c) => c === '高压')).toBe(true);
    const expected = await rpc<ResultPage<ApplicationSummary>>(harness.url, 'search.query', {
      text: '有限公司',
      customerClasses: ['HV'],
      limit: 100,
    });
    expect(expected.items.length).toBeGreaterThan(0);
    await expect.poll(async () => (await query.column('申请编号'))[0]).toBe(expected.items[0]?.number);
  });

  it('advances the selected applications and reports those refused with their reasons', async () => {
    // Three fresh applications are the newest rows; one is cancelled first, so the batch result is mixed.
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const created: string[] = [];
    for (const seed of [1, 2, 3]) {
      const plan = stagePlan('NEW_LVR', 'LVR');
      const record = demoApplication(new Prng(seed), {
        type: 'NEW_LVR',
        cls: 'LVR',
        applicationDate: today,
        plan,
        target: 0,
      });
      created.push((await rpc<ApplicationSummary>(harness.url, 'applications.create', { record })).number);
    }
    await rpc(harness.url, 'applications.cancel', { number: created[1], reason: '客户撤回申请' });

    await query.open(harness.url);
    expect(await query.selectFirst(3)).toEqual([...created].reverse());
    await page.getByTestId('selection-count').filter({ hasText: '已选 3 件' }).waitFor();
    await page.screenshot({ path: artifactPath('query-workstation.png') });
    expect(await seriousA11yViolations(page)).toEqual([]);

    await watchProgress(page);
    await page.getByRole('button', { name: '批量推进' }).click();
    const summary = page.getByTestId('batch-summary');
    await summary.waitFor();
    expect(await progressSeen(page)).toContain('推进：已处理 0/3 件');
    expect(await summary.textContent()).toBe('已推进 2 件，未推进 1 件');
    const refusals = page.getByTestId('batch-refusals');
    expect(await refusals.textContent()).toContain(created[1]);
    expect(await refusals.textContent()).toContain('已终止');
    await animationsDone(page.locator('.ant-modal'));
    await page.screenshot({ path: artifactPath('query-batch-result.png') });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /知道了/ }).click();
    await page.getByTestId('selection-count').filter({ hasText: '已选 0 件' }).waitFor();
  });

  it('assigns the selected applications to oneself, refusing the closed one, and lists them under 只看我经办的', async () => {
    await query.open(harness.url);
    const numbers = await query.selectFirst(3);
    const statuses = (await query.column('状态')).slice(0, 3);
    const open = numbers.filter((_, i) => !['已终止', '已归档'].includes(statuses[i] ?? ''));
    expect(open.length).toBe(2);
    await page.getByRole('button', { name: '分派经办人' }).click();
    await query.choose('经办人', '（本人）');
    const assign = page.getByRole('button', { name: /^分\s?派$/ });
    await expect.poll(() => assign.isEnabled()).toBe(true);
    await assign.click();
    await page.getByTestId('batch-summary').filter({ hasText: '已分派 2 件，未分派 1 件' }).waitFor();
    expect(await page.getByTestId('batch-refusals').textContent()).toContain('不能再分派经办人');
    await page.getByRole('button', { name: /知道了/ }).click();

    // All three were accepted by this supervisor, so they were theirs from acceptance (the closed one too).
    await page.getByLabel('只看我经办的').check();
    await expect.poll(async () => (await query.column('申请编号')).sort()).toEqual([...numbers].sort());
    // Names, not staff numbers.
    expect(await query.column('经办人')).toEqual(['王建国', '王建国', '王建国']);
  });

  it('sorts by 到期日 from the column header and from 排序, both ways, undated rows last', async () => {
    await query.open(harness.url);
    const header = page.getByTestId('application-table').locator('thead th', { hasText: '到期日' });
    const firstOf = async (order: string) =>
      (await rpc<ResultPage<ApplicationSummary>>(harness.url, 'applications.list', { order, limit: 100 })).items;
    const dated = (cells: string[]) => cells.filter((c) => c !== '—');

    await header.click();
    const ascending = await firstOf('dueAsc');
    await expect.poll(async () => (await query.column('申请编号'))[0]).toBe(ascending[0]?.number);
    // Polled: the first row can be in place while the rows below it are still being replaced.
    const sortedColumn = async (direction: 'up' | 'down') => {
      const cells = dated(await query.column('到期日'));
      const sorted = direction === 'up' ? [...cells].sort() : [...cells].sort().reverse();
      return cells.length > 5 && cells.join() === sorted.join();
    };
    await expect.poll(() => sortedColumn('up')).toBe(true);
    expect(await page.locator('.ant-select', { has: page.getByLabel('排序') }).textContent()).toBe('到期日由近到远');
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    // No sorter tooltip in the picture or in the contrast check: a fading tooltip is half-transparent text.
    await page.mouse.move(0, 0);
    await expect.poll(() => page.locator('.ant-tooltip:not(.ant-tooltip-hidden)').count()).toBe(0);
    await page.screenshot({ path: artifactPath('query-due-order.png') });
    expect(await seriousA11yViolations(page)).toEqual([]);

    await header.click();
    const descending = await firstOf('dueDesc');
    await expect.poll(async () => (await query.column('申请编号'))[0]).toBe(descending[0]?.number);
    await expect.poll(() => sortedColumn('down')).toBe(true);

    // The whole list in due order: the undated applications (suspended, closed) come after every dated one.
    const all: ApplicationSummary[] = [];
    let cursor: string | undefined;
    do {
      const next = await rpc<ResultPage<ApplicationSummary>>(harness.url, 'applications.list', {
        order: 'dueAsc',
        limit: 37,
        ...(cursor ? { cursor } : {}),
      });
      all.push(...next.items);
      cursor = next.nextCursor ?? undefined;
    } while (cursor);
    const firstUndated = all.findIndex((i) => i.dueDate === null);
    expect(firstUndated).toBeGreaterThan(0);
    expect(all.slice(firstUndated).every((i) => i.dueDate === null)).toBe(true);
    expect(new Set(all.map((i) => i.number)).size).toBe(all.length);

    await query.choose('排序', '最近录入在前');
    const newest = await firstOf('newest');
    await expect.poll(async () => (await query.column('申请编号'))[0]).toBe(newest[0]?.number);
    expect(await header.getAttribute('aria-sort')).toBeNull();
  });

  it('prints the replies of the selected rows as ONE PDF, reports those without an approved scheme, logs on confirm', async () => {
    // Three fresh 高压新装 (the newest rows): two with an approved supply scheme, one without any.
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const plan = stagePlan('NEW_HV', 'HV');
    const created: string[] = [];
    for (const seed of [31, 32, 33]) {
      const record = demoApplication(new Prng(seed), {
        type: 'NEW_HV',
        cls: 'HV',
        applicationDate: today,
        plan,
        target: 0,
      });
      record.industryCode = 'C2929';
      created.push((await rpc<ApplicationSummary>(harness.url, 'applications.create', { record })).number);
    }
    const [a, b, none] = created as [string, string, string];
    for (const number of [a, b]) {
      const draft = await rpc<{ version: number }>(harness.url, 'schemes.saveDraft', {
        number,
        content: loadRecord('hv').scheme,
      });
      await rpc(harness.url, 'schemes.approve', { number, version: draft.version });
    }

    await query.open(harness.url);
    expect(await query.selectFirst(3)).toEqual([none, b, a]);
    await watchProgress(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '批量打印答复单' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^供电方案答复单-\d{4}-\d{2}-\d{2}-2份\.pdf$/);
    const file = await download.path();
    expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toContain(
      'No syntax or stream encoding errors',
    );
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('供电方案答复单');
    // In the order selected: b's reply, then a's, each from its approved version 1.
    expect(text.indexOf(`${b}-FA1`)).toBeGreaterThanOrEqual(0);
    expect(text.indexOf(`${b}-FA1`)).toBeLessThan(text.indexOf(`${a}-FA1`));
    expect(text).not.toContain(none);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);

    const summary = page.getByTestId('batch-summary');
    await summary.filter({ hasText: '已生成 2 件，未生成 1 件' }).waitFor();
    expect(await progressSeen(page)).toContain('生成答复单：已处理 0/3 件');
    expect(await page.getByTestId('batch-print-file').textContent()).toContain(`共 ${pages} 页`);
    const refusals = page.getByTestId('batch-refusals');
    expect(await refusals.textContent()).toContain(none);
    expect(await refusals.textContent()).toContain('还没有供电方案');
    await animationsDone(page.locator('.ant-modal'));
    await page.screenshot({ path: artifactPath('query-batch-print.png') });
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Nothing is logged until the clerk says the paper came out.
    const printed = async (number: string) =>
      (await rpc<AuditEntry[]>(harness.url, 'audit.forApplication', { number })).filter(
        (e) => e.action === 'documents.schemeReply.print',
      ).length;
    expect(await printed(a)).toBe(0);
    await page.getByRole('button', { name: '确认已打印' }).click();
    await page.getByText('已记入打印记录 2 份').waitFor();
    expect([await printed(a), await printed(b), await printed(none)]).toEqual([1, 1, 0]);
    await page.getByRole('button', { name: /知道了/ }).click();
  });

  it('exports the current filtered list to .xlsx through a browser download, identifiers masked', async () => {
    await query.open(harness.url);
    await query.choose('保存的筛选', '挂起中');
    await expect.poll(async () => (await query.column('状态')).every((s) => s === '挂起')).toBe(true);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^申请查询-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.getWorksheet('申请查询')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const expected = await rpc<ResultPage<ApplicationSummary>>(harness.url, 'applications.list', {
      statuses: ['SUSPENDED'],
      limit: 200,
    });
    expect(sheet.rowCount - 1).toBe(expected.items.length);
    const numbers: string[] = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const cells = (row.values as unknown[]).slice(1).map(String);
      numbers.push(cells[0] ?? '');
      expect(cells[header.indexOf('状态')]).toBe('挂起');
      expect(cells[header.indexOf('证件号码')]).toMatch(/^\S{4}\*+\S{4}$/);
      expect(cells[header.indexOf('联系电话')]).toContain('*');
    });
    expect(numbers).toEqual(expected.items.map((i) => i.number));
  });
});
