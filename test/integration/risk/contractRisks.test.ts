/** 合同 detectors on real contracts: generated, printed (print confirmed), signed, reprinted as 副本. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApplication } from '../../../main/services/applications/createApplication';
import { updateApplicationRecord } from '../../../main/services/applications/updateApplication';
import { demoScheme } from '../../../main/services/demo/demoScheme';
import { Prng } from '../../../main/services/demo/prng';
import { signContract } from '../../../main/services/documents/contractLifecycle';
import { setDocumentSettings } from '../../../main/services/documents/documentSettings';
import { generateContract } from '../../../main/services/documents/generateDocuments';
import { confirmPrinted, preparePrint } from '../../../main/services/documents/printJobs';
import { recomputeAll } from '../../../main/services/risk/recompute';
import { approveScheme, saveSchemeDraft } from '../../../main/services/schemes';
import { advanceTo } from '../pdf/advanceTo';
import { HALL_DOCUMENT_SETTINGS, openStore, recordFor, type Store } from '../store/storeFixture';
import { flagsOf } from './riskFixture';

let store: Store;
let appNo: string;
let contractNo: string;
const record = recordFor('NEW_HV', 'HV');

beforeEach(() => {
  store = openStore();
  const ctx = store.ctx();
  appNo = createApplication(ctx, record).number;
  advanceTo(ctx, appNo, 'CONTRACT');
  const draft = saveSchemeDraft(
    store.ctx('clerk'),
    appNo,
    demoScheme(new Prng(1), record, appNo, '2026-03-02'),
    undefined,
  );
  approveScheme(ctx, appNo, draft.version);
  setDocumentSettings(ctx, HALL_DOCUMENT_SETTINGS);
  contractNo = generateContract(ctx, appNo).documentNo;
  printContract();
}, 60_000);
afterEach(() => store.close());

/** A rule-clean 低压非居民新装 below the 160 kW LV limit (the first demo seed that gives one). */
function lowVoltageBelowLimit() {
  for (let seed = 1; ; seed++) {
    const lv = recordFor('NEW_LVN', 'LVN', seed);
    if (lv.requestedCapacityKw! < 160) return lv;
  }
}

/** Prints the contract (a 副本 once signed) and confirms the paper came out. */
function printContract(): void {
  const target = { kind: 'contract' as const, number: contractNo };
  const plan = preparePrint(store.ctx('clerk'), target);
  confirmPrinted(store.ctx('clerk'), { target, sha256: plan.sha256, copies: 1 });
}

describe('合同 risk detectors', () => {
  it('RISK-CON-01 flags a contract printed and not signed after 10 working days; before that, or once signed, not', () => {
    store.setNow('2026-03-13T02:00:00Z'); // 9 working days after 03-02
    expect(flagsOf(store, 'RISK-CON-01')).toEqual([]);
    store.setNow('2026-03-17T02:00:00Z'); // 11
    const flags = flagsOf(store, 'RISK-CON-01');
    expect(flags.map((f) => f.applications)).toEqual([[appNo]]);
    expect(flags[0]!.summary).toBe(`合同 ${contractNo} 于 2026-03-02 打印，已 11 个工作日未签订（阈值 10）`);
    signContract(store.ctx(), { number: contractNo, signedOn: '2026-03-17' });
    expect(flagsOf(store, 'RISK-CON-01')).toEqual([]);
  });

  it('RISK-CON-03 flags a signed contract printed again as a 副本; signing alone is not flagged', () => {
    signContract(store.ctx(), { number: contractNo, signedOn: '2026-03-02' });
    expect(flagsOf(store, 'RISK-CON-03')).toEqual([]);
    printContract();
    const flags = flagsOf(store, 'RISK-CON-03');
    expect(flags.map((f) => f.applications)).toEqual([[appNo]]);
    expect(flags[0]!.values).toEqual({ 打印次数: 1, 份数: 1, 打印人: 'clerk-1' });
  });

  it('RISK-CON-05 flags an applied capacity raised above the signed contract; the signed capacity alone is not flagged', () => {
    signContract(store.ctx(), { number: contractNo, signedOn: '2026-03-02' });
    expect(flagsOf(store, 'RISK-CON-05')).toEqual([]);
    const contracted = record.requestedCapacityKva!;
    const raised = {
      ...record,
      requestedCapacityKva: contracted * 2,
      transformers: record.transformers!.map((t) => ({ ...t, count: t.count * 2 })),
    };
    updateApplicationRecord(store.ctx('supervisor'), appNo, raised, '客户增加生产线');
    const flags = flagsOf(store, 'RISK-CON-05');
    expect(flags.map((f) => f.applications)).toEqual([[appNo]]);
    expect(flags[0]!.values).toEqual({ 合同: contractNo, 合同容量: contracted, 现行容量: contracted * 2 });
  });

  it('RISK-CON-05 judges a low-voltage contract in kW against the kW applied for', () => {
    const ctx = store.ctx();
    const lv = lowVoltageBelowLimit();
    const lvNo = createApplication(ctx, lv).number;
    advanceTo(ctx, lvNo, 'SCHEME');
    const draft = saveSchemeDraft(store.ctx('clerk'), lvNo, demoScheme(new Prng(1), lv, lvNo, '2026-03-02'), undefined);
    approveScheme(ctx, lvNo, draft.version);
    advanceTo(ctx, lvNo, 'METER_CONNECT');
    const lvContract = generateContract(ctx, lvNo).documentNo;
    const target = { kind: 'contract' as const, number: lvContract };
    const plan = preparePrint(store.ctx('clerk'), target);
    confirmPrinted(store.ctx('clerk'), { target, sha256: plan.sha256, copies: 1 });
    signContract(ctx, { number: lvContract, signedOn: '2026-03-02' });
    const contracted = lv.requestedCapacityKw!;
    expect(flagsOf(store, 'RISK-CON-05').filter((f) => f.applications.includes(lvNo))).toEqual([]);

    updateApplicationRecord(store.ctx('supervisor'), lvNo, { ...lv, requestedCapacityKw: 160 }, '客户增加设备');
    const flags = flagsOf(store, 'RISK-CON-05').filter((f) => f.applications.includes(lvNo));
    expect(flags.map((f) => f.values)).toEqual([
      { 合同: lvContract, 合同容量: `${contracted} kW`, 现行容量: '160 kW' },
    ]);
    expect(flags[0]!.summary).toBe(`合同 ${lvContract} 容量 ${contracted} kW，现行 160 kW`);
  });

  it('RISK-CON-02 finds, in legacy data, a signed contract on a superseded scheme version; the current one is not flagged', () => {
    signContract(store.ctx(), { number: contractNo, signedOn: '2026-03-02' });
    recomputeAll(store.ctx().db, '2026-03-02T02:00:00.000Z');
    expect(flagsOf(store, 'RISK-CON-02')).toEqual([]);
    // What an old or imported database may hold; the triggers stop the app itself from writing it.
    store.ctx().db.exec(`UPDATE supply_scheme_versions SET status = 'superseded'`);
    recomputeAll(store.ctx().db, '2026-03-02T02:00:00.000Z');
    const flags = flagsOf(store, 'RISK-CON-02');
    expect(flags.map((f) => f.applications)).toEqual([[appNo]]);
    expect(flags[0]!.values).toEqual({ 合同: contractNo, 方案版本: '1' });
  });

  it('RISK-CON-04 flags a signed HV contract within 60 days of its 3-year term while supply goes on; earlier, not', () => {
    signContract(store.ctx(), { number: contractNo, signedOn: '2026-03-02' });
    store.setNow('2028-12-30T02:00:00Z'); // ends 2029-03-01: 61 days left
    expect(flagsOf(store, 'RISK-CON-04')).toEqual([]);
    store.setNow('2028-12-31T02:00:00Z'); // 60
    const flags = flagsOf(store, 'RISK-CON-04');
    expect(flags.map((f) => f.applications)).toEqual([[appNo]]);
    expect(flags[0]!.summary).toBe(`合同 ${contractNo}（2026-03-02 签订）2029-03-01 到期，还剩 60 天（阈值 60 天）`);
    expect(flags[0]!.values).toEqual({ 合同: contractNo, 签订日期: '2026-03-02', 到期日: '2029-03-01', 已到期: false });
  });
});
