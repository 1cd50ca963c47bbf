/**
 * The checks every generated document must pass, parsed back with the real tools (pdfTools): its title, text in
 * order and intact, page numbers and document number; every font embedded and subset; a sound structure; the
 * data hash in the document info. Shared by the fixture tests and the tests on demo data.
 */
import { expect } from 'vitest';
import type { CustomerClass } from '../../../shared/domain/codes';
import type { DocumentKind } from '../../../main/pdf/documents';
import { inOrder, pdfFonts, pdfInfo, pdfText, qpdfCheck } from './pdfTools';

export const DOCUMENT_TITLES: Record<DocumentKind, Record<CustomerClass, string>> = {
  'scheme-reply': { LVR: '低压供电方案答复单', LVN: '低压供电方案答复单', HV: '高压供电方案答复单' },
  contract: { LVR: '居民供用电合同', LVN: '低压非居民供用电合同', HV: '高压供用电合同' },
  'work-sheet': { LVR: '装表接电工作单', LVN: '装表接电工作单', HV: '装表接电工作单' },
  agreement: { LVR: '供用电合同补充协议', LVN: '供用电合同补充协议', HV: '供用电合同补充协议' },
  termination: { LVR: '供用电合同终止协议', LVN: '供用电合同终止协议', HV: '供用电合同终止协议' },
};

/** Text each document must show, in this order (pdftotext reading order). */
export const EXPECTED_IN_ORDER: Record<DocumentKind, readonly string[]> = {
  'scheme-reply': [
    '户名',
    '用电地址',
    // 一、供电电源, or 二、 after the 方案变更说明 of a version after the first.
    '、供电电源',
    '产权分界点',
    '计量方案',
    '电价电费',
    '营业费用',
    '营业厅及联系方式',
  ],
  contract: [
    '供电人',
    '用电人',
    // The party block's row (the HV contract's 第一条 is 定义).
    '用电地址',
    '第一条',
    '第二条',
    '第三条',
    '电费',
    '违约金',
    '供电人（盖章）',
    // 用电人（盖章） for a company, 用电人（签字） for a natural person.
    '用电人（',
  ],
  'work-sheet': [
    '户名',
    '用电地址',
    '一、供电电源及产权分界点',
    '二、计量装置配置',
    '三、作业要求',
    '现场记录',
    '客户确认',
  ],
  agreement: [
    '供电人',
    '用电人',
    '原供用电合同',
    '第一条',
    // The table's cells (变更前, 变更后) come out of pdftotext in no fixed order against the clauses.
    '变更事项',
    '第二条',
    '第三条',
    '（以下无正文）',
    '供电人（盖章）',
    '用电人（',
  ],
  termination: [
    '供电人',
    '用电人',
    '原供用电合同',
    '第一条',
    '原合同的终止',
    '第二条',
    '最终抄见示数',
    '欠费',
    '保证金',
    '（以下无正文）',
    '供电人（盖章）',
    '用电人（',
  ],
};

export interface GeneratedPdf {
  kind: DocumentKind;
  customerClass: CustomerClass;
  documentNo: string;
  pageCount: number;
  dataHash: string;
  /** The title when the record prints under another one than its class's (临时供用电合同). */
  title?: string;
}

/**
 * Runs the checks on `file` and returns its text without whitespace (pdfkit spaces words by positioning, not
 * with space glyphs), for the caller's own assertions. `contains` are strings that must come out intact, such
 * as customer names with rare characters.
 */
export function expectSoundDocument(file: string, doc: GeneratedPdf, contains: readonly string[] = []): string {
  const text = pdfText(file).replace(/\s+/g, '');
  expect(text).toContain(doc.title ?? DOCUMENT_TITLES[doc.kind][doc.customerClass]);
  expect(inOrder(text, EXPECTED_IN_ORDER[doc.kind]), 'first expected text missing or out of order').toBeNull();
  for (const needle of contains) expect(text).toContain(needle.replace(/\s+/g, ''));
  expect(text).toContain(`第1页共${doc.pageCount}页`);
  expect(text).toContain(`第${doc.pageCount}页共${doc.pageCount}页`);
  expect(text).toContain(doc.documentNo);

  const fonts = pdfFonts(file);
  expect(fonts.length).toBeGreaterThan(0);
  for (const font of fonts) {
    expect(font.embedded, `${font.name} embedded`).toBe(true);
    expect(font.subset, `${font.name} subset`).toBe(true);
  }

  expect(qpdfCheck(file)).toContain('No syntax or stream encoding errors');
  expect(pdfInfo(file)).toContain(doc.dataHash);
  return text;
}
