import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalDiffJson, canonicalJson } from '../../../main/services/canonicalJson';
import { reverseKeys } from '../../support/reverseKeys';

/**
 * The definition, written the plain way: keys sorted by code unit at every level. (A key-sorted copy through
 * JSON.stringify would not do: JavaScript objects put integer-like keys such as "0" first whatever the order.)
 */
function reference(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const members = Object.keys(value)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${reference((value as Record<string, unknown>)[key])}`);
  return `{${members.join(',')}}`;
}

describe('canonicalJson', () => {
  it('matches the definition (keys sorted at every level) for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value)).toBe(reference(value));
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same text whatever order the keys were built in', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        expect(canonicalJson(reverseKeys(value))).toBe(canonicalJson(value));
      }),
    );
  });

  it('drops undefined members and writes undefined array items as null, as JSON.stringify does', () => {
    expect(canonicalJson({ b: undefined, a: [1, undefined, '容'] })).toBe('{"a":[1,null,"容"]}');
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('serialises a field diff exactly as the general form does', () => {
    const leaf = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null));
    const change = fc.record({ before: leaf, after: leaf });
    fc.assert(
      fc.property(fc.dictionary(fc.string(), change), (diff) => {
        expect(canonicalDiffJson(diff)).toBe(canonicalJson(diff));
      }),
    );
  });
});
