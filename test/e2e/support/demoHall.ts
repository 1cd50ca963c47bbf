import { spawn, type ChildProcess } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../../main/web/demoHall';
import { SignInPage } from '../pages/SignInPage';
import { outputOf, stopServer, waitForUrl } from './harness';

export interface DemoHallServer {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * `npm run dev:web`'s server with no `--data` and no YEKUO_DATA, as a newcomer starts it: it opens (and on first
 * start builds, with `count` demo applications) the persistent demo hall under `dataHome` (XDG_DATA_HOME).
 */
export async function startDemoHall(dataHome: string, count: number): Promise<DemoHallServer> {
  const { YEKUO_DATA: _ignored, ...env } = process.env;
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'main/web/serve.ts', '--port', '0', '--demo-count', String(count)],
    { env: { ...env, XDG_DATA_HOME: dataHome }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output = outputOf(child);
  const { url } = await waitForUrl(child);
  return { url, output, stop: () => stopServer(child, output) };
}

/** A page of its own at 1366×768 on the demo hall, signed in as a demo user through the sign-in screen. */
export async function demoHallPage(browser: Browser, url: string, staffNo: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(url);
  await new SignInPage(page).signIn(staffNo, DEMO_PASSWORD);
  return page;
}
