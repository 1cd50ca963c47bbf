/** The scheme checks run at save and approval (R-SCH-01..03) and the one contract-capacity computation. */
import { describe, expect, it } from 'vitest';
import { contractCapacity, formatContractCapacity } from '../../../shared/domain/contractCapacity';
import type { SupplyScheme } from '../../../shared/domain/scheme';
import { schemeProblems } from '../../../shared/domain/schemeChecks';
import { loadRecord } from '../../fixtures/pdf/records';

const hv = () => loadRecord('hv');
const ids = (app = hv().application, scheme: SupplyScheme = hv().scheme) =>
  schemeProblems(app, scheme).map((p) => p.ruleId);

describe('R-SCH-01 高可靠性供电费 for more than one grid source', () => {
  it('refuses a dual-source scheme with neither the fee nor a reason, and accepts either', () => {
    const scheme = { ...hv().scheme, fees: [] };
    expect(ids(undefined, scheme)).toEqual(['R-SCH-01']);
    expect(schemeProblems(hv().application, scheme)[0]!.message).toContain('高可靠性供电费');
    const fee = {
      name: '高可靠性供电费',
      unitPriceFen: 20_000,
      quantity: 2630,
      unit: 'kVA',
      amountFen: 52_600_000,
      basis: '省物价局文件',
    };
    expect(ids(undefined, { ...scheme, fees: [fee] })).toEqual([]);
    expect(ids(undefined, { ...scheme, highReliabilityFeeWaiver: '第二路为客户自备电源' })).toEqual([]);
  });

  it('does not apply to a single source or a customer-owned security source', () => {
    const scheme = hv().scheme;
    expect(ids(undefined, { ...scheme, fees: [], sources: [scheme.sources[0]!] })).toEqual([]);
    const own = { ...scheme.sources[1]!, nature: '32' as const };
    expect(ids(undefined, { ...scheme, fees: [], sources: [scheme.sources[0]!, own] })).toEqual([]);
  });
});

describe('R-SCH-02 and the contract capacity (REFERENCE.md §5.2)', () => {
  it('keeps the approved kVA equal to the transformers and adds the HV motors on top', () => {
    const scheme = hv().scheme;
    expect(ids(undefined, { ...scheme, approvedCapacityKva: 3030 })).toContain('R-SCH-02');
    // A draft may be saved while its transformer list is being revised; approval needs them to agree.
    expect(schemeProblems(hv().application, { ...scheme, approvedCapacityKva: 3030 }, 'save')).toEqual([]);
    const motors = { ...scheme, receiving: { ...scheme.receiving!, hvMotorKw: 400 } };
    expect(ids(undefined, motors)).not.toContain('R-SCH-02');
    const capacity = contractCapacity(motors)!;
    expect(capacity).toMatchObject({ value: 3030, unit: 'kVA', transformersKva: 2630, hvMotorKw: 400 });
    expect(formatContractCapacity(capacity)).toBe('3030 kVA（含受电变压器 2630 kVA、高压电动机 400 kW）');
    expect(contractCapacity(loadRecord('lvn').scheme)).toMatchObject({ unit: 'kW' });
  });
});

describe('R-SCH-03 a temporary period covers the reply deadlines (REFERENCE.md §3.7)', () => {
  it('refuses a completion deadline after the end of the temporary period', () => {
    const app = { ...hv().application, businessType: 'NEW_TEMP' as const, endDate: '2027-05-02' };
    const scheme = { ...hv().scheme, deadlines: [{ item: '受电工程竣工报验', due: '2027-06-02' }] };
    const problems = schemeProblems(app, scheme);
    expect(problems.map((p) => p.ruleId)).toEqual(['R-SCH-03']);
    expect(problems[0]!.message).toContain('2027-06-02 晚于临时用电截止日期 2027-05-02');
    expect(schemeProblems(app, { ...scheme, deadlines: [{ item: '受电工程竣工报验', due: '2027-05-02' }] })).toEqual(
      [],
    );
    expect(ids({ ...app, businessType: 'NEW_HV' }, scheme)).toEqual([]);
  });
});
