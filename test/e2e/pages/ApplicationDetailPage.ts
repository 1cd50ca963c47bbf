import type { Page } from 'playwright-core';

/** Page object of 申请详情: stage, status, the move buttons and their refusals, the tabs. */
export class ApplicationDetailPage {
  constructor(readonly page: Page) {}

  async open(baseUrl: string, number: string): Promise<void> {
    await this.page.goto(`${baseUrl}#/app/${encodeURIComponent(number)}`);
    // Going to the URL the page already shows changes nothing; reload so the screen shows fresh data.
    await this.page.reload();
    await this.stage().waitFor();
  }

  stage() {
    return this.page.getByTestId('current-stage');
  }

  status() {
    return this.page.getByTestId('current-status');
  }

  async press(name: string | RegExp): Promise<void> {
    await this.page.getByRole('button', { name }).click();
  }

  moveError() {
    return this.page.getByTestId('move-error');
  }

  async tab(name: string): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  async receiveDocument(label: string): Promise<void> {
    await this.tab('资料清单');
    await this.page.getByRole('button', { name: `登记已收 ${label}` }).click();
  }
}
