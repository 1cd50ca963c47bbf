/**
 * Field-by-field differences between two supply-scheme versions: the side-by-side view of the version history
 * and the 方案变更说明 printed on the reply of a changed scheme (REFERENCE.md §6.3). Fields come in the order of
 * the scheme schema, list items by position.
 */
import { schemaPathLabel, schemaPathRank } from '../api/schemaLabels';
import { supplySchemeSchema } from './scheme';

export type SchemeValue = string | number | boolean;

/** One changed field; a side without the field (an added or removed item, an optional value) is undefined. */
export interface SchemeFieldChange {
  /** Dotted path, list positions as numbers: `sources.0.capacityKva`. */
  path: string;
  /** The field's Chinese name, e.g. 供电电源·第 1 项·产权分界点. */
  label: string;
  before?: SchemeValue;
  after?: SchemeValue;
}

export interface SchemeDifference {
  path: string;
  label: string;
  before: string;
  after: string;
}

/** What a side without the field shows. */
export const ABSENT = '（无）';

function flatten(value: unknown, prefix: string, out: Map<string, SchemeValue>): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => flatten(item, `${prefix}.${index}`, out));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, out);
  } else if (value !== undefined && value !== null) {
    out.set(prefix, value as SchemeValue);
  }
}

function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

export function schemeFieldChanges(before: unknown, after: unknown): SchemeFieldChange[] {
  const a = new Map<string, SchemeValue>();
  const b = new Map<string, SchemeValue>();
  flatten(before, '', a);
  flatten(after, '', b);
  const paths = [...new Set([...a.keys(), ...b.keys()])]
    .filter((path) => String(a.get(path)) !== String(b.get(path)))
    .map((path) => ({ path, rank: schemaPathRank(supplySchemeSchema, path) }))
    // Paths the schema does not know (none in valid content) go last, alphabetically.
    .sort((x, y) => compareRanks(x.rank, y.rank) || (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
  return paths.map(({ path }) => ({
    path,
    label: schemaPathLabel(supplySchemeSchema, path) ?? path,
    ...(a.has(path) ? { before: a.get(path) } : {}),
    ...(b.has(path) ? { after: b.get(path) } : {}),
  }));
}

/** The differences with raw values as text, for the version history. */
export function schemeDifferences(before: unknown, after: unknown): SchemeDifference[] {
  return schemeFieldChanges(before, after).map((change) => ({
    path: change.path,
    label: change.label,
    before: change.before === undefined ? ABSENT : String(change.before),
    after: change.after === undefined ? ABSENT : String(change.after),
  }));
}
