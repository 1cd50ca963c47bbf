/** R-MET-06: metering class and accuracy by capacity and monthly energy (DL/T 448-2016 [M]), at the boundaries. */
import { describe, expect, it } from 'vitest';
import { meteringClassFor } from '../../../shared/rules';

describe('meteringClassFor', () => {
  it('grades by capacity with inclusive lower bounds', () => {
    expect(meteringClassFor({ capacityKva: 314.9 })).toEqual({ meteringClass: 'IV', activeMeter: '1', ct: '0.5S' });
    expect(meteringClassFor({ capacityKva: 315 })).toEqual({ meteringClass: 'III', activeMeter: '0.5S', ct: '0.5S' });
    expect(meteringClassFor({ capacityKva: 1999 }).meteringClass).toBe('III');
    expect(meteringClassFor({ capacityKva: 2000 })).toEqual({
      meteringClass: 'II',
      activeMeter: '0.2S/0.5S',
      ct: '0.2S',
    });
    expect(meteringClassFor({ capacityKva: 9999 }).meteringClass).toBe('II');
    expect(meteringClassFor({ capacityKva: 10000 })).toEqual({ meteringClass: 'I', activeMeter: '0.2S', ct: '0.2S' });
  });

  it('lets the monthly energy raise the class, never lower it', () => {
    expect(meteringClassFor({ capacityKva: 100, monthlyKwh: 99_999 }).meteringClass).toBe('IV');
    expect(meteringClassFor({ capacityKva: 100, monthlyKwh: 100_000 }).meteringClass).toBe('III');
    expect(meteringClassFor({ capacityKva: 100, monthlyKwh: 1_000_000 }).meteringClass).toBe('II');
    expect(meteringClassFor({ capacityKva: 100, monthlyKwh: 5_000_000 }).meteringClass).toBe('I');
    expect(meteringClassFor({ capacityKva: 12_000, monthlyKwh: 0 }).meteringClass).toBe('I');
  });

  it('makes every single-phase supply class V with a class 2 meter and no CT', () => {
    expect(meteringClassFor({ capacityKva: 8, singlePhase: true })).toEqual({ meteringClass: 'V', activeMeter: '2' });
  });
});
