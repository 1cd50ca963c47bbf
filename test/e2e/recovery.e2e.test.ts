/**
 * The recovery page (issue 10): a damaged hall database opens a clear Chinese page that says what happened,
 * that the file was not modified and which backup is the newest good one, instead of the app or a white
 * screen; 恢复此备份 restores that copy (the damaged file kept byte for byte) and the app starts on it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationSummary, Page as ListPage } from '../../shared/api/applications';
import type { BackupItem } from '../../shared/api/backups';
import { stagePlan } from '../../shared/workflow/stagePlans';
import { DATABASE_FILE } from '../../main/db/connection';
import { demoApplication } from '../../main/services/demo/demoApplication';
import { Prng } from '../../main/services/demo/prng';
import { artifactPath, launchChromium } from './support/browser';
import { startHarness, type Harness } from './support/harness';
import { rpc } from './support/rpc';
import { signInHttp } from './support/session';

describe('recovery page in the web harness', () => {
  let harness: Harness;
  let browser: Browser;
  let dataDir: string;
  let damaged: Buffer;
  let number: string;
  let copy: BackupItem;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yekuo-e2e-recovery-'));
    // A hall with one application and a checked backup of it, as any working day leaves one.
    const first = await startHarness({ role: 'admin', name: '赵管理', dataDir });
    await rpc(first.url, 'hall.init', { code: 'NJ0101', name: '南京江宁营业厅' });
    const plan = stagePlan('NEW_LVR', 'LVR');
    const today = new Date().toISOString().slice(0, 10);
    const record = demoApplication(new Prng(3), {
      type: 'NEW_LVR',
      cls: 'LVR',
      applicationDate: today,
      plan,
      target: 0,
    });
    number = (await rpc<ApplicationSummary>(first.url, 'applications.create', { record })).number;
    copy = await rpc<BackupItem>(first.url, 'backups.create', {});
    await first.stop();
    // Page 1 past the 100-byte file header holds the schema: overwrite it, as a failing disk might.
    const file = path.join(dataDir, DATABASE_FILE);
    damaged = fs.readFileSync(file).fill(0x5a, 100, 4000);
    fs.writeFileSync(file, damaged);
    [harness, browser] = await Promise.all([
      startHarness({ role: 'admin', name: '赵管理', dataDir }),
      launchChromium(),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows what happened, that nothing was modified, the newest good backup, and restores it', async () => {
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
    await expect(page.locator('main').textContent()).resolves.toContain('最近一次完好的备份：');
    const command = await page.locator('pre').textContent();
    expect(command).toBe(`yekuo --data "${dataDir}" restore "${path.join(dataDir, 'backups', copy.file)}"`);
    await page.screenshot({ path: artifactPath('recovery-corrupt.png') });
    expect(errors).toEqual([]); // the page's own CSP lets its style through

    // The app's calls get a typed refusal, not a crash; and the file is exactly as it was.
    const rpcCall = await page.request.post(`${harness.url}rpc/system.info`, { data: '{}' });
    expect(rpcCall.status()).toBe(503);
    expect(await rpcCall.json()).toMatchObject({ ok: false, error: { code: 'STORAGE' } });
    expect(fs.readFileSync(path.join(dataDir, DATABASE_FILE)).equals(damaged)).toBe(true);

    // A post from elsewhere (no token, another origin) is refused and changes nothing.
    const forged = await page.request.post(`${harness.url}restore`, {
      form: { file: copy.file, token: 'guess' },
      headers: { origin: 'http://evil.example' },
    });
    expect(forged.status()).toBe(403);
    expect(fs.readFileSync(path.join(dataDir, DATABASE_FILE)).equals(damaged)).toBe(true);

    await page.getByRole('button', { name: '恢复此备份' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('已从备份恢复');
    await page.screenshot({ path: artifactPath('recovery-restored.png') });
    expect(fs.readFileSync(path.join(dataDir, `${DATABASE_FILE}.before-restore`)).equals(damaged)).toBe(true);

    // The harness now serves the app on the same address, on the restored database.
    await expect
      .poll(async () => (await page.request.get(harness.url)).headers()['set-cookie'] !== undefined, {
        timeout: 30_000,
      })
      .toBe(true);
    await signInHttp(harness.url, harness.user);
    const list = await rpc<ListPage<ApplicationSummary>>(harness.url, 'applications.list', {});
    expect(list.items.map((a) => a.number)).toEqual([number]);
    await expect(rpc(harness.url, 'audit.verify', {})).resolves.toMatchObject({ ok: true });
    await harness.signIn(page);
    await page.getByRole('link', { name: '进入系统并登录' }).click();
    await page.getByTestId('current-user').waitFor();
    await page.screenshot({ path: artifactPath('recovery-after.png') });
    await context.close();
  });
});
