/**
 * Every list a boundary schema accepts has a maximum length, so a small request cannot ask for a huge answer
 * (300,000 empty documents in a 1.2 MB request once produced a 377 MB refusal). Walks each channel's input
 * schema and the file formats' schemas.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { channelInputs } from '../../../shared/api/contract';
import { applicationInputSchema } from '../../../shared/domain/application';
import { overrideSchema } from '../../../shared/rules/profile/loadProfile';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  items?: z.ZodType[];
  rest?: z.ZodType | null;
  getter?: () => z.ZodType;
  checks?: { _zod: { def: { check: string } } }[];
}

function unboundedLists(schema: z.ZodType, at: string, seen = new Set<z.ZodType>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  const walk = (child: z.ZodType | undefined | null, path: string) => (child ? unboundedLists(child, path, seen) : []);
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape ?? {}).flatMap(([key, child]) => walk(child, `${at}.${key}`));
    case 'array': {
      const bounded = (def.checks ?? []).some((check) =>
        ['max_length', 'length_equals'].includes(check._zod.def.check),
      );
      return [...(bounded ? [] : [at]), ...walk(def.element, `${at}[]`)];
    }
    case 'record':
      return walk(def.valueType, `${at}{}`);
    case 'union':
      return (def.options ?? []).flatMap((option, i) => walk(option, `${at}|${i}`));
    case 'intersection':
      return [...walk(def.left, at), ...walk(def.right, at)];
    case 'tuple':
      return [...(def.items ?? []).flatMap((item, i) => walk(item, `${at}[${i}]`)), ...walk(def.rest, `${at}[…]`)];
    case 'pipe':
      return [...walk(def.in, at), ...walk(def.out, at)];
    case 'lazy':
      return walk(def.getter?.(), at);
    default:
      return walk(def.innerType, at);
  }
}

describe('bounded lists at the boundary', () => {
  it('every list in every channel input has a maximum length', () => {
    const found = Object.entries(channelInputs).flatMap(([channel, schema]) =>
      unboundedLists(schema as z.ZodType, channel),
    );
    expect(found).toEqual([]);
  });

  it('and in the files read at the boundary: application records and province profiles', () => {
    expect([
      ...unboundedLists(applicationInputSchema, 'application file'),
      ...unboundedLists(overrideSchema as z.ZodType, 'profile file'),
    ]).toEqual([]);
  });
});
