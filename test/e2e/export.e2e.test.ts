/**
 * 数据导出 as an administrator on a hall with demo data: 修改设置 sets the folder and the schedule; 立即导出 makes batch 1 (history row, counts), a second click
 * says nothing changed, 重新发送 copies the recorded bundle byte-identically into the folder; axe; screenshot at
 * 1366×768 in test/e2e/artifacts/export-page.png.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShellPage } from './pages/ShellPage';
import { seriousA11yViolations } from './support/axe';
import { artifactPath, launchChromium } from './support/browser';
import { startHarness, type Harness } from './support/harness';
import { CLI_AS_ADMIN } from './support/cli';

const bin = path.resolve(import.meta.dirname, '../../bin/yekuo.mjs');

describe('数据导出', () => {
  let harness: Harness;
  let browser: Browser;
  let page: Page;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yekuo-e2e-export-'));
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'yekuo-e2e-export-out-'));
  const cli = (...args: string[]) =>
    execFileSync(process.execPath, [bin, '--data', dataDir, ...args], { env: CLI_AS_ADMIN });

  beforeAll(async () => {
    // The harness first, so the new folder is seeded with its users; then the hall and its demo data.
    [harness, browser] = await Promise.all([
      startHarness({ role: 'admin', name: '王建国', dataDir }),
      launchChromium(),
    ]);
    cli('init', '--hall-code', 'NJ0101', '--hall-name', '南京江宁营业厅');
    cli('demo', '--count', '40', '--days', '30');
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    page = await context.newPage();
    await harness.signIn(page);
    const shell = new ShellPage(page);
    await shell.open(harness.url);
    await shell.go('数据导出');
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('an administrator sets where bundles go and when, in 修改设置; a bad value is refused naming the field', async () => {
    // Nowhere to go yet: the page says where bundles stay and what to do.
    expect(await page.getByTestId('export-nowhere').textContent()).toContain('请点“修改设置”指定去向');
    await page.getByRole('button', { name: '修改设置' }).click();
    const dialog = page.getByRole('dialog', { name: '修改导出设置' });
    await dialog.getByLabel('导出文件夹').fill(folder);
    await dialog.getByLabel('总部接收地址').fill('ftp://hq.example.cn/');
    await dialog.getByRole('radio', { name: '每日定时' }).check();
    await dialog.getByLabel('每日导出时间').fill('18:30');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect
      .poll(() => dialog.getByTestId('export-settings-problem').textContent())
      .toContain('总部地址应以 http:// 或 https:// 开头');
    await dialog.getByLabel('总部接收地址').fill('');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByText('导出设置已保存').waitFor();
    const settings = page.getByTestId('export-settings');
    await expect.poll(() => settings.textContent()).toContain(folder);
    expect(await settings.textContent()).toContain('每日 18:30');
    expect(await page.getByTestId('export-nowhere').count()).toBe(0);
  });

  it('exports a batch, lists it, says when nothing changed, and re-sends the same bytes', async () => {
    const history = page.getByTestId('export-history');
    await history.getByText('尚无导出批次').waitFor();
    await page.getByRole('button', { name: '立即导出' }).click();
    await page.getByText(/已生成第 1 批/).waitFor();
    const row = history.locator('tbody tr').first();
    await row.getByText('已写入文件夹').waitFor();
    expect(await row.locator('td').first().textContent()).toBe('1');
    const settings = page.getByTestId('export-settings');
    expect(await settings.textContent()).toContain(folder);
    expect(await settings.textContent()).toContain('待导出变更0 次');
    const bundle = fs.readdirSync(folder).find((f) => f.endsWith('.zip'))!;
    expect(bundle).toBe('yekuo-NJ0101-000001.zip');
    const first = fs.readFileSync(path.join(folder, bundle));

    await page.getByRole('button', { name: '立即导出' }).click();
    await page.getByText('自上一批以来没有新的变更，未生成新批次').waitFor();

    fs.rmSync(path.join(folder, bundle));
    await row.getByRole('button', { name: '重新发送' }).click();
    await page.getByText('已重新发送第 1 批（与原文件逐字节相同）').waitFor();
    expect(fs.readFileSync(path.join(folder, bundle)).equals(first)).toBe(true);

    await page.waitForTimeout(3500); // let the toasts go: the page itself is checked and shown
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('export-page.png') });
  });
});
