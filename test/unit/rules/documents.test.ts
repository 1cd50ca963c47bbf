/** The §4 document workflow end to end: checklist, 容缺 with a due stage, 一证受理, blocking at the due stage. */
import { describe, expect, it } from 'vitest';
import type { ApplicationInput } from '../../../shared/domain/application';
import { evaluate, requiredDocuments } from '../../../shared/rules';
import { ctx, lvrApplication } from './fixtures';

/** 低压非居民新装 by a company, property proof and load list deferred until the survey. */
function lvnApplication(): ApplicationInput {
  return {
    ...lvrApplication(),
    businessType: 'NEW_LVN',
    customerClass: 'LVN',
    customer: {
      kind: 'ORG',
      name: '北京某某餐饮有限公司',
      idType: 'USCC',
      idNumber: '91110000600037341L',
      phone: '13838389438',
    },
    voltageCode: 'AC03802',
    requestedCapacityKw: 60,
    site: { regionCode: '110101', address: '北京市东城区东四十条 12 号', areaType: 'URBAN' },
    tariff: { category: 'COMMERCIAL_INDUSTRIAL', structure: 'SINGLE' },
    documents: [
      { code: 'ID_ENTITY', status: 'RECEIVED' },
      { code: 'APPLICATION_FORM', status: 'RECEIVED' },
      { code: 'COMMITMENT', status: 'RECEIVED' },
      { code: 'PROPERTY', status: 'DEFERRED', dueStage: 'SURVEY' },
      { code: 'LOAD_LIST', status: 'DEFERRED', dueStage: 'SURVEY' },
      { code: 'LEGAL_REP_ID', status: 'DEFERRED', dueStage: 'CONTRACT' },
    ],
  };
}

const docIssues = (app: ApplicationInput, stage: Parameters<typeof evaluate>[1]) =>
  evaluate(app, stage, ctx())
    .issues.filter((i) => i.ruleId.startsWith('R-DOC'))
    .map((i) => `${i.ruleId} ${i.field}`);

describe('documents and 容缺', () => {
  it('gives the checklist of §4.3 for the type, class and customer', () => {
    const list = requiredDocuments('NEW_LVN', 'LVN', lvnApplication());
    const byCode = Object.fromEntries(list.map((d) => [d.code, d]));
    expect(byCode.ID_ENTITY).toMatchObject({ applies: true, due: 'ACCEPT', deferrableUntil: undefined });
    expect(byCode.ID_PERSON).toMatchObject({ applies: false });
    expect(byCode.PROPERTY).toMatchObject({
      need: 'D',
      due: 'SURVEY',
      deferrableUntil: 'SURVEY',
      registerAtAccept: true,
    });
    // The matrix says 签订合同; a LV non-residential flow signs its contract within 装表接电.
    expect(byCode.LEGAL_REP_ID).toMatchObject({ applies: true, deferrableUntil: 'METER_CONNECT' });
    expect(byCode.COMMITMENT).toMatchObject({ applies: true });
    expect(byCode.CONTRACT).toMatchObject({ due: 'METER_CONNECT' });
  });

  it('names due stages of the application’s own flow: a 过户 never passes 现场勘查', () => {
    const list = requiredDocuments('TRANSFER', 'HV', { customer: { kind: 'ORG' } });
    const flow = new Set(['ACCEPT', 'CONTRACT', 'ARCHIVE']);
    for (const item of list) {
      expect(flow).toContain(item.due);
      if (item.deferrableUntil) expect(flow).toContain(item.deferrableUntil);
    }
    expect(list.find((item) => item.code === 'ARREARS_CLEAR')).toMatchObject({ due: 'CONTRACT' });
  });

  it('accepts deferred papers at acceptance and blocks the move into their due stage', () => {
    expect(docIssues(lvnApplication(), 'ACCEPT')).toEqual([]);
    expect(docIssues(lvnApplication(), 'SURVEY')).toEqual(['R-DOC-03 documents.3', 'R-DOC-03 documents.4']);
    const arrived = lvnApplication();
    arrived.documents = arrived.documents.map((d) =>
      d.dueStage === 'SURVEY' ? { code: d.code, status: 'RECEIVED' } : d,
    );
    expect(docIssues(arrived, 'SURVEY')).toEqual([]);
    expect(docIssues(arrived, 'CONTRACT')).toEqual(['R-DOC-03 documents.5']);
  });

  it('refuses a due stage later than the matrix allows and a deferral without one', () => {
    const late = lvnApplication();
    late.documents[3] = { code: 'PROPERTY', status: 'DEFERRED', dueStage: 'METER_CONNECT' };
    late.documents[4] = { code: 'LOAD_LIST', status: 'DEFERRED' };
    expect(docIssues(late, 'ACCEPT')).toEqual(['R-DOC-02 documents.3', 'R-DOC-02 documents.4']);
    // The message names the paper, not its position in the record (the clerk sees the checklist's order).
    expect(evaluate(late, 'ACCEPT', ctx()).issues.find((i) => i.field === 'documents.4')?.message).toBe(
      '用电设备清单/负荷资料登记为容缺但未注明补交环节，请在资料清单中选择补交环节。',
    );
  });

  it('asks for a deferrable paper to be registered at acceptance', () => {
    const app = lvnApplication();
    app.documents = app.documents.filter((d) => d.code !== 'LOAD_LIST');
    expect(evaluate(app, 'ACCEPT', ctx()).issues.find((i) => i.ruleId === 'R-DOC-01')?.message).toBe(
      '用电设备清单/负荷资料须在受理时登记：已收取的登记为“已收”，暂缺的登记为“容缺”并注明补交环节。',
    );
  });

  it('lets 一证受理 defer the application form until the survey, but never the identity proof', () => {
    const app = { ...lvnApplication(), oneCertificate: true };
    app.documents = app.documents.map((d) =>
      d.code === 'APPLICATION_FORM' ? { code: d.code, status: 'DEFERRED' as const, dueStage: 'SURVEY' as const } : d,
    );
    expect(docIssues(app, 'ACCEPT')).toEqual([]);
    expect(docIssues({ ...app, oneCertificate: false }, 'ACCEPT')).toEqual(['R-DOC-02 documents.1']);
    app.documents[0] = { code: 'ID_ENTITY', status: 'DEFERRED', dueStage: 'SURVEY' };
    expect(docIssues(app, 'ACCEPT')).toEqual(['R-DOC-02 documents.0', 'R-DOC-06 oneCertificate']);
  });

  it('refuses 一证受理 for a change of use', () => {
    const app = { ...lvnApplication(), businessType: 'CLOSE' as const, accountNo: '1234567890', oneCertificate: true };
    expect(docIssues(app, 'ACCEPT')).toContain('R-DOC-06 oneCertificate');
  });
});

describe('calendar coverage in rules', () => {
  it('says when the notice period is counted without a holiday table', () => {
    const app = {
      ...lvnApplication(),
      businessType: 'SUS' as const,
      accountNo: '1234567890',
      applicationDate: '2027-01-04',
      effectiveDate: '2027-01-20',
    };
    const issues = evaluate(app, 'ACCEPT', ctx({ today: '2027-01-04' })).issues.filter((i) => i.ruleId === 'R-CHG-02');
    expect(issues).toEqual([expect.objectContaining({ severity: 'warning', field: 'effectiveDate' })]);
    expect(issues[0]?.message).toContain('2027 年的节假日安排尚未载入');
  });
});
