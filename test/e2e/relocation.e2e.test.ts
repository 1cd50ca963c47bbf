/**
 * 迁址 in the workstation: the detail page names the closing of the old site accepted with it and links both
 * ways, and archiving the 迁址 before the old site is closed shows the service's refusal.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationDetail, ApplicationSummary } from '../../shared/api/applications';
import { stagePlan } from '../../shared/workflow/stagePlans';
import { demoApplication } from '../../main/services/demo/demoApplication';
import { Prng } from '../../main/services/demo/prng';
import { seriousA11yViolations } from './support/axe';
import { artifactPath, launchChromium } from './support/browser';
import { signedInPage } from './support/page';
import { startHarness, type Harness } from './support/harness';
import { advanceToArchiveStage, rpc } from './support/rpc';
import { ApplicationDetailPage } from './pages/ApplicationDetailPage';

describe('迁址 and the closing of its old site (supervisor)', () => {
  let harness: Harness;
  let browser: Browser;
  let page: Page;
  let reloc: ApplicationSummary;

  beforeAll(async () => {
    [harness, browser] = await Promise.all([startHarness({ role: 'admin', name: '周建国' }), launchChromium()]);
    await rpc(harness.url, 'hall.init', { code: 'JS0104', name: '城北供电营业厅' });
    const plan = stagePlan('RELOC', 'LVN');
    const today = new Date().toISOString().slice(0, 10);
    const record = demoApplication(new Prng(5), {
      type: 'RELOC',
      cls: 'LVN',
      applicationDate: today,
      plan,
      target: plan.length - 1,
    });
    reloc = await rpc<ApplicationSummary>(harness.url, 'applications.create', { record });
    page = await signedInPage(browser, harness, { height: 900 });
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  it('links the 迁址 and the 销户 of its old site both ways', async () => {
    const detail = new ApplicationDetailPage(page);
    await detail.open(harness.url, reloc.number);
    const links = page.getByTestId('linked-applications');
    await expect.poll(() => links.textContent()).toMatch(/^原址销户.*销户 · 业务受理办理中$/);
    await page.screenshot({ path: artifactPath('relocation-detail.png') });
    expect(await seriousA11yViolations(page)).toEqual([]);

    const closure = (await rpc<ApplicationDetail>(harness.url, 'applications.get', { number: reloc.number })).links[0]!;
    await links.getByRole('link', { name: closure.number }).click();
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe(`申请详情 ${closure.number}`);
    await expect.poll(() => page.getByTestId('linked-applications').textContent()).toContain(`所属迁址${reloc.number}`);
  });

  it('refuses to archive the 迁址 while its old site is open, with the service message', async () => {
    await advanceToArchiveStage(harness.url, reloc.number);
    const detail = new ApplicationDetailPage(page);
    await detail.open(harness.url, reloc.number);
    await detail.press('归档');
    await expect.poll(() => detail.moveError().textContent()).toMatch(/归档前须先办结原址销户 JS0104-\d{8}-\d{4}/);
    await expect.poll(() => detail.status().textContent()).toBe('办理中');
  });
});
