import type { Page } from 'playwright-core';

/** Page object of the 供电方案 and 合同与文书 tabs of 申请详情. */
export class SchemeTabs {
  constructor(readonly page: Page) {}

  async openScheme(): Promise<void> {
    await this.page.getByRole('tab', { name: '供电方案' }).click();
    await this.page.getByTestId('scheme-form').waitFor();
  }

  async openPaperwork(): Promise<void> {
    await this.page.getByRole('tab', { name: '合同与文书' }).click();
    await this.page.getByTestId('paperwork').waitFor();
  }

  field(label: string) {
    return this.page.getByTestId('scheme-form').getByLabel(label, { exact: true });
  }

  versions() {
    return this.page.getByTestId('scheme-versions');
  }

  error() {
    return this.page.getByTestId('scheme-error');
  }
}
