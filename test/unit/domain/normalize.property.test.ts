/** Property tests of the boundary normalisation (issue 13): one stored form however the same value is typed. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  normalizeAddress,
  normalizeApplication,
  normalizeIdNumber,
  normalizeName,
} from '../../../shared/domain/normalize';
import { checkRic, ricCheckChar } from '../../../shared/rules';

const toFullWidth = (text: string) =>
  text.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

const ricBody = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 11, maxLength: 11 })
  .map((d) => `110105${d.join('')}`.replace(/^(\d{6})\d{8}/, '$119491231'));
const validRic = ricBody.map((body) => body + ricCheckChar(body));

/** A value as a clerk might type it: any mix of full-width characters, lower case, spaces and hyphens. */
const typedAs = (value: string) =>
  fc
    .tuple(fc.boolean(), fc.boolean(), fc.constantFrom('', ' ', '\u3000', '-'), fc.constantFrom('', ' ', '\u3000'))
    .map(([fullWidth, lower, inner, outer]) => {
      let typed = lower ? value.toLowerCase() : value;
      if (fullWidth) typed = toFullWidth(typed);
      return `${outer}${typed.slice(0, 6)}${inner}${typed.slice(6)}${outer}`;
    });

const nameChars = fc.constantFrom(
  '阿',
  '依',
  '古',
  '丽',
  '买',
  '提',
  'A',
  'b',
  '１',
  ' ',
  '\u3000',
  '·',
  '•',
  '‧',
  '・',
);
const freeText = fc.array(nameChars, { maxLength: 20 }).map((c) => c.join(''));

describe('boundary normalisation', () => {
  it('stores every typing of a valid ID number as the same upper-case half-width number that passes the check', () => {
    fc.assert(
      fc.property(
        validRic.chain((id) => fc.tuple(fc.constant(id), typedAs(id))),
        ([id, typed]) => {
          expect(normalizeIdNumber(typed)).toBe(id);
          expect(checkRic(normalizeIdNumber(typed), '2026-06-15').problems).toEqual([]);
        },
      ),
    );
  });

  it('is idempotent on names, addresses and ID numbers', () => {
    fc.assert(
      fc.property(fc.oneof(freeText, fc.string()), (text) => {
        for (const f of [normalizeName, normalizeAddress, normalizeIdNumber]) expect(f(f(text))).toBe(f(text));
      }),
    );
  });

  it('leaves names trimmed, without space runs, full-width letters or middle-dot variants, and in NFC', () => {
    fc.assert(
      fc.property(freeText, (text) => {
        const name = normalizeName(text);
        expect(name).toBe(name.trim());
        expect(name).not.toMatch(/\s{2}|\u3000|[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]|[•‧・]/);
        expect(name).toBe(name.normalize('NFC'));
      }),
    );
    expect(normalizeName('  阿依古丽•买买提 ')).toBe('阿依古丽·买买提');
    expect(normalizeName('阿依古丽・买买提')).toBe(normalizeName('阿依古丽‧买买提'));
    // A decomposed é (e + U+0301) becomes the composed one.
    expect(normalizeName('Jose\u0301')).toBe('Jos\u00E9');
    expect(normalizeAddress('南京市　江宁区  天元中路１号（北门）')).toBe('南京市 江宁区 天元中路1号（北门）');
  });

  it('normalises the customer, agent and site fields of a whole record and nothing numeric', () => {
    const record = {
      customer: {
        name: ' 张　三 ',
        idNumber: '11010519491231002x',
        phone: '１３８００１３８０００',
        agent: { name: '李•四', idNumber: 'e1234567８' },
      },
      site: { address: ' 江宁区  天元中路１号 ' },
      requestedCapacityKw: 8,
      industryCode: 'c3811',
      notes: 'Jose\u0301',
    };
    expect(normalizeApplication(record)).toEqual({
      customer: {
        name: '张 三',
        idNumber: '11010519491231002X',
        phone: '13800138000',
        agent: { name: '李·四', idNumber: 'E12345678' },
      },
      site: { address: '江宁区 天元中路1号' },
      requestedCapacityKw: 8,
      industryCode: 'C3811',
      notes: 'Jos\u00E9',
    });
    expect(normalizeApplication(null)).toBe(null);
    expect(Object.getPrototypeOf(normalizeApplication(JSON.parse('{"__proto__":{"x":1}}')))).toBe(Object.prototype);
  });
});
