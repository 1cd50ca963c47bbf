/**
 * 工作台 against the web harness over demo data: exact queue counts (equal to the lists they summarise),
 * 我的待办 / 等我审批 by deadline state, 容缺资料临期, the counts as links that open 申请查询 on exactly the
 * applications counted (filter in the hash and in the controls), and the empty states of a new hall. axe-core on
 * each screen; screenshots test/e2e/artifacts/workbench*.png and query-from-workbench*.png.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationFilterInput, ApplicationSummary, Page as ResultPage } from '../../shared/api/applications';
import type { SystemInfo } from '../../shared/api/contract';
import { HALL_STAGES, type DeferredDuePage, type WorkbenchCounts } from '../../shared/api/workbench';
import { STAGE_LABELS } from '../../shared/domain/codes';
import { DEADLINE_STATE_LABELS, DEADLINE_STATES, type DeadlineState } from '../../shared/workflow/clock';
import { QueryPageObject } from './pages/QueryPage';
import { WorkbenchPageObject } from './pages/WorkbenchPage';
import { seriousA11yViolations } from './support/axe';
import { artifactPath, launchChromium } from './support/browser';
import { startHarness, type Harness } from './support/harness';
import { rpc } from './support/rpc';
import { yekuo } from './support/cli';

/** The deadline state with the most applications in `counts`: a link that opens a list with rows. */
const busiest = (counts: Record<DeadlineState, number>): DeadlineState =>
  [...DEADLINE_STATES].sort((a, b) => counts[b] - counts[a])[0]!;

const hashOf = (url: string) => decodeURIComponent(new URL(url).hash);

/** Rows of a list, paged through the harness as 申请查询 pages them. */
async function listed(url: string, filter: ApplicationFilterInput): Promise<number> {
  let n = 0;
  let cursor: string | undefined;
  do {
    const page = await rpc<ResultPage<ApplicationSummary>>(url, 'applications.list', {
      ...filter,
      limit: 200,
      ...(cursor ? { cursor } : {}),
    });
    n += page.items.length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return n;
}

describe('工作台 (supervisor over demo data)', () => {
  let harness: Harness;
  let browser: Browser;
  let page: Page;
  let workbench: WorkbenchPageObject;

  beforeAll(async () => {
    [harness, browser] = await Promise.all([startHarness({ role: 'supervisor', name: '王建国' }), launchChromium()]);
    yekuo(harness.dataDir, 'init', '--hall-code', 'JS0102', '--hall-name', '城西供电营业厅');
    yekuo(harness.dataDir, 'demo', '--count', '300', '--seed', '11');
    // A third of the open applications are this supervisor's own.
    const me = (await rpc<SystemInfo>(harness.url, 'system.info', {})).user.id;
    const open = await rpc<ResultPage<ApplicationSummary>>(harness.url, 'applications.list', {
      statuses: ['ACTIVE'],
      limit: 200,
    });
    const numbers = open.items.filter((_, i) => i % 3 === 0).map((i) => i.number);
    await rpc(harness.url, 'applications.assign', { numbers, assignee: me });
    // The demo's draw depends on the day it runs (its year ends today): make sure 挂起中 is never empty.
    for (const item of open.items.filter((_, i) => i % 3 === 1).slice(0, 2)) {
      await rpc(harness.url, 'applications.suspend', { number: item.number, reasonCode: 'CUSTOMER_CONSTRUCTION' });
    }
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    page = await context.newPage();
    await harness.signIn(page);
    workbench = new WorkbenchPageObject(page);
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  it('shows every queue’s exact size, equal to its list in 申请查询', async () => {
    await workbench.open(harness.url);
    const counts = await rpc<WorkbenchCounts>(harness.url, 'workbench.counts', {});
    const queues: [string, number, ApplicationFilterInput][] = [
      ['queue-overdue', counts.queues.overdue, { deadline: 'OVERDUE' }],
      ['queue-due-soon', counts.queues.dueSoon, { deadline: 'DUE_SOON' }],
      ['queue-approval', counts.queues.approval, { stages: ['SCHEME'], statuses: ['ACTIVE'] }],
      ['queue-suspended', counts.queues.suspended, { statuses: ['SUSPENDED'] }],
      ['queue-active', counts.queues.active, { statuses: ['ACTIVE'], deadline: 'NORMAL' }],
    ];
    for (const [testId, count, filter] of queues) {
      await expect.poll(() => workbench.queueCount(testId)).toBe(count);
      expect({ testId, count }).toEqual({ testId, count: await listed(harness.url, filter) });
    }
    // More than a panel shows: the old "8+" would have hidden the size.
    expect(counts.queues.overdue).toBeGreaterThan(5);
    // The panels list the ones due first.
    const due = await page.getByTestId('queue-overdue').locator('.ant-list-item').allTextContents();
    const dates = due.map((t) => /到期 (\d{4}-\d{2}-\d{2})/.exec(t)?.[1] ?? '');
    expect(dates).toEqual([...dates].sort());

    const mine = counts.mine;
    expect(mine.total).toBeGreaterThan(0);
    expect(await page.getByTestId('mine-counts').locator('.ant-card-head-title').textContent()).toBe(
      `我的待办 · ${mine.total} 件`,
    );
    expect(await workbench.stateCounts('mine-states')).toEqual([mine.NORMAL, mine.DUE_SOON, mine.OVERDUE, mine.NONE]);
    expect(await workbench.stateCounts('waiting-states')).toEqual([
      counts.waiting.NORMAL,
      counts.waiting.DUE_SOON,
      counts.waiting.OVERDUE,
      counts.waiting.NONE,
    ]);
    expect(await page.getByTestId('waiting-counts').locator('.ant-card-head-title').textContent()).toBe(
      `等我审批 · ${counts.queues.approval} 件`,
    );
    const stageRows = page.getByTestId('mine-by-stage').locator('tbody tr.ant-table-row');
    expect(await stageRows.count()).toBe(counts.mineByStage.length);
    await page.screenshot({ path: artifactPath('workbench.png') });
    await page.screenshot({ path: artifactPath('workbench-full.png'), fullPage: true });
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('opens 申请查询 from a count, filtered to exactly the applications counted', async () => {
    await workbench.open(harness.url);
    const counts = await rpc<WorkbenchCounts>(harness.url, 'workbench.counts', {});
    const query = new QueryPageObject(page);
    // The page, its hash and its controls agree on the filter, and it lists exactly `n` rows.
    const expectQuery = async (hash: string, shown: Record<string, string[]>, mine: boolean, n: number) => {
      await page.getByTestId('page-title').filter({ hasText: '申请查询' }).waitFor();
      expect(hashOf(page.url())).toBe(hash);
      await query.waitForAll(n);
      for (const [label, values] of Object.entries(shown))
        expect({ label, values: await query.shown(label) }).toEqual({ label, values });
      expect(await query.onlyMine().isChecked()).toBe(mine);
    };

    // 我的待办, one deadline state.
    const state = busiest(counts.mine);
    const mine = counts.mine[state];
    expect(mine).toBeGreaterThan(0);
    await workbench.countLink(`查看 我的待办 ${DEADLINE_STATE_LABELS[state]} ${mine} 件`).click();
    const mineHash = `#/query?status=ACTIVE&deadline=${state}&assignee=me&order=dueAsc`;
    const mineShown = {
      环节: [],
      状态: ['办理中'],
      时限状态: [DEADLINE_STATE_LABELS[state]],
      排序: ['到期日由近到远'],
    };
    await expectQuery(mineHash, mineShown, true, mine);
    const states = await query.column('时限');
    expect(new Set(states)).toEqual(new Set([DEADLINE_STATE_LABELS[state]]));
    await page.screenshot({ path: artifactPath('query-from-workbench.png') });
    expect(await seriousA11yViolations(page)).toEqual([]);
    // A reload keeps the filter; Back returns to the 工作台.
    await page.reload();
    await expectQuery(mineHash, mineShown, true, mine);
    await page.goBack();
    await page.getByTestId('mine-counts').waitFor();

    // One cell of 我的待办 · 按环节: the busiest stage's busiest state.
    const [row] = [...counts.mineByStage].sort((a, b) => b.counts.total - a.counts.total);
    const cellState = busiest(row!.counts);
    const cell = row!.counts[cellState];
    const stageLabel = STAGE_LABELS[row!.stage];
    await workbench.countLink(`查看 我的待办 ${stageLabel} ${DEADLINE_STATE_LABELS[cellState]} ${cell} 件`).click();
    await expectQuery(
      `#/query?stage=${row!.stage}&status=ACTIVE&deadline=${cellState}&assignee=me&order=dueAsc`,
      { 环节: [stageLabel], 状态: ['办理中'], 时限状态: [DEADLINE_STATE_LABELS[cellState]] },
      true,
      cell,
    );
    expect(new Set(await query.column('环节'))).toEqual(new Set([stageLabel]));
    // Changing a filter here replaces the hash (no history entry): reload keeps it, Back still leaves the page.
    await query.clear('时限状态');
    await expectQuery(
      `#/query?stage=${row!.stage}&status=ACTIVE&assignee=me&order=dueAsc`,
      { 环节: [stageLabel], 时限状态: [] },
      true,
      row!.counts.total,
    );
    await page.reload();
    await query.waitForAll(row!.counts.total);
    await page.goBack();
    await page.getByTestId('mine-counts').waitFor();

    // 等我审批 (a supervisor): the schemes waiting for approval, the whole card's total.
    expect(counts.waiting.kind).toBe('approval');
    await workbench.countLink(`查看 等我审批 ${counts.waiting.total} 件`).click();
    await expectQuery(
      '#/query?stage=SCHEME&status=ACTIVE&order=dueAsc',
      { 环节: ['供电方案'], 状态: ['办理中'], 时限状态: [] },
      false,
      counts.waiting.total,
    );
    await page.goBack();

    // A queue's 共 N 件.
    await workbench.countLink(`查看 挂起中（客户原因） ${counts.queues.suspended} 件`).click();
    await expectQuery('#/query?status=SUSPENDED&order=dueAsc', { 状态: ['挂起'] }, false, counts.queues.suspended);
  });

  it('opens a count from the keyboard: Tab reaches it, Enter follows it', async () => {
    await workbench.open(harness.url);
    const counts = await rpc<WorkbenchCounts>(harness.url, 'workbench.counts', {});
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);
    // The time-critical queues come first.
    await page.getByRole('button', { name: '刷新' }).focus();
    await page.keyboard.press('Tab');
    expect(await focused()).toBe(`查看 已超期 ${counts.queues.overdue} 件`);
    await page.getByRole('link', { name: `查看 我的待办 ${counts.mine.total} 件` }).focus();
    // The next stop is the first state with applications: a zero is plain text, not a link.
    const state = (['NORMAL', 'DUE_SOON', 'OVERDUE', 'NONE'] as const).find((s) => counts.mine[s] > 0)!;
    await page.keyboard.press('Tab');
    expect(await focused()).toBe(`查看 我的待办 ${DEADLINE_STATE_LABELS[state]} ${counts.mine[state]} 件`);
    await page.getByTestId('mine-counts').screenshot({ path: artifactPath('workbench-count-focus.png') });
    await page.keyboard.press('Enter');
    await page.getByTestId('page-title').filter({ hasText: '申请查询' }).waitFor();
    expect(hashOf(page.url())).toBe(`#/query?status=ACTIVE&deadline=${state}&assignee=me&order=dueAsc`);
    await new QueryPageObject(page).waitForAll(counts.mine[state]);
  });

  it('applies what it knows of a hand-edited hash and ignores the rest', async () => {
    const query = new QueryPageObject(page);
    await page.goto('about:blank');
    await page.goto(`${harness.url}#/query?stage=SURVEY,BOGUS&deadline=LATE&assignee=someone&from=x&order=up`);
    await page.getByTestId('page-title').filter({ hasText: '申请查询' }).waitFor();
    await query.waitForAll(await listed(harness.url, { stages: ['SURVEY'] }));
    expect(await query.shown('环节')).toEqual(['现场勘查']);
    expect(await query.shown('时限状态')).toEqual([]);
    expect(await query.onlyMine().isChecked()).toBe(false);
  });

  it('lists the deferred documents falling due, for the hall and for my own applications', async () => {
    await workbench.open(harness.url);
    const all = await rpc<DeferredDuePage>(harness.url, 'workbench.deferredDue', { limit: 5 });
    expect(all.total).toBeGreaterThan(0);
    await expect.poll(() => workbench.deferredTotal()).toBe(all.total);
    const items = workbench.deferred().locator('.ant-list-item');
    expect(await items.count()).toBe(all.items.length);
    const first = all.items[0]!;
    expect(await items.first().textContent()).toContain(first.number);
    expect(await items.first().textContent()).toMatch(/(已到补交环节|前须补交)/);

    const mine = await rpc<DeferredDuePage>(harness.url, 'workbench.deferredDue', { mine: true, limit: 5 });
    await workbench.deferred().getByText('我经办的').click();
    await expect.poll(() => workbench.deferredTotal()).toBe(mine.total);
    await workbench.deferred().screenshot({ path: artifactPath('workbench-deferred.png') });
    await workbench.deferred().getByText('全部').click();
    await expect.poll(() => workbench.deferredTotal()).toBe(all.total);

    // A row opens the application, whose checklist shows the deferred document.
    await items.first().press('Enter');
    await page.waitForURL(`**/#/app/${encodeURIComponent(first.number)}`);
    await page.getByTestId('page-title').filter({ hasText: first.number }).waitFor();
  });
});

describe('工作台 of a new hall (clerk)', () => {
  let harness: Harness;
  let browser: Browser;

  beforeAll(async () => {
    [harness, browser] = await Promise.all([startHarness({ role: 'clerk', name: '李娜' }), launchChromium()]);
    yekuo(harness.dataDir, 'init', '--hall-code', 'NJ0101', '--hall-name', '南京江宁营业厅');
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  it('says that nothing is waiting, in every panel', async () => {
    const page = await (
      await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' })
    ).newPage();
    await harness.signIn(page);
    const workbench = new WorkbenchPageObject(page);
    await workbench.open(harness.url);
    await page.getByText('暂无分派给我的在办申请').waitFor();
    await page.getByText('没有本环节或下一环节到期的容缺资料').waitFor();
    expect(await workbench.queueCount('queue-active')).toBe(0);
    expect(await page.getByTestId('waiting-counts').locator('.ant-card-head-title').textContent()).toBe(
      '等我处理 · 0 件',
    );
    // Approvals are a supervisor's queue.
    expect(await page.getByTestId('queue-approval').count()).toBe(0);
    await page.screenshot({ path: artifactPath('workbench-empty.png'), fullPage: true });
    expect(await seriousA11yViolations(page)).toEqual([]);

    // A zero is plain text, not a link to an empty list.
    expect(await workbench.countLink('查看 等我处理 0 件').count()).toBe(0);
    // What a clerk's 等我处理 opens once it counts something: 我的待办 in the stages where the hall acts.
    await page.goto(`${harness.url}#/query?stage=${HALL_STAGES.join(',')}&status=ACTIVE&assignee=me&order=dueAsc`);
    const query = new QueryPageObject(page);
    await page.getByTestId('page-title').filter({ hasText: '申请查询' }).waitFor();
    expect(await query.shown('环节')).toEqual(HALL_STAGES.map((stage) => STAGE_LABELS[stage]));
    expect(await query.onlyMine().isChecked()).toBe(true);
    await page.getByText('没有符合条件的申请').waitFor();
    await page.screenshot({ path: artifactPath('query-from-workbench-clerk.png') });
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
