/**
 * A 补充协议 for every change of use that keeps the contract (REFERENCE.md §7.3 E), in every class the type is
 * offered for, on a real store and parsed back with the real tools: it names the base contract, lists only the
 * items that change before → after with their units, states when the change takes effect, and passes the paper
 * checks every document passes (cross-references, signature page, numbers with units, no internal text).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generatePaper } from '../../../main/services/documents/generateDocuments';
import type { ApplicationInput } from '../../../shared/domain/application';
import { BUSINESS_TYPE_INFO, type BusinessType, type CustomerClass } from '../../../shared/domain/codes';
import { papersFor } from '../../../shared/workflow/contractPaper';
import { contractStages } from '../../../shared/workflow/contractStages';
import { createApplication } from '../../../main/services/applications/createApplication';
import { setDocumentSettings } from '../../../main/services/documents/documentSettings';
import { HALL_DOCUMENT_SETTINGS, openStore, recordFor, type Store } from '../store/storeFixture';
import { advanceTo } from './advanceTo';
import { checkedPaperText } from './paperText';

let store: Store;
beforeEach(() => {
  store = openStore();
  setDocumentSettings(store.ctx(), HALL_DOCUMENT_SETTINGS);
});
afterEach(() => store.close());

const TYPES: readonly BusinessType[] = [
  'RED',
  'RED_RESTORE',
  'SUS_RESTORE',
  'TARIFF_CHANGE',
  'RENAME',
  'METER_MOVE',
  'TTX',
  'RELOC',
];
const CASES = TYPES.flatMap((type) => BUSINESS_TYPE_INFO[type].classes.map((cls) => [type, cls] as const));

/** A date as the papers print it, without spaces. */
const DATE = String.raw`\d{4}年\d{1,2}月\d{1,2}日`;
const CAPACITY = String.raw`\d+(kVA|kW)`;

/** Every item a 补充协议 can change (agreementTerms.ts). */
const ITEMS = [
  '户名',
  '用电地址',
  '供电电压',
  '合同容量',
  '运行容量',
  '受电变压器',
  '用电类别',
  '临时用电截止日期',
  '用电状态',
  '计量装置安装位置',
] as const;

/**
 * Per type: what the clerk records from the account beyond the demo record (the 原用电信息 the change is printed
 * against), and the rows the change table must show, in layout text without spaces.
 */
interface Expected {
  edit?: (r: ApplicationInput) => void;
  rows: Partial<Record<(typeof ITEMS)[number], RegExp>>;
}
const EXPECTED: Partial<Record<BusinessType | 'RED_HV', Expected>> = {
  RED: { rows: { 合同容量: new RegExp(`合同容量${CAPACITY}${CAPACITY}`) } },
  // HV: the transformers taken out of service beside the capacity.
  RED_HV: {
    rows: {
      合同容量: new RegExp(`合同容量${CAPACITY}${CAPACITY}`),
      受电变压器: /受电变压器(\d+kVA×\d+台，?)+(\d+kVA×\d+台，?)+第二条/,
    },
  },
  RED_RESTORE: { rows: { 用电状态: /用电状态减容减容恢复/ } },
  SUS_RESTORE: { rows: { 用电状态: /用电状态暂停用电恢复用电/ } },
  TARIFF_CHANGE: {
    edit: (r) => {
      r.existing = {
        ...r.existing,
        tariffCategory: r.tariff.category === 'AGRICULTURE' ? 'GENERAL_CI' : 'AGRICULTURE',
      };
    },
    rows: { 用电类别: /用电类别(农业生产|一般工商业)(居民生活|农业生产|工商业|大工业|一般工商业)/ },
  },
  RENAME: {
    edit: (r) => {
      r.existing = { ...r.existing, holder: { name: '原户名测试用电人' } };
    },
    rows: { 户名: /户名原户名测试用电人\S+第二条/ },
  },
  METER_MOVE: { rows: { 计量装置安装位置: /计量装置安装位置原安装位置按装表接电工作单移至新位置/ } },
  TTX: { rows: { 受电变压器: new RegExp(`受电变压器原变压器暂换变压器，至${DATE}止`) } },
  RELOC: { rows: { 用电地址: /用电地址/ } },
};

describe('补充协议 for every change of use', () => {
  it.each(CASES)('%s (%s): base contract, changed items before → after with units, effective date', (type, cls) => {
    expect(papersFor(type)).toEqual(['agreement']);
    const expected = (type === 'RED' && cls === 'HV' ? EXPECTED.RED_HV : EXPECTED[type])!;
    const record = recordFor(type, cls as CustomerClass);
    expected.edit?.(record);
    const number = createApplication(store.ctx(), record).number;
    const [stage] = contractStages(type, cls);
    if (stage !== 'ACCEPT') advanceTo(store.ctx(), number, stage!);
    const doc = generatePaper(store.ctx(), number);
    expect(doc.kind).toBe('agreement');
    const text = checkedPaperText(store.dir, doc, cls);
    expect(text).toContain(`办理业务${BUSINESS_TYPE_INFO[type].label}`);
    expect(text).toContain(`原供用电合同户号${record.accountNo}项下的供用电合同`);
    expect(text).toMatch(new RegExp(`上述变更自(${DATE}|本补充协议签订之日)起执行`));
    expect(text).toContain('下表未列的事项仍按原合同执行');
    const table = text.slice(text.indexOf('序号变更事项变更前变更后'), text.indexOf('变更的执行'));
    for (const [item, row] of Object.entries(expected.rows)) expect(table, item).toMatch(row);
    // Only the changed items: no row for an item the type does not change.
    for (const item of ITEMS.filter((i) => !(i in expected.rows))) expect(table).not.toContain(item);
  });
});
