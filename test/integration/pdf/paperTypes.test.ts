/**
 * The right paper for every business type (issue 12, REFERENCE.md §7.3), on a real store, parsed back with the
 * real tools: a 补充协议 listing only the changed items before → after for a change of use; a 终止协议 with the
 * final reading and the settlement for 销户, and for 过户 beside the new holder's contract; a 居民 contract at
 * acceptance without a scheme; no paper for 暂拆; the wrong paper, or the right one in the wrong stage, refused
 * without using a number.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApplicationInput } from '../../../shared/domain/application';
import type { BusinessType, CustomerClass, Stage } from '../../../shared/domain/codes';
import { contractsOf } from '../../../main/db/repositories/contractRepo';
import { createApplication } from '../../../main/services/applications/createApplication';
import { moveApplication } from '../../../main/services/applications/moveApplication';
import { setDocumentSettings } from '../../../main/services/documents/documentSettings';
import { currentPapers } from '../../../main/services/documents/contractLifecycle';
import { generatePaper } from '../../../main/services/documents/generateDocuments';
import type { GeneratedDocument } from '../../../shared/api/documents';
import { loadRecord } from '../../fixtures/pdf/records';
import { HALL_DOCUMENT_SETTINGS, openStore, recordFor, type Store } from '../store/storeFixture';
import { advanceTo } from './advanceTo';
import { checkedPaperText } from './paperText';
import { addSchemeVersion } from './schemeRows';

let store: Store;
beforeEach(() => {
  store = openStore();
  setDocumentSettings(store.ctx(), HALL_DOCUMENT_SETTINGS);
});
afterEach(() => store.close());

function create(
  type: BusinessType,
  cls: CustomerClass,
  edit: (r: ApplicationInput) => void = () => {},
  seed = 1,
): string {
  const record = recordFor(type, cls, seed);
  edit(record);
  return createApplication(store.ctx(), record).number;
}

function applicationId(number: string): number {
  return store.ctx().db.prepare('SELECT id FROM applications WHERE number = ?').pluck().get(number) as number;
}

const checkedText = (doc: GeneratedDocument, cls: CustomerClass): string => checkedPaperText(store.dir, doc, cls);

describe('补充协议 for a change of use', () => {
  it('增容 (HV): lists capacity and transformers before → after, refers to the base contract, regenerates byte for byte', () => {
    const number = create('INC_HV', 'HV');
    advanceTo(store.ctx(), number, 'CONTRACT');
    expect(() => generatePaper(store.ctx(), number, 'contract')).toThrow('签订的是供用电合同补充协议');
    const doc = generatePaper(store.ctx(), number);
    expect(doc.kind).toBe('agreement');
    const text = checkedText(doc, 'HV');
    expect(text).toContain('办理业务高压增容');
    expect(text).toMatch(/合同容量\d+kVA\d+kVA/);
    expect(text).toMatch(/受电变压器\d+kVA×1台\d+kVA×2台/);
    expect(text).toContain('户号');
    expect(text).toContain('项下的供用电合同');
    expect(generatePaper(store.ctx(), number).sha256).toBe(doc.sha256);
    expect(contractsOf(store.ctx().db, applicationId(number))).toHaveLength(1);
  });

  it('暂停 (LVN): the period and the suspended status; 临时用电延期: the new end date and the 3-year cap', () => {
    const sus = create('SUS', 'LVN');
    advanceTo(store.ctx(), sus, 'CONTRACT');
    const text = checkedText(generatePaper(store.ctx(), sus), 'LVN');
    expect(text).toMatch(/用电状态正常用电暂停用电至\d{4}年\d+月\d+日/);
    expect(text).toMatch(/暂停期限至\d{4}年\d+月\d+日止/);
    expect(text).toMatch(/运行容量\d+kW\d+kW/);

    const extend = create('TEMP_EXTEND', 'LVN', () => {}, 2);
    advanceTo(store.ctx(), extend, 'METER_CONNECT');
    const ext = checkedText(generatePaper(store.ctx(), extend), 'LVN');
    expect(ext).toMatch(/临时用电截止日期\d{4}年\d+月\d+日\d{4}年\d+月\d+日/);
    expect(ext).toContain('累计期限不超过三年');
  });
});

describe('终止协议', () => {
  it('销户: refused until the final reading, arrears and deposit are recorded; then states them', () => {
    const bare = create('CLOSE', 'LVR', (r) => {
      r.existing = { ...r.existing, arrearsFen: 0 };
    });
    advanceTo(store.ctx(), bare, 'CONTRACT');
    expect(() => generatePaper(store.ctx(), bare)).toThrow(/最终抄见示数 \(kWh\)”、“保证金 \(分\)/);
    expect(contractsOf(store.ctx().db, applicationId(bare))).toHaveLength(0);
    moveApplication(store.ctx(), bare, { move: 'cancel', reason: '重新受理' });

    const number = create('CLOSE', 'LVR', (r) => {
      r.existing = { ...r.existing, arrearsFen: 0, finalMeterReading: 12876.4, depositFen: 20000 };
    });
    expect(() => generatePaper(store.ctx(), number)).toThrow('在“签订合同”环节签订');
    advanceTo(store.ctx(), number, 'CONTRACT');
    const doc = generatePaper(store.ctx(), number);
    expect(doc.kind).toBe('termination');
    const text = checkedText(doc, 'LVR');
    expect(text).toContain('最终抄见示数为12876.4kWh');
    expect(text).toContain('欠费：无欠费');
    expect(text).toContain('保证金（预收电费）：200.00元，抵扣应付电费后的余额退还用电人');
    expect(text).toContain('拆除用电人的计量装置及接户线');
  });

  it("过户: the new holder's contract on the account's scheme, and a 终止协议 signed by the previous holder", () => {
    // The account as this hall knows it: an earlier application with its approved scheme, by the previous holder.
    const previous = create('INC_LVN', 'LVN', (r) => {
      r.customer = { ...r.customer, name: '南京市江宁区老字号餐饮店' };
    });
    addSchemeVersion(store.ctx().db, applicationId(previous), loadRecord('lvn').scheme, 'approved');
    moveApplication(store.ctx(), previous, { move: 'cancel', reason: '改办过户' });
    const account = recordFor('INC_LVN', 'LVN').accountNo;
    const number = create('TRANSFER', 'LVN', (r) => {
      r.accountNo = account;
      r.existing = { ...r.existing, arrearsFen: 0, finalMeterReading: 5210, depositFen: 0 };
      // As the 户号 look-up records the previous holder.
      r.existing.holder = { name: '南京市江宁区老字号餐饮店', idType: 'USCC', idNumber: '91320115MA1MX5TQ4D' };
    });
    advanceTo(store.ctx(), number, 'CONTRACT');
    const termination = generatePaper(store.ctx(), number, 'termination');
    const text = checkedText(termination, 'LVN');
    expect(text).toContain('用电人南京市江宁区老字号餐饮店');
    expect(text).toContain('91320115MA1MX5TQ4D');
    expect(text).toContain('另行签订的供用电合同约定');
    const contract = generatePaper(store.ctx(), number, 'contract');
    expect(contract.kind).toBe('contract');
    const contractText = checkedText(contract, 'LVN');
    expect(contractText).toContain(loadRecord('lvn').scheme.sources[0]!.boundaryPoint.replace(/\s+/g, ''));
    expect(contractText).toContain(`方案编号${loadRecord('lvn').scheme.schemeNo}`);
    expect(contract.documentNo).not.toBe(termination.documentNo);
    expect(contractsOf(store.ctx().db, applicationId(number))).toHaveLength(2);
    // The 合同与文书 panel shows both papers, not only the newest (contracts.current).
    expect(currentPapers(store.ctx(), number).map((p) => [p.paper, p.number, p.status])).toEqual([
      ['termination', termination.documentNo, 'draft'],
      ['contract', contract.documentNo, 'draft'],
    ]);
  });
});

describe('居民 contract without a scheme, and types without paper', () => {
  it('prints the residential contract at acceptance from the application, the boundary at the meter outlet', () => {
    const number = create('NEW_LVR', 'LVR');
    const doc = generatePaper(store.ctx(), number);
    const text = checkedText(doc, 'LVR');
    expect(text).toContain('产权分界点为电能表出线端20cm处');
    expect(text).not.toContain('方案版本');
    expect(fs.existsSync(path.join(store.dir, doc.path))).toBe(true);
  });

  it('refuses paper for 暂拆 and a paper outside its stage, using no number', () => {
    const tmr = create('TMR', 'LVR');
    expect(() => generatePaper(store.ctx(), tmr)).toThrow('不签订合同或协议');
    const inc = create('INC_LVN', 'LVN');
    const stage: Stage = 'ACCEPT';
    expect(store.ctx().db.prepare('SELECT stage FROM applications WHERE number = ?').pluck().get(inc)).toBe(stage);
    expect(() => generatePaper(store.ctx(), inc)).toThrow('在“供电方案、电网配套工程、装表接电”环节签订');
    expect(store.ctx().db.prepare('SELECT count(*) FROM contracts').pluck().get()).toBe(0);
  });
});
