/**
 * The scheme diff shared by the version history and the reply's 方案变更说明: fields in the schema's order, list
 * items by position, absent sides marked; and how each change prints on paper.
 */
import { describe, expect, it } from 'vitest';
import { printableChanges } from '../../../main/pdf/schemeChangeRows';
import type { SupplyScheme } from '../../../shared/domain/scheme';
import { schemeDifferences, schemeFieldChanges } from '../../../shared/domain/schemeDiff';
import { loadRecord } from '../../fixtures/pdf/records';

const before: SupplyScheme = {
  ...loadRecord('hv').scheme,
  technicalRequirements: Array.from({ length: 12 }, (_, i) => `要求 ${i + 1}`),
};

const after: SupplyScheme = {
  ...before,
  billing: { ...before.billing, timeOfUse: false },
  sources: [{ ...before.sources[0]!, voltageCode: 'AC00201' }, before.sources[1]!],
  approvedCapacityKva: 3130,
  technicalRequirements: before.technicalRequirements.map((t, i) => (i === 2 || i === 10 ? `${t}（修订）` : t)),
  fees: [...before.fees, { ...before.fees[0]!, name: '临时接电费', unitPriceFen: 1250, amountFen: 250000 }],
  validityMonths: 6,
};

describe('schemeFieldChanges', () => {
  it('lists fields in the order of the scheme schema and list items by number, not alphabetically', () => {
    expect(schemeFieldChanges(before, after).map((c) => c.path)).toEqual([
      'validityMonths',
      'approvedCapacityKva',
      'sources.0.voltageCode',
      'billing.timeOfUse',
      'technicalRequirements.2',
      'technicalRequirements.10',
      'fees.1.name',
      'fees.1.unitPriceFen',
      'fees.1.quantity',
      'fees.1.unit',
      'fees.1.amountFen',
      'fees.1.basis',
    ]);
  });

  it('marks the side without the field, for the version history', () => {
    const added = schemeDifferences(before, after).find((d) => d.path === 'fees.1.name');
    expect(added).toEqual({
      path: 'fees.1.name',
      label: '营业费用·第 2 项·费用名称',
      before: '（无）',
      after: '临时接电费',
    });
    expect(schemeDifferences(before, before)).toEqual([]);
  });
});

describe('printableChanges', () => {
  it('prints codes as labels, fen as yuan, yes/no in words and the unit of the label with the value', () => {
    const printed = printableChanges(schemeFieldChanges(before, after));
    expect(printed).toEqual(
      expect.arrayContaining([
        { label: '方案有效期', before: '12 个月', after: '6 个月' },
        { label: '核定容量', before: '2630 kVA', after: '3130 kVA' },
        { label: '供电电源·第 1 项·供电电压', before: '交流 10 kV', after: '交流 20 kV' },
        { label: '电价电费·执行分时电价', before: '是', after: '否' },
        { label: '技术要求·第 11 项', before: '要求 11', after: '要求 11（修订）' },
        { label: '营业费用·第 2 项·单价', before: '（无）', after: '12.50 元' },
      ]),
    );
  });
});
