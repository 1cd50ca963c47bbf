/**
 * 临时供用电合同 (REFERENCE.md §7.3 D): a temporary supply's contract is the class's contract under its own title,
 * with the temporary period, no transfer or resale, removal at the end and conversion only by a new connection,
 * and a term that ends with the period instead of renewing itself.
 */
import { describe, expect, it } from 'vitest';
import { renderKind } from '../../../main/pdf/documents';
import { MissingFieldError } from '../../../main/pdf/templates/placeholders';
import { defaultContractTerms } from '../../../main/services/documents/contractTerms';
import { loadRecord } from '../../fixtures/pdf/records';
import { expectSoundDocument } from './pdfChecks';
import { inOrder, pdfInfo, withTempPdf } from './pdfTools';

const END = '2027-03-31';

function temporaryRecord(fixture: 'lvn' | 'hv', businessType: 'NEW_TEMP' | 'TEMP_EXTEND' = 'NEW_TEMP') {
  const record = loadRecord(fixture);
  record.application = { ...record.application, businessType, endDate: END, purpose: '厂房建设项目施工用电' };
  record.contract = defaultContractTerms(record.application, record.issuedOn, record.hall.name);
  return record;
}

describe('临时供用电合同', () => {
  it('gives a temporary supply the temporary period as its term, without renewal', () => {
    const record = temporaryRecord('lvn');
    expect(record.contract).toMatchObject({ temporary: true, endDate: END });
    expect(record.contract?.termYears).toBeUndefined();
    expect(
      defaultContractTerms({ ...record.application, businessType: 'NEW_LVN' }, '2026-11-25', '城东'),
    ).toMatchObject({ termYears: 5, endDate: '2031-11-24' });
  });

  it.each(['lvn', 'hv'] as const)('prints the %s contract as 临时供用电合同 with its period', (fixture) => {
    const doc = renderKind('contract', temporaryRecord(fixture));
    withTempPdf(doc.pdf, (file) => {
      const text = expectSoundDocument(file, {
        ...doc,
        kind: 'contract',
        customerClass: fixture === 'hv' ? 'HV' : 'LVN',
        documentNo: temporaryRecord(fixture).documentNo,
        title: '临时供用电合同',
      });
      expect(pdfInfo(file)).toMatch(/Title:\s+临时供用电合同/);
      expect(
        inOrder(text, [
          '临时供用电合同',
          '临时用电',
          '用电期限自',
          '2027年3月31日',
          '不得向外转供电',
          '拆除临时用电设施',
          '应按新装用电办理',
          '期满不自动延续',
        ]),
      ).toBeNull();
      expect(text, 'no automatic renewal clause').not.toContain('书面异议');
      expect(text).not.toMatch(/有效期\d+年/);
    });
  });

  it('prints a permanent contract exactly as before: no temporary clauses', () => {
    const doc = renderKind('contract', loadRecord('lvn'));
    withTempPdf(doc.pdf, (file) => {
      const text = expectSoundDocument(file, {
        ...doc,
        kind: 'contract',
        customerClass: 'LVN',
        documentNo: loadRecord('lvn').documentNo,
      });
      expect(text).toContain('低压非居民供用电合同');
      expect(text).not.toContain('临时');
      expect(text).toMatch(/有效期5年/);
    });
  });

  it('refuses a temporary contract without the end date of the period, naming the field', () => {
    const record = temporaryRecord('hv', 'TEMP_EXTEND');
    delete record.application.endDate;
    expect(() => renderKind('contract', record)).toThrow(MissingFieldError);
    expect(() => renderKind('contract', record)).toThrow(/application\.endDate/);
  });
});
