/**
 * Issue 5: our 4-page high-voltage contract against the same content as HTML printed by headless Chromium
 * (Debian chromium, one reused page, `page.pdf()`), warm p50 and file size; then 1,000 contracts in one batch
 * with varied customers: total time and peak RSS of this process.
 */
import { renderKind, templateIdFor } from '../main/pdf/documents';
import { loadTemplate } from '../main/pdf/templates/loadTemplate';
import { launchChromium } from '../test/e2e/support/browser';
import { loadRecord } from '../test/fixtures/pdf/records';
import { documentHtml, footerTemplate, headerTemplate } from './pdfHtml';
import { p50, round, sample } from './stats';
import type { BenchRow } from './types';

const ITERATIONS = 40;
const BATCH = 1000;

async function chromiumSide(html: string, header: string): Promise<{ times: number[]; bytes: number; pages: number }> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    let bytes = 0;
    const print = async () => {
      await page.setContent(html);
      const pdf = await page.pdf({
        format: 'A4',
        displayHeaderFooter: true,
        headerTemplate: header,
        footerTemplate,
        margin: { top: '28mm', bottom: '22mm', left: '22mm', right: '22mm' },
      });
      bytes = pdf.length;
      return pdf;
    };
    const times = await sample(print, ITERATIONS, 5);
    const pages = (await print()).toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    return { times, bytes, pages };
  } finally {
    await browser.close();
  }
}

async function batch(): Promise<{ seconds: number; peakRssMb: number; bytes: number }> {
  const base = loadRecord('hv');
  const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
  let peak = process.memoryUsage().rss;
  let bytes = 0;
  const start = performance.now();
  for (let i = 0; i < BATCH; i++) {
    const record = structuredClone(base);
    record.documentNo = `HT-330106-20261125-${String(i).padStart(4, '0')}`;
    record.application.customer.name = `浙江${surnames[i % 10]}${'堃玥喆'[i % 3]}实业有限公司第${i}分公司`;
    record.scheme.approvedCapacityKva = 2000 + i;
    bytes += renderKind('contract', record).pdf.length;
    // Let the event loop turn, as a service call does: pdfkit's stream keeps each document alive until its
    // pending process.nextTick callbacks have run, and a tight loop of awaits never runs them.
    await new Promise((resolve) => setImmediate(resolve));
    if (i % 10 === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  return { seconds: (performance.now() - start) / 1000, peakRssMb: peak / 2 ** 20, bytes };
}

export async function run(): Promise<BenchRow[]> {
  const record = loadRecord('hv');
  const template = loadTemplate(templateIdFor('contract', record.application));
  let ours = renderKind('contract', record);
  const oursTimes = await sample(async () => (ours = renderKind('contract', record)), ITERATIONS, 5);
  const theirs = await chromiumSide(documentHtml(template, record), headerTemplate(record));
  const speedup = p50(theirs.times) / p50(oursTimes);
  const kb = (n: number) => round(n / 1024, 1);
  const rows: BenchRow[] = [
    {
      suite: 'pdf',
      case: `HV contract (${ours.pageCount} pages), pdfkit warm p50`,
      value: round(p50(oursTimes), 1),
      unit: 'ms',
      goal: '< 100 ms',
      pass: p50(oursTimes) < 100,
      baseline: round(p50(theirs.times), 1),
      note: `baseline: Chromium page.pdf() (${theirs.pages} pages), ${round(speedup, 1)}× faster (goal ≥ 3×: ${speedup >= 3 ? 'yes' : 'NO'})`,
    },
    {
      suite: 'pdf',
      case: 'HV contract file size, pdfkit',
      value: kb(ours.pdf.length),
      unit: 'KB',
      goal: '< 300 KB',
      pass: ours.pdf.length < 300 * 1024,
      baseline: kb(theirs.bytes),
      note: 'baseline: Chromium',
    },
  ];
  const b = await batch();
  rows.push(
    {
      suite: 'pdf',
      case: `${BATCH} HV contracts, one batch`,
      value: round(b.seconds, 1),
      unit: 's',
      note: `${round(b.bytes / BATCH / 1024, 1)} KB per contract on average`,
    },
    { suite: 'pdf', case: `${BATCH} HV contracts, peak RSS`, value: round(b.peakRssMb, 0), unit: 'MB' },
  );
  return rows;
}
