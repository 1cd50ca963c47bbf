import type { Page } from 'playwright-core';

/** Page object of 申请查询: the search box, the filters and the virtualized result table. */
export class QueryPageObject {
  constructor(readonly page: Page) {}

  async open(baseUrl: string): Promise<void> {
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

  /** The rendered cells of the column with this header. */
  async column(header: string): Promise<string[]> {
    const headers = await this.page.getByTestId('application-table').locator('thead th').allTextContents();
    const index = headers.indexOf(header);
    if (index < 0) throw new Error(`no column ${header} in ${headers.join(',')}`);
    return this.rows()
      .locator(`.ant-table-cell:nth-child(${index + 1})`)
      .allTextContents();
  }
}
