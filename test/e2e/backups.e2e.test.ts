/**
 * 系统设置 → 备份与恢复 and 运行日志 as an administrator (issue 10): a copy now, listed with its check; a restore
 * with its progress bar that the running harness survives (the database is reopened); the support log shown
 * and saved as a copy. Screenshots at 1366×768 in test/e2e/artifacts/backups-*.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationSummary, Page as ListPage } from '../../shared/api/applications';
import { stagePlan } from '../../shared/workflow/stagePlans';
import { demoApplication } from '../../main/services/demo/demoApplication';
import { Prng } from '../../main/services/demo/prng';
import { ShellPage } from './pages/ShellPage';
import { SettingsPage } from './pages/SettingsPage';
import { seriousA11yViolations } from './support/axe';
import { artifactPath, launchChromium } from './support/browser';
import { collectConsoleErrors, signedInPage } from './support/page';
import { startHarness, type Harness } from './support/harness';
import { rpc } from './support/rpc';

function record(seed: number) {
  const plan = stagePlan('NEW_LVR', 'LVR');
  return demoApplication(new Prng(seed), {
    type: 'NEW_LVR',
    cls: 'LVR',
    applicationDate: new Date().toISOString().slice(0, 10),
    plan,
    target: 0,
  });
}

const listed = async (url: string) =>
  (await rpc<ListPage<ApplicationSummary>>(url, 'applications.list', {})).items.map((a) => a.number);

describe('备份与恢复 (admin)', () => {
  let harness: Harness;
  let browser: Browser;
  let page: Page;
  let settings: SettingsPage;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    [harness, browser] = await Promise.all([startHarness({ role: 'admin', name: '赵管理' }), launchChromium()]);
    await rpc(harness.url, 'hall.init', { code: 'NJ0101', name: '南京江宁营业厅' });
    await rpc(harness.url, 'applications.create', { record: record(1) });
    page = await signedInPage(browser, harness);
    collectConsoleErrors(page, consoleErrors);
    const shell = new ShellPage(page);
    await shell.open(harness.url);
    await shell.go('系统设置');
    settings = new SettingsPage(page);
    await settings.tab('备份与恢复');
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  it('backs up now and lists the copy with its check', async () => {
    await page.getByRole('button', { name: '立即备份' }).click();
    await settings.toastGone('已备份并校验通过');
    // The list is read again as the toast shows: its row is awaited, not counted at once.
    const row = page.getByTestId('backup-table').locator('tbody tr').filter({ hasText: '手动' });
    await row.getByText('校验通过').waitFor();
    await expect(row.count()).resolves.toBe(1);
    await page.screenshot({ path: artifactPath('backups-list.png') });
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('restores the copy with a progress bar, and the harness goes on with the restored database', async () => {
    const before = await listed(harness.url);
    await rpc(harness.url, 'applications.create', { record: record(2) });
    expect(await listed(harness.url)).toHaveLength(before.length + 1);

    const row = page.getByTestId('backup-table').locator('tbody tr').filter({ hasText: '手动' });
    await row.getByRole('button', { name: /^恢复/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: '恢复' }).click();
    const done = page.getByTestId('restore-done');
    await done.waitFor();
    await expect(done.textContent()).resolves.toMatch(/恢复后审计校验：通过（\d+ 条）/);
    await expect(
      page.getByTestId('restore-progress').locator('.ant-progress').getAttribute('aria-valuenow'),
    ).resolves.toBe('100');
    await page.screenshot({ path: artifactPath('backups-restored.png') });
    expect(fs.existsSync(path.join(harness.dataDir, 'yekuo.sqlite.before-restore'))).toBe(true);

    // The same harness, same session: the restored data, and audit verify passes.
    await page.getByRole('button', { name: '重新载入客户端' }).click();
    await page.getByTestId('current-user').waitFor();
    expect(await listed(harness.url)).toEqual(before);
    await expect(rpc(harness.url, 'audit.verify', {})).resolves.toMatchObject({ ok: true });
  });

  it('refuses a damaged copy put in the folder by hand at the check step, the database as it was', async () => {
    const dir = path.join(harness.dataDir, 'backups');
    const manual = fs.readdirSync(dir).find((file) => file.startsWith('yekuo-manual-'));
    expect(manual).toBeDefined();
    // As a failing USB stick might hand it back: a run of pages overwritten.
    const bytes = fs.readFileSync(path.join(dir, manual ?? '')).fill(0x5a, 8192, 40_960);
    fs.writeFileSync(path.join(dir, 'yekuo-manual-20260101-080000.sqlite'), bytes);
    await new ShellPage(page).go('系统设置');
    await settings.tab('备份与恢复');
    const row = page.getByTestId('backup-table').locator('tbody tr').filter({ hasText: '20260101-080000' });
    await row.getByText('未校验').waitFor();
    const before = await listed(harness.url);
    await row.getByRole('button', { name: /^恢复/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: '恢复' }).click();
    const failed = page.getByTestId('restore-failed');
    await failed.waitFor();
    await expect(failed.textContent()).resolves.toMatch(/校验备份未通过，数据库未作改动.*(未恢复|未作任何修改)/);
    await page.screenshot({ path: artifactPath('backups-refused.png') });
    await page.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
    await page.getByTestId('restore-progress').waitFor({ state: 'detached' });
    expect(await listed(harness.url)).toEqual(before);
  });

  it('shows the support log with the backup and restore, without personal data, and saves a copy', async () => {
    await settings.tab('运行日志');
    const log = page.getByTestId('support-log');
    await log.getByText('从备份恢复').first().waitFor();
    await expect(log.getByText('手动备份').count()).resolves.toBeGreaterThan(0);
    // The 事件 column speaks Chinese (shared/api/supportLogEvents.ts), not the log's event names.
    for (const [label, event] of [
      ['从备份恢复', 'restore'],
      ['备份', 'backup'],
      ['启动', 'start'],
    ]) {
      await expect(log.getByRole('cell', { name: label, exact: true }).count()).resolves.toBeGreaterThan(0);
      await expect(log.getByRole('cell', { name: event, exact: true }).count()).resolves.toBe(0);
    }
    await page.screenshot({ path: artifactPath('backups-log.png') });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '保存副本' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^yekuo-support-log-\d{4}-\d{2}-\d{2}\.log$/);
    const saved = fs.readFileSync(await download.path(), 'utf8');
    expect(saved).toContain('"event":"restore"');
    const phone = record(1).customer.phone;
    expect(saved).not.toContain(phone);
    expect(consoleErrors).toEqual([]);
  });
});
