/**
 * The recovery page (issue 10): a damaged hall database opens a clear Chinese page that says what happened,
 * that the file was not modified and how to restore a backup, instead of the app or a white screen.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase } from '../../main/db/connection';
import { artifactPath, launchChromium } from './support/browser';
import { startHarness, type Harness } from './support/harness';

describe('recovery page in the web harness', () => {
  let harness: Harness;
  let browser: Browser;
  let dataDir: string;
  let damaged: Buffer;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yekuo-e2e-recovery-'));
    const file = path.join(dataDir, DATABASE_FILE);
    openDatabase(file).close();
    // Page 1 past the 100-byte file header holds the schema: overwrite it, as a failing disk might.
    damaged = fs.readFileSync(file).fill(0x5a, 100, 4000);
    fs.writeFileSync(file, damaged);
    [harness, browser] = await Promise.all([startHarness({ dataDir }), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows what happened, that nothing was modified and how to restore, at the hall screen size', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(harness.url);
    await expect(page.locator('h1').textContent()).resolves.toBe('无法打开营业厅数据库：数据库文件已损坏');
    await expect(page.locator('.untouched').textContent()).resolves.toContain('数据库文件未作任何修改');
    await expect(page.getByText('请从最近一次完好的备份恢复。', { exact: true }).count()).resolves.toBe(1);
    const command = await page.locator('pre').textContent();
    expect(command).toBe(`yekuo --data "${dataDir}" restore "备份文件"`);
    await page.screenshot({ path: artifactPath('recovery-corrupt.png') });
    expect(errors).toEqual([]); // the page's own CSP lets its style through

    // The app's calls get a typed refusal, not a crash; and the file is exactly as it was.
    const rpc = await page.request.post(`${harness.url}rpc/system.info`, { data: '{}' });
    expect(rpc.status()).toBe(503);
    expect(await rpc.json()).toMatchObject({ ok: false, error: { code: 'STORAGE' } });
    expect(fs.readFileSync(path.join(dataDir, DATABASE_FILE)).equals(damaged)).toBe(true);
    await context.close();
  });
});
