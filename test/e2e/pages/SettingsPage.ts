import type { Page } from 'playwright-core';

/** Page object of 系统设置: its tabs, and loading a JSON file the way an administrator picks one. */
export class SettingsPage {
  constructor(readonly page: Page) {}

  async tab(label: string): Promise<void> {
    await this.page.getByRole('tab', { name: label }).click();
    await this.page.getByRole('tabpanel', { name: label }).waitFor();
  }

  /** Chooses a file in a loader (`profile-loader`, `holiday-loader`) and waits for the outcome. */
  async loadFile(loader: string, name: string, content: string): Promise<void> {
    await this.page
      .getByTestId(loader)
      .locator('input[type=file]')
      .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
  }

  /** antd also renders hidden role=option items for screen readers, so the visible item is picked by class. */
  async chooseYear(year: number): Promise<void> {
    await this.page.getByTestId('holiday-year').click();
    await this.page
      .locator('.ant-select-item-option')
      .filter({ hasText: `${year} 年` })
      .click();
    // The list stays in the page while it fades out; axe would see it half gone.
    await this.page.locator('.ant-select-dropdown').waitFor({ state: 'hidden' });
  }

  problems(loader: string) {
    return this.page.getByTestId(`${loader}-problems`);
  }

  /** Waits until the confirmation toast has gone: while it fades, axe measures its text at partial opacity. */
  async toastGone(text: string): Promise<void> {
    const toast = this.page.locator('.ant-message-notice').filter({ hasText: text });
    await toast.waitFor();
    await toast.waitFor({ state: 'detached' });
  }
}
