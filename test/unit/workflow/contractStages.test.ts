/** Which paper each business type signs, and in which stages it may be drawn up, per REFERENCE.md §3.2 and §7.3. */
import { describe, expect, it } from 'vitest';
import { BUSINESS_TYPES, BUSINESS_TYPE_INFO } from '../../../shared/domain/codes';
import { papersFor } from '../../../shared/workflow/contractPaper';
import { contractStages } from '../../../shared/workflow/contractStages';

describe('contractStages', () => {
  it('HV signs in 签订合同 only; LV new connections from acceptance or the scheme until the meter', () => {
    expect(contractStages('NEW_HV', 'HV')).toEqual(['CONTRACT']);
    expect(contractStages('NEW_TEMP', 'HV')).toEqual(['CONTRACT']);
    expect(contractStages('NEW_LVR', 'LVR')).toEqual(['ACCEPT', 'GRID_WORKS', 'METER_CONNECT']);
    expect(contractStages('NEW_LVN', 'LVN')).toEqual(['SCHEME', 'GRID_WORKS', 'METER_CONNECT']);
    expect(contractStages('RELOC', 'LVR')).toEqual(['ACCEPT', 'GRID_WORKS', 'METER_CONNECT']);
  });

  it('change flows without 签订合同 sign their 补充协议 where billing changes; 暂拆 and 复装 sign nothing', () => {
    expect(contractStages('SUS_RESTORE', 'HV')).toEqual(['METER_CONNECT']);
    expect(contractStages('METER_MOVE', 'LVR')).toEqual(['METER_CONNECT']);
    expect(contractStages('SUS', 'HV')).toEqual(['CONTRACT']);
    expect(contractStages('CLOSE', 'LVR')).toEqual(['CONTRACT']);
    expect(contractStages('TMR', 'LVN')).toEqual([]);
    expect(contractStages('TMR_RESTORE', 'LVR')).toEqual([]);
  });

  it('names the paper of every business type, and every type with paper has a stage for it in each class', () => {
    expect(papersFor('NEW_LVR')).toEqual(['contract']);
    expect(papersFor('INC_HV')).toEqual(['agreement']);
    expect(papersFor('TEMP_EXTEND')).toEqual(['agreement']);
    expect(papersFor('TRANSFER')).toEqual(['contract', 'termination']);
    expect(papersFor('CLOSE')).toEqual(['termination']);
    for (const type of BUSINESS_TYPES) {
      if (papersFor(type).length === 0) continue;
      for (const cls of BUSINESS_TYPE_INFO[type].classes) {
        expect(contractStages(type, cls).length, `${type} ${cls}`).toBeGreaterThan(0);
      }
    }
  });
});
