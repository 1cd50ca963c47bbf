import type { Page } from 'playwright-core';

/** Page object of 业务受理: the type picker, fields by their Chinese labels, the checklist and the save bar. */
export class IntakeFormPage {
  constructor(readonly page: Page) {}

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}#/intake`);
    await this.page.getByLabel('业务类型').waitFor();
  }

  async chooseType(label: string): Promise<void> {
    await this.page.getByLabel('业务类型').fill(label);
    await this.page.keyboard.press('Enter');
    await this.page.getByTestId('intake-form').waitFor();
  }

  field(label: string) {
    return this.page.getByLabel(label, { exact: true });
  }

  async fill(label: string, value: string): Promise<void> {
    await this.field(label).fill(value);
  }

  /** Chooses an option of a select by typing part of its label, as a clerk does. */
  async select(label: string, option: string): Promise<void> {
    await this.field(label).click();
    await this.page.keyboard.type(option);
    await this.page.keyboard.press('Enter');
  }

  problems(path: string) {
    return this.page.getByTestId(`problems-${path}`);
  }

  async problemText(path: string): Promise<string> {
    return (await this.problems(path).allTextContents()).join('');
  }

  async document(label: string, status: '已收' | '容缺' | '免交'): Promise<void> {
    await this.page
      .getByRole('radiogroup', { name: `${label} 状态` })
      .getByText(status, { exact: true })
      .click();
  }

  async acknowledge(ruleId: string, reason: string): Promise<void> {
    await this.page.getByLabel(`确认理由 ${ruleId}`).fill(reason);
  }

  saveButton() {
    return this.page.getByRole('button', { name: /保存受理/ });
  }

  saveState() {
    return this.page.getByTestId('save-state');
  }
}
