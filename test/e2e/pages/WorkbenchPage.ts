import type { Page } from 'playwright-core';

/** Page object of 工作台: the counts cards, 我的待办 by stage, 容缺资料临期 and the queues. */
export class WorkbenchPageObject {
  constructor(readonly page: Page) {}

  async open(baseUrl: string): Promise<void> {
    await this.page.goto('about:blank');
    await this.page.goto(`${baseUrl}#/workbench`);
    await this.page.getByTestId('mine-counts').waitFor();
    // Every list has answered: no spinner left.
    await this.page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
  }

  /** The `共 N 件` of a queue panel, as a number. */
  async queueCount(testId: string): Promise<number> {
    const text = await this.page.getByTestId(`${testId}-count`).textContent();
    return Number(/共 ([\d,]+) 件/.exec(text ?? '')?.[1]?.replaceAll(',', '') ?? Number.NaN);
  }

  /** The numbers a counts card shows per deadline state, in the order 正常, 临期, 超期, 不计时. */
  async stateCounts(testId: string): Promise<number[]> {
    const values = await this.page.getByTestId(testId).locator('dd').allTextContents();
    return values.map((v) => Number(v.replaceAll(',', '')));
  }

  /** A count's link, by its accessible name ("查看 我的待办 超期 11 件"). */
  countLink(name: string) {
    return this.page.getByRole('link', { name, exact: true });
  }

  deferred() {
    return this.page.getByTestId('deferred-due');
  }

  async deferredTotal(): Promise<number> {
    const text = await this.page.getByTestId('deferred-due-total').textContent();
    return Number(/共 ([\d,]+) 件/.exec(text ?? '')?.[1]?.replaceAll(',', '') ?? Number.NaN);
  }
}
