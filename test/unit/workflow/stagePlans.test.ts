import { describe, expect, it } from 'vitest';
import { BUSINESS_TYPES, BUSINESS_TYPE_INFO, STAGES } from '../../../shared/domain/codes';
import { stagePlan } from '../../../shared/workflow/stagePlans';

describe('stage plans (REFERENCE.md §3.2)', () => {
  const cases = BUSINESS_TYPES.flatMap((type) => BUSINESS_TYPE_INFO[type].classes.map((cls) => [type, cls] as const));

  it.each(cases)('%s / %s starts at ACCEPT, ends at ARCHIVE, never repeats a stage', (type, cls) => {
    const stages = stagePlan(type, cls).map((s) => s.stage);
    expect(stages[0]).toBe('ACCEPT');
    expect(stages.at(-1)).toBe('ARCHIVE');
    expect(new Set(stages).size).toBe(stages.length);
    expect(
      stagePlan(type, cls)
        .filter((s) => s.optional)
        .map((s) => s.stage),
    ).not.toContain('ACCEPT');
  });

  it('covers every stage code across the types', () => {
    const used = new Set(cases.flatMap(([type, cls]) => stagePlan(type, cls).map((s) => s.stage)));
    expect([...used].sort()).toEqual([...STAGES].sort());
  });

  it('follows the HV new-connection order with its optional stages', () => {
    expect(stagePlan('NEW_HV', 'HV').map((s) => (s.optional ? `(${s.stage})` : s.stage))).toEqual([
      'ACCEPT',
      'SURVEY',
      'SCHEME',
      '(FEE)',
      '(DESIGN_REVIEW)',
      'CUSTOMER_WORKS',
      '(MID_INSPECTION)',
      'COMPLETION_CHECK',
      'CONTRACT',
      'METER_CONNECT',
      'ARCHIVE',
    ]);
    expect(stagePlan('NEW_LVR', 'LVR').map((s) => s.stage)).toEqual([
      'ACCEPT',
      'GRID_WORKS',
      'METER_CONNECT',
      'ARCHIVE',
    ]);
  });
});
