/**
 * 数据导出 to a running HQ receiver: a supervisor's 立即导出 on a hall with demo data sends the batch to
 * `yekuo hq --db … serve` (a real child process, SQLite HQ store), HQ imports it and answers with a signed
 * receipt, and the history shows 已送达总部 with the receipt time; HQ's report counts the hall's applications.
 * Screenshot at 1366×768 in test/e2e/artifacts/export-hq.png.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShellPage } from './pages/ShellPage';
import { seriousA11yViolations } from './support/axe';
import { artifactPath, launchChromium } from './support/browser';
import { initHall, yekuo } from './support/cli';
import { startHarness, type Harness } from './support/harness';
import { signedInPage } from './support/page';

const bin = path.resolve(import.meta.dirname, '../../bin/yekuo.mjs');

/** Starts `yekuo hq --db FILE serve` on a free port; resolves with its URL once it prints `listening`. */
function serveHq(hqDb: string, hqKey: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [bin, 'hq', '--db', hqDb, 'serve', '--key', hqKey, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const collect = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /listening (http:\/\/\S+?)（/.exec(out);
      if (match) resolve({ url: match[1]!, child });
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    child.once('exit', (code) => reject(new Error(`hq serve exited ${code}: ${out}`)));
  });
}

describe('数据导出 → 总部接收服务', () => {
  let harness: Harness;
  let browser: Browser;
  let page: Page;
  let receiver: ChildProcess | undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yekuo-e2e-export-hq-'));
  const hqDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yekuo-e2e-hq-'));
  const hqDb = path.join(hqDir, 'hq.sqlite');
  const hq = (...args: string[]) => yekuo(dataDir, 'hq', '--db', hqDb, ...args);

  beforeAll(async () => {
    [harness, browser] = await Promise.all([
      startHarness({ role: 'supervisor', name: '周建国', dataDir }),
      launchChromium(),
    ]);
    initHall(dataDir, { code: 'NJ0101', name: '南京江宁营业厅' });
    yekuo(dataDir, 'demo', '--count', '40', '--days', '30');
    // HQ: its key, the hall's key registered, the receiver up; the hall: HQ's address and public key.
    const hqKey = path.join(hqDir, 'hq.key');
    yekuo(dataDir, 'hq', 'pubkey', '--key', hqKey, '--out', path.join(hqDir, 'hq.pub'));
    yekuo(dataDir, 'hall', 'pubkey', '--out', path.join(hqDir, 'hall-NJ0101.pub'));
    hq('keys', 'add', path.join(hqDir, 'hall-NJ0101.pub'));
    const served = await serveHq(hqDb, hqKey);
    receiver = served.child;
    yekuo(dataDir, 'export', 'settings', '--hq-url', served.url, '--hq-key', path.join(hqDir, 'hq.pub'));

    page = await signedInPage(browser, harness);
    const shell = new ShellPage(page);
    await shell.open(harness.url);
    await shell.go('数据导出');
  }, 300_000); // seven CLI runs, each starting tsx and signing in

  afterAll(async () => {
    receiver?.kill('SIGTERM');
    await browser?.close();
    await harness?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(hqDir, { recursive: true, force: true });
  });

  it('立即导出 delivers the batch to HQ, which receipts it: 已送达总部 with the receipt time', async () => {
    const settings = page.getByTestId('export-settings');
    await settings.getByText(/^http:\/\/127\.0\.0\.1:\d+/).waitFor();
    expect(await page.getByTestId('hq-key').textContent()).not.toBe('未登记');

    await page.getByRole('button', { name: '立即导出' }).click();
    await page.getByText(/已生成第 1 批（\d+ 行）；第 1 批已送达总部/).waitFor({ timeout: 60_000 });
    const row = page.getByTestId('export-history').locator('tbody tr').first();
    await row.getByText('已送达总部').waitFor();
    const cells = await row.locator('td').allTextContents();
    expect(cells[0]).toBe('1');
    expect(cells[6]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/); // 回执: HQ's receipt time
    expect(await page.getByText('未能送达总部').count()).toBe(0);

    // HQ holds every application of the hall, from the bundle the page sent (batch 1 holds them all).
    const status = JSON.parse(yekuo(dataDir, 'export', 'status', '--json').toString('utf8')) as {
      batches: { batch: number; delivery: string; rows: { applications: number } }[];
    };
    expect(status.batches).toMatchObject([{ batch: 1, delivery: 'RECEIPTED' }]);
    const report = JSON.parse(hq('report', '--json').toString('utf8')) as {
      halls: { hallCode: string; applications: number; lastBatch: number }[];
    };
    expect(report.halls).toMatchObject([
      { hallCode: 'NJ0101', applications: status.batches[0]!.rows.applications, lastBatch: 1 },
    ]);

    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.waitForTimeout(3500); // let the toast go before the screenshot
    await page.screenshot({ path: artifactPath('export-hq.png') });
  });
});
