/**
 * Every document type for every customer class, parsed back with the real tools: text present, in order and
 * intact (rare name characters included), every font embedded and subset, a sound structure, page 1 matching
 * the reviewed reference image, and byte-identical output on regeneration.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { renderKind, type DocumentKind } from '../../../main/pdf/documents';
import { FIXTURE_NAMES, REFERENCE_DIR, loadRecord } from '../../fixtures/pdf/records';
import {
  differingShare,
  inOrder,
  parsePgm,
  pdfFonts,
  pdfInfo,
  pdfText,
  qpdfCheck,
  renderFirstPage,
  withTempPdf,
} from './pdfTools';

const TITLES: Record<DocumentKind, Record<(typeof FIXTURE_NAMES)[number], string>> = {
  'scheme-reply': { lvr: '低压供电方案答复单', lvn: '低压供电方案答复单', hv: '高压供电方案答复单' },
  contract: { lvr: '居民供用电合同', lvn: '低压非居民供用电合同', hv: '高压供用电合同' },
  'work-sheet': { lvr: '装表接电工作单', lvn: '装表接电工作单', hv: '装表接电工作单' },
};

/** Text each document must show, in this order (pdftotext reading order). */
const EXPECTED: Record<DocumentKind, string[]> = {
  'scheme-reply': [
    '户名',
    '用电地址',
    '一、供电电源',
    '产权分界点',
    '计量方案',
    '电价电费',
    '营业费用',
    '营业厅及联系方式',
  ],
  contract: [
    '供电人',
    '用电人',
    '第一条',
    '用电地址',
    '第二条',
    '第三条',
    '电费',
    '违约金',
    '供电人（盖章）',
    '用电人（盖章）',
  ],
  'work-sheet': ['户名', '用电地址', '一、计量装置配置', '二、作业要求', '现场记录', '客户确认'],
};

/** Rare characters in the fixture names and addresses (CJK Ext A, Ext B and uncommon BMP). */
const RARE: Record<(typeof FIXTURE_NAMES)[number], string[]> = {
  lvr: ['龚䶮喆', '堃玥路'],
  lvn: ['杭州堃玥𠀾餐饮管理有限公司'],
  hv: ['浙江堃泰新材料股份有限公司'],
};

// Set UPDATE_PDF_REFERENCES=1 after a reviewed layout change to rewrite the reference images.
const UPDATE = process.env.UPDATE_PDF_REFERENCES === '1';
const REFERENCE_DPI = 40;

// sha256 of every fixture document: regeneration must give the same bytes in any process, years later. A
// change here means the output changed (template, layout, pdfkit or fontkit upgrade): review, then update.
const SHA_FILE = path.join(REFERENCE_DIR, 'sha256.json');
const shas: Record<string, string> = fs.existsSync(SHA_FILE) ? JSON.parse(fs.readFileSync(SHA_FILE, 'utf8')) : {};
afterAll(() => {
  if (UPDATE || !fs.existsSync(SHA_FILE)) fs.writeFileSync(SHA_FILE, `${JSON.stringify(shas, null, 2)}\n`);
});

describe.each(FIXTURE_NAMES)('documents for the %s fixture', (fixture) => {
  const record = loadRecord(fixture);

  it.each(['scheme-reply', 'contract', 'work-sheet'] as const)('%s passes the tool checks', (kind) => {
    const first = renderKind(kind, record);
    const second = renderKind(kind, record);
    expect(second.pdf.equals(first.pdf), 'two generations are byte-identical').toBe(true);
    const key = `${kind}-${fixture}`;
    if (UPDATE || !shas[key]) shas[key] = first.sha256;
    expect(first.sha256, 'same bytes as the reviewed generation').toBe(shas[key]);

    withTempPdf(first.pdf, (file) => {
      // pdfkit spaces words by positioning, not with space glyphs: compare without whitespace.
      const text = pdfText(file).replace(/\s+/g, '');
      expect(text).toContain(TITLES[kind][fixture]);
      expect(inOrder(text, EXPECTED[kind]), 'first expected text missing or out of order').toBeNull();
      for (const rare of RARE[fixture]) expect(text).toContain(rare);
      expect(text).toContain(`第1页共${first.pageCount}页`);
      expect(text).toContain(`第${first.pageCount}页共${first.pageCount}页`);
      expect(text).toContain(record.documentNo);

      const fonts = pdfFonts(file);
      expect(fonts.length).toBeGreaterThan(0);
      for (const font of fonts) {
        expect(font.embedded, `${font.name} embedded`).toBe(true);
        expect(font.subset, `${font.name} subset`).toBe(true);
      }

      expect(qpdfCheck(file)).toContain('No syntax or stream encoding errors');
      expect(pdfInfo(file)).toContain(first.dataHash);

      const page = renderFirstPage(file, REFERENCE_DPI);
      // Stored gzipped: a mostly white page image shrinks about tenfold.
      const reference = path.join(REFERENCE_DIR, `${kind}-${fixture}.pgm.gz`);
      if (UPDATE || !fs.existsSync(reference)) fs.writeFileSync(reference, zlib.gzipSync(page, { level: 9 }));
      const share = differingShare(parsePgm(page), parsePgm(zlib.gunzipSync(fs.readFileSync(reference))));
      expect(share, 'share of page-1 pixels that differ from the reference').toBeLessThan(0.005);
    });
  });
});
