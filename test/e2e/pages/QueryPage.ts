import type { Page } from 'playwright-core';

/** Page object of 申请查询: the search box, the filters and the virtualized result table. */
export class QueryPageObject {
  constructor(readonly page: Page) {}

  /** Loads the page afresh: going to the same #/query again would keep the previous search on screen. */
  async open(baseUrl: string): Promise<void> {
    await this.page.goto('about:blank');
    await this.page.goto(`${baseUrl}#/query`);
    await this.rows().first().waitFor();
  }

  /** The rendered rows (the table is virtual: rows are divs, only those near the viewport exist). */
  rows() {
    return this.page.getByTestId('application-table').locator('.ant-table-row[data-row-key]');
  }

  async search(text: string): Promise<void> {
    await this.page.getByLabel('搜索').fill(text);
    await this.page.getByLabel('搜索').press('Enter');
  }

  count() {
    return this.page.getByTestId('result-count');
  }

  /** Ticks the selection checkbox of the first `n` rendered rows. */
  async selectFirst(n: number): Promise<string[]> {
    const numbers = (await this.column('申请编号')).slice(0, n);
    for (const number of numbers) await this.page.getByLabel(`选择 ${number}`).check();
    return numbers;
  }

  /** Picks an option of an antd Select by its aria-label and the option's text. */
  async choose(label: string, option: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).click();
    const item = this.page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first();
    // Options may arrive after the list opens (the assignee list is read when the dialog opens): click once shown.
    await item.waitFor({ state: 'visible' });
    await item.click();
  }

  /** What a filter control (an antd Select, by its aria-label) shows: its tags, or its one value; none when empty. */
  async shown(label: string): Promise<string[]> {
    const select = this.page.locator('.ant-select', { has: this.page.getByLabel(label, { exact: true }) });
    return select.locator('.ant-select-selection-item-content, .ant-select-content-has-value').allTextContents();
  }

  /** Empties a filter control with its clear button (shown on hover). */
  async clear(label: string): Promise<void> {
    const select = this.page.locator('.ant-select', { has: this.page.getByLabel(label, { exact: true }) });
    await select.hover();
    await select.getByRole('button', { name: 'Clear' }).click();
  }

  onlyMine() {
    return this.page.getByRole('checkbox', { name: '只看我经办的' });
  }

  /** Waits until the list has answered with exactly `n` rows, all of them loaded. */
  async waitForAll(n: number): Promise<void> {
    await this.page
      .getByTestId('result-count')
      .filter({ hasText: new RegExp(`^已显示 ${n} 条（全部）$`) })
      .waitFor();
  }

  /** Opens 保存当前筛选, names the filter and, before saving, lets `beforeSave` look at the open dialog. */
  async saveCurrentFilter(name: string, beforeSave?: () => Promise<void>): Promise<void> {
    await this.page.getByRole('button', { name: '保存当前筛选' }).click();
    await this.page.getByLabel('筛选名称').fill(name);
    await beforeSave?.();
    await this.page
      .getByRole('button', { name: '保 存' })
      .or(this.page.getByRole('button', { name: '保存', exact: true }))
      .click();
  }

  /** Shows a column the default list leaves out (证件号码, 用户分类, 申请日期) through 列设置. */
  async showColumn(header: string): Promise<void> {
    await this.page.getByRole('button', { name: '列设置' }).click();
    await this.page.getByTestId('column-chooser').getByRole('checkbox', { name: header }).check();
    await this.page.getByTestId('application-table').locator('thead th', { hasText: header }).waitFor();
    // Closed again, so it covers no row.
    await this.page.getByRole('button', { name: '列设置' }).click();
    await this.page.getByTestId('column-chooser').waitFor({ state: 'hidden' });
  }

  /** The rendered cells of the column with this header (shown through 列设置 first when hidden). */
  async column(header: string): Promise<string[]> {
    const table = this.page.getByTestId('application-table');
    let headers = await table.locator('thead th').allTextContents();
    if (!headers.includes(header)) {
      await this.showColumn(header);
      headers = await table.locator('thead th').allTextContents();
    }
    // The selection column's header is a checkbox with no text; data cells keep the same positions.
    const index = headers.indexOf(header);
    if (index < 0) throw new Error(`no column ${header} in ${headers.join(',')}`);
    return this.rows()
      .locator(`.ant-table-cell:nth-child(${index + 1})`)
      .allTextContents();
  }
}
