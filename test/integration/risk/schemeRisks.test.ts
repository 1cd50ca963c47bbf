import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApplication } from '../../../main/services/applications/createApplication';
import { moveApplication } from '../../../main/services/applications/moveApplication';
import { extendScheme } from '../../../main/services/schemeExtension';
import { demoScheme } from '../../../main/services/demo/demoScheme';
import { Prng } from '../../../main/services/demo/prng';
import type { ApplicationInput } from '../../../shared/domain/application';
import { openStore, recordFor, type Store } from '../store/storeFixture';
import { flagsOf, hvRecord, inScheme, issueScheme, otherCustomer, schemeFor } from './riskFixture';

let store: Store;
beforeEach(() => {
  store = openStore();
});
afterEach(() => store.close());

/** Version 2 with one 630 kVA transformer instead of two. */
const halved = schemeFor(hvRecord, (s) => ({
  ...s,
  approvedCapacityKva: 630,
  receiving: { ...s.receiving!, transformers: [{ ratingKva: 630, count: 1 }] },
}));
const rerouted = schemeFor(hvRecord, (s) => ({
  ...s,
  sources: s.sources.map((source) => ({ ...source, line: '10 kV 振华 B 线' })),
}));

describe('供电方案 risk detectors', () => {
  it('RISK-SCH-01 counts changes after approval with their approvers; a scheme approved once is not flagged', () => {
    const changed = inScheme(store);
    issueScheme(store, changed, 1);
    issueScheme(store, changed, 2, rerouted, { drafter: 'supervisor', reason: '客户要求改接 B 线' });
    const once = inScheme(store, otherCustomer(1, '浙江省杭州市西湖区文三路 1 号'));
    issueScheme(store, once, 1);

    const flags = flagsOf(store, 'RISK-SCH-01');
    expect(flags.map((f) => f.applications)).toEqual([[changed]]);
    expect(flags[0]!.values).toEqual({ 变更次数: 1, 审批人: 'supervisor-1', 变更理由: '第2版：客户要求改接 B 线' });
  });

  it('RISK-SCH-02 flags a change that lowers the capacity; a change of route only is not flagged', () => {
    const lowered = inScheme(store);
    issueScheme(store, lowered, 1);
    issueScheme(store, lowered, 2, halved, { drafter: 'supervisor', reason: '减少一台变压器' });
    const moved = inScheme(store, otherCustomer(1, '浙江省杭州市西湖区文三路 1 号'));
    issueScheme(store, moved, 1);
    issueScheme(store, moved, 2, rerouted, { drafter: 'supervisor', reason: '改接 B 线' });

    const flags = flagsOf(store, 'RISK-SCH-02');
    expect(flags.map((f) => f.applications)).toEqual([[lowered]]);
    expect(flags[0]!.summary).toBe('第2版容量 1260→630 kVA');
  });

  it('RISK-SCH-03 flags an approved capacity far from the applied one with no reason; a matching one is not flagged', () => {
    const differs = inScheme(store);
    issueScheme(store, differs, 1, halved);
    const matches = inScheme(store, otherCustomer(1, '浙江省杭州市西湖区文三路 1 号'));
    issueScheme(store, matches, 1);

    const flags = flagsOf(store, 'RISK-SCH-03');
    expect(flags.map((f) => f.applications)).toEqual([[differs]]);
    expect(flags[0]!.values).toEqual({ 方案版本: 1, 核定容量: 630, 申请容量: 1260, 相差: '50.0%' });
  });

  it('RISK-SCH-03 judges a low-voltage scheme in kW against the kW applied for', () => {
    const approve = (record: ApplicationInput, approvedCapacityKw: number) => {
      const number = inScheme(store, record);
      const scheme = demoScheme(new Prng(1), record, number, '2026-03-02');
      issueScheme(store, number, 1, { ...scheme, approvedCapacityKw });
      return number;
    };
    const lv = recordFor('NEW_LVN', 'LVN', 1);
    const halvedLv = approve(lv, lv.requestedCapacityKw! / 2);
    const other = recordFor('NEW_LVN', 'LVN', 2);
    approve(other, other.requestedCapacityKw!);

    const flags = flagsOf(store, 'RISK-SCH-03');
    expect(flags.map((f) => f.applications)).toEqual([[halvedLv]]);
    const applied = lv.requestedCapacityKw!;
    expect(flags[0]!.values).toEqual({
      方案版本: 1,
      核定容量: `${applied / 2} kW`,
      申请容量: `${applied} kW`,
      相差: '50.0%',
    });
  });

  it('RISK-SCH-04 flags a scheme approved by its drafter; one drafted by a clerk is not flagged', () => {
    const own = inScheme(store);
    issueScheme(store, own, 1, schemeFor(), { drafter: 'supervisor' });
    const checked = inScheme(store, otherCustomer(1, '浙江省杭州市西湖区文三路 1 号'));
    issueScheme(store, checked, 1);

    expect(flagsOf(store, 'RISK-SCH-04').map((f) => f.applications)).toEqual([[own]]);
  });

  it('RISK-INT-03 flags the user who accepted an application approving it out of 供电方案; separate users are not flagged', () => {
    const supervisor = store.ctx('supervisor');
    const { number: alone } = createApplication(supervisor, hvRecord);
    moveApplication(supervisor, alone, { move: 'advance' });
    moveApplication(supervisor, alone, { move: 'advance' });
    issueScheme(store, alone, 1);
    moveApplication(supervisor, alone, { move: 'advance' });
    const paired = inScheme(store, otherCustomer(1, '浙江省杭州市西湖区文三路 1 号'));
    issueScheme(store, paired, 1);
    moveApplication(supervisor, paired, { move: 'advance' });

    const flags = flagsOf(store, 'RISK-INT-03');
    expect(flags.map((f) => f.applications)).toEqual([[alone]]);
    expect(flags[0]!.values).toEqual({ 用户: 'supervisor-1', 次数: 1 });
  });

  it('RISK-SCH-05 flags an approved scheme within 30 days of expiry, then expired; earlier, not', () => {
    const number = inScheme(store);
    issueScheme(store, number, 1); // replied 2026-03-02, valid 12 months
    store.setNow('2027-01-30T02:00:00Z');
    expect(flagsOf(store, 'RISK-SCH-05')).toEqual([]);
    store.setNow('2027-01-31T02:00:00Z');
    const flags = flagsOf(store, 'RISK-SCH-05');
    expect(flags.map((f) => f.applications)).toEqual([[number]]);
    expect(flags[0]!.summary).toBe('第 1 版方案 2027-03-02 到期，还剩 30 天（阈值 30 天）');
    store.setNow('2027-03-04T02:00:00Z');
    expect(flagsOf(store, 'RISK-SCH-05')[0]!.values).toEqual({
      方案版本: 1,
      有效期至: '2027-03-02',
      已延期: false,
      已到期: true,
    });
  });

  it('RISK-SCH-05 drops the flag of a scheme extended later the same day (a later scan judges the written ones)', () => {
    const number = inScheme(store);
    issueScheme(store, number, 1); // valid until 2027-03-02
    store.setNow('2027-01-31T02:00:00Z');
    expect(flagsOf(store, 'RISK-SCH-05').map((f) => f.applications)).toEqual([[number]]);
    // The extension writes the scheme version, not the application row (migration 0030 notes it).
    store.setNow('2027-01-31T03:00:00Z');
    extendScheme(store.ctx('supervisor'), number, 1, {
      until: '2027-09-01',
      requestedOn: '2027-01-31',
      reason: '客户厂房土建延误，书面申请延期',
    });
    expect(flagsOf(store, 'RISK-SCH-05')).toEqual([]);
  });
});
