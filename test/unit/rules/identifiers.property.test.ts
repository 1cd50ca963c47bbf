/** Property tests: every generated valid number passes; any single-character change is caught. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRic, checkUscc, isValidId, ricCheckChar, usccCheckChar } from '../../../shared/rules';
import { MAINLAND_PROVINCES } from '../../../shared/rules/ids/regions';

const TODAY = '2026-06-15';
const provinces = Object.keys(MAINLAND_PROVINCES);
const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));

/** Valid 18-digit RICs: real province, real birth date 1900–2025, any sequence, computed check. */
const validRic = fc
  .tuple(
    fc.constantFrom(...provinces),
    digits(4),
    fc.date({ min: new Date('1900-01-01'), max: new Date('2025-12-31'), noInvalidDate: true }),
    digits(3),
  )
  .map(([province, county, birth, seq]) => {
    const body = `${province}${county}${birth.toISOString().slice(0, 10).replace(/-/g, '')}${seq}`;
    return body + ricCheckChar(body);
  });

const validUscc = fc
  .tuple(
    fc.constantFrom('11', '12', '51', '52', '91', '92', '93', 'N2', 'Y1'),
    fc.constantFrom(...provinces),
    digits(4),
    fc.array(fc.constantFrom(...USCC_CHARSET), { minLength: 9, maxLength: 9 }).map((c) => c.join('')),
  )
  .map(([category, province, county, body]) => {
    const first17 = `${category}${province}${county}${body}`;
    return first17 + usccCheckChar(first17);
  });

/** Replaces the character at `index` by a different one from `alphabet`. */
const mutate = (value: string, index: number, pick: number, alphabet: string): string => {
  const others = alphabet.replace(value[index] as string, '');
  return value.slice(0, index) + others[pick % others.length] + value.slice(index + 1);
};

describe('RIC properties', () => {
  it('valid generated numbers pass', () => {
    fc.assert(fc.property(validRic, (id) => isValidId(checkRic(id, TODAY))));
  });
  it('any single-character change is caught', () => {
    fc.assert(
      fc.property(validRic, fc.integer({ min: 0, max: 17 }), fc.nat(), (id, index, pick) => {
        const changed = mutate(id, index, pick, index === 17 ? '0123456789X' : '0123456789');
        expect(isValidId(checkRic(changed, TODAY))).toBe(false);
      }),
    );
  });
});

describe('USCC properties', () => {
  it('valid generated codes pass', () => {
    fc.assert(fc.property(validUscc, (code) => isValidId(checkUscc(code))));
  });
  it('any single-character change is caught by the check character', () => {
    fc.assert(
      fc.property(validUscc, fc.integer({ min: 0, max: 17 }), fc.nat(), (code, index, pick) => {
        const changed = mutate(code, index, pick, USCC_CHARSET);
        expect(checkUscc(changed).problems.some((p) => p.ruleId === 'R-UC-02' || p.ruleId === 'R-UC-06')).toBe(true);
      }),
    );
  });
});
