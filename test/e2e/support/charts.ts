import fs from 'node:fs';
import type { Locator, Page } from 'playwright-core';

/**
 * Clicks the 保存为图片 icon of an ECharts chart (EChart.tsx's toolbox, at the chart's top right level with the
 * title) and returns the downloaded file's name and whether its bytes are a PNG.
 */
export async function saveChartAsPng(page: Page, chart: Locator): Promise<{ fileName: string; png: boolean }> {
  await chart.scrollIntoViewIfNeeded();
  const box = (await chart.boundingBox())!;
  const download = page.waitForEvent('download');
  await page.mouse.click(box.x + box.width - 41, box.y + 25);
  const file = await download;
  const bytes = fs.readFileSync((await file.path())!);
  return { fileName: file.suggestedFilename(), png: bytes.subarray(1, 4).toString() === 'PNG' };
}
