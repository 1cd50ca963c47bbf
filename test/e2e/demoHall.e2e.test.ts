/**
 * README's first command: `npm run dev:web` without `--data` opens the persistent demo hall. The first start
 * builds it under the user's data directory (here XDG_DATA_HOME points at a temporary folder) with demo
 * applications and the three demo users the README names; the second start reuses it unchanged. Signed in
 * through the sign-in screen as README says. Screenshot test/e2e/artifacts/demo-hall.png.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationSummary, Page as ResultPage } from '../../shared/api/applications';
import { DEMO_HALL, DEMO_PASSWORD, DEMO_USERS, demoHallDir } from '../../main/web/demoHall';
import { SignInPage } from './pages/SignInPage';
import { artifactPath, launchChromium } from './support/browser';
import { startDemoHall } from './support/demoHall';
import { rpc } from './support/rpc';
import { signInHttp } from './support/session';

const COUNT = 40;

async function numbers(url: string): Promise<string[]> {
  const page = await rpc<ResultPage<ApplicationSummary>>(url, 'applications.list', { limit: 200 });
  return page.items.map((item) => item.number).sort();
}

describe('npm run dev:web without --data: the persistent demo hall', () => {
  let dataHome: string;
  let browser: Browser;

  beforeAll(async () => {
    dataHome = fs.mkdtempSync(path.join(os.tmpdir(), 'yekuo-data-home-'));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    fs.rmSync(dataHome, { recursive: true, force: true });
  });

  it('builds the hall on first start, reuses it on the second, and the README users sign in', async () => {
    const folder = demoHallDir({ XDG_DATA_HOME: dataHome });
    const first = await startDemoHall(dataHome, COUNT);
    let before: string[];
    try {
      expect(first.output()).toContain(`已建立演示营业厅：${folder}`);
      expect(first.output()).toContain(`密码均为 ${DEMO_PASSWORD}`);
      expect(fs.existsSync(path.join(folder, 'yekuo.sqlite'))).toBe(true);
      await signInHttp(first.url, { id: 'C001', password: DEMO_PASSWORD });
      before = await numbers(first.url);
      // The count asked for, plus the closings of old sites that relocations bring along.
      expect(before.length).toBeGreaterThanOrEqual(COUNT);
    } finally {
      await first.stop();
    }

    const second = await startDemoHall(dataHome, COUNT);
    try {
      expect(second.output()).not.toContain('已建立演示营业厅');
      expect(second.output()).toContain(`演示营业厅（演示数据）：${folder}`);
      // Every demo user of the README signs in with the README's password, and sees the same applications.
      for (const user of DEMO_USERS) {
        await signInHttp(second.url, { id: user.id, password: DEMO_PASSWORD });
        expect(await numbers(second.url)).toEqual(before);
      }
      const page = await (
        await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })
      ).newPage();
      await page.goto(second.url);
      await new SignInPage(page).signIn('S001', DEMO_PASSWORD);
      await expect.poll(() => page.getByTestId('hall-name').textContent()).toBe(DEMO_HALL.name);
      await page.getByTestId('current-user').waitFor();
      await page.screenshot({ path: artifactPath('demo-hall.png') });
    } finally {
      await second.stop();
    }
  }, 600_000);
});
