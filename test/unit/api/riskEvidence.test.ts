import { describe, expect, it } from 'vitest';
import { capacityEvidence, evidenceEntries, type RiskEvidenceField } from '../../../shared/api/risk';

describe('evidenceEntries (the 风险 tab’s evidence values)', () => {
  const fields: RiskEvidenceField[] = [
    { label: '合同' },
    { label: '用户分类', kind: 'customerClass' },
    { label: '合同容量', kind: 'capacity' },
    { label: '签订日期', kind: 'date' },
    { label: '打印日期', kind: 'date' },
    { label: '已到期', kind: 'yesNo' },
    { label: '审批人' },
  ];

  it('lists the values in the declared order with their units, dates as YYYY-MM-DD and 是/否, not in key order', () => {
    // Stored evidence is canonical JSON: its keys come back sorted by code point.
    const values = JSON.parse(
      JSON.stringify({
        已到期: false,
        合同: 'HT-2026-0001',
        合同容量: 630,
        审批人: null,
        打印日期: '2026-03-01T16:30:00.000Z',
        用户分类: 'HV',
        签订日期: '2026-03-02',
      }),
    ) as Record<string, string | number | boolean | null>;
    expect(evidenceEntries(fields, values)).toEqual([
      { label: '合同', text: 'HT-2026-0001' },
      { label: '用户分类', text: '高压' },
      { label: '合同容量', text: '630 kVA' },
      { label: '签订日期', text: '2026-03-02' },
      // An instant is dated in Asia/Shanghai: 00:30 on the 2nd there.
      { label: '打印日期', text: '2026-03-02' },
      { label: '已到期', text: '否' },
      { label: '审批人', text: '—' },
    ]);
  });

  it('skips declared values a flag lacks and shows undeclared ones last, as stored', () => {
    expect(evidenceEntries(fields, { 旧字段: 3, 合同: 'HT-1', 另一旧字段: true })).toEqual([
      { label: '合同', text: 'HT-1' },
      { label: '旧字段', text: '3' },
      { label: '另一旧字段', text: 'true' },
    ]);
  });

  it('reads a capacity stored as a number as kVA and one stored with its unit as it is', () => {
    expect(evidenceEntries(fields, { 合同容量: 630 })).toEqual([{ label: '合同容量', text: '630 kVA' }]);
    expect(evidenceEntries(fields, { 合同容量: capacityEvidence(160, 'kW') })).toEqual([
      { label: '合同容量', text: '160 kW' },
    ]);
    expect(capacityEvidence(630, 'kVA')).toBe(630);
  });
});
