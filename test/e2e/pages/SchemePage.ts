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

  /** 合同条款 on the 合同与文书 tab: fills the labelled fields given and saves (contracts.setDetails). */
  async saveContractDetails(values: Record<string, string>): Promise<void> {
    const card = this.page.getByTestId('contract-details');
    for (const [label, value] of Object.entries(values)) await card.getByLabel(label).fill(value);
    await card.getByRole('button', { name: '保存合同条款' }).click();
    await this.page.getByText('合同条款已保存，生成合同时打印').waitFor();
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
