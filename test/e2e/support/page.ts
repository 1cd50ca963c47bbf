import type { Browser, Page } from 'playwright-core';
import type { Harness } from './harness';

export interface PageOptions {
  /** The hall's usual screen is 1366×768; a few long forms are checked on a taller one. */
  height?: number;
}

/** A page in a browser context of its own (downloads accepted), at 1366 wide in zh-CN, signed in as the harness's user. */
export async function signedInPage(browser: Browser, harness: Harness, options: PageOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: options.height ?? 768 },
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  await harness.signIn(page);
  return page;
}

/** Collects `page`'s console errors and uncaught exceptions from now on into `errors` (a screen should cause none). */
export function collectConsoleErrors(page: Page, errors: string[]): void {
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
}
