/** In which stages a new contract may be drawn up, per REFERENCE.md §3.2. */
import { describe, expect, it } from 'vitest';
import { contractStages } from '../../../shared/workflow/contractStages';

describe('contractStages', () => {
  it('HV signs in 签订合同 only; LV new connections from acceptance or the scheme until the meter', () => {
    expect(contractStages('NEW_HV', 'HV')).toEqual(['CONTRACT']);
    expect(contractStages('NEW_TEMP', 'HV')).toEqual(['CONTRACT']);
    expect(contractStages('NEW_LVR', 'LVR')).toEqual(['ACCEPT', 'GRID_WORKS', 'METER_CONNECT']);
    expect(contractStages('NEW_LVN', 'LVN')).toEqual(['SCHEME', 'GRID_WORKS', 'METER_CONNECT']);
    expect(contractStages('RELOC', 'LVR')).toEqual(['ACCEPT', 'GRID_WORKS', 'METER_CONNECT']);
  });

  it('gives flows without contract paper no stage at all', () => {
    expect(contractStages('SUS_RESTORE', 'HV')).toEqual([]);
    expect(contractStages('METER_MOVE', 'LVR')).toEqual([]);
    expect(contractStages('TMR', 'LVN')).toEqual([]);
  });
});
