import type { Page } from 'playwright-core';

/** Page object of the application shell: side menu, header, current page title. */
export class ShellPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.getByTestId('current-user').waitFor();
  }

  menu() {
    return this.page.getByRole('menu', { name: '主菜单' });
  }

  async go(label: string): Promise<void> {
    await this.menu().getByRole('menuitem', { name: label }).click();
    await this.page.getByTestId('page-title').filter({ hasText: label }).waitFor();
  }

  pageTitle() {
    return this.page.getByTestId('page-title');
  }

  headerUser() {
    return this.page.getByTestId('current-user');
  }
}
