import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskPhone } from '../../../shared/domain/masking';

describe('masking', () => {
  it('keeps the region prefix and last four of an ID number, 3+4 of a phone', () => {
    expect(maskIdNumber('32010419920315756X')).toBe('3201**********756X');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('123')).toBe('***');
  });
});
