/**
 * What must never reach the printer: a contract with a blank where a value belongs, or a character printed as
 * an empty box. Also the font fallback per glyph and the fingerprint HQ uses to match paper to record.
 */
import { describe, expect, it } from 'vitest';
import { documentDataHash } from '../../../main/pdf/dataHash';
import { renderKind } from '../../../main/pdf/documents';
import { MissingGlyphError } from '../../../main/pdf/glyphRuns';
import { MissingFieldError } from '../../../main/pdf/templates/placeholders';
import { loadRecord } from '../../fixtures/pdf/records';
import { pdfFonts, pdfText, withTempPdf } from './pdfTools';
import { reverseKeys } from '../../support/reverseKeys';

// WenQuanYi Micro Hei stands in for a configured system font: it lacks 䶮 and 𠀾 (checked with fontkit).
const SYSTEM_FONT = { file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', postscriptName: 'WenQuanYiMicroHei' };

describe('missing values', () => {
  it('refuses a contract whose placeholder has no value and names the field', () => {
    const record = loadRecord('hv');
    delete record.scheme.billing.contractDemandKw;
    const attempt = () => renderKind('contract', record);
    expect(attempt).toThrow(MissingFieldError);
    expect(attempt).toThrow('缺少“供电方案·电价电费·合同最大需量 (kW)”（scheme.billing.contractDemandKw）');
  });

  it('refuses a contract without contract terms', () => {
    const record = loadRecord('lvr');
    delete record.contract;
    expect(() => renderKind('contract', record)).toThrow(/缺少“合同条款/);
  });

  it('skips a clause whose condition does not hold instead of printing it half-filled', () => {
    const record = loadRecord('hv');
    record.scheme.billing.capacityChargeBasis = 'CAPACITY';
    delete record.scheme.billing.contractDemandKw;
    const doc = renderKind('contract', record);
    withTempPdf(doc.pdf, (file) => expect(pdfText(file)).not.toContain('合同最大需量'));
  });
});

describe('fonts', () => {
  it('falls back per glyph to the bundled face for characters the configured font lacks', () => {
    const record = loadRecord('lvn');
    record.application.customer.name = '杭州䶮𠀾堃玥喆餐饮有限公司';
    const doc = renderKind('contract', record, { fonts: { body: SYSTEM_FONT } });
    withTempPdf(doc.pdf, (file) => {
      expect(pdfText(file).replace(/\s+/g, '')).toContain('杭州䶮𠀾堃玥喆餐饮有限公司');
      const names = pdfFonts(file).map((f) => f.name);
      expect(names.some((n) => n.endsWith('+WenQuanYiMicroHei'))).toBe(true);
      expect(names.some((n) => n.endsWith('+NotoSerifCJKsc-Regular'))).toBe(true);
    });
  });

  it('refuses a character that no font can draw rather than printing an empty box', () => {
    const record = loadRecord('lvr');
    record.application.customer.name = '王\u{2A6A5}';
    const attempt = () => renderKind('contract', record);
    expect(attempt).toThrow(MissingGlyphError);
    expect(attempt).toThrow('U+2A6A5');
  });
});

describe('reprints and fingerprints', () => {
  it('marks a reprint 副本 on every page', () => {
    const doc = renderKind('contract', loadRecord('hv'), { copy: true });
    withTempPdf(doc.pdf, (file) => {
      const text = pdfText(file).replace(/\s+/g, '');
      expect(text.split('副本').length - 1).toBe(doc.pageCount);
    });
  });

  it('hashes the data, not the order its keys were written in', () => {
    const record = loadRecord('hv');
    const base = {
      application: record.application,
      scheme: record.scheme,
      templateId: 'contract-hv',
      templateVersion: '1.0.0',
    };
    expect(documentDataHash(reverseKeys(base) as typeof base)).toBe(documentDataHash(base));
    const altered = { ...base, scheme: { ...record.scheme, approvedCapacityKva: 3150 } };
    expect(documentDataHash(altered)).not.toBe(documentDataHash(base));
  });

  it('changes the fingerprint and the file when the scheme changes', () => {
    const record = loadRecord('lvr');
    const before = renderKind('scheme-reply', record);
    record.scheme.approvedCapacityKw = 10;
    const after = renderKind('scheme-reply', record);
    expect(after.dataHash).not.toBe(before.dataHash);
    expect(after.sha256).not.toBe(before.sha256);
  });
});
