/** Field-by-field differences between two scheme versions, for the side-by-side view. */
import { schemaPathLabel } from '../../../../shared/api/schemaLabels';
import { supplySchemeSchema } from '../../../../shared/domain/scheme';

export interface SchemeDifference {
  path: string;
  /** The field's Chinese name, e.g. 供电电源·第 1 项·产权分界点. */
  label: string;
  before: string;
  after: string;
}

function flatten(value: unknown, prefix: string, out: Map<string, string>): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => flatten(item, `${prefix}.${index}`, out));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, out);
  } else if (value !== undefined) {
    out.set(prefix, String(value));
  }
}

export function schemeDifferences(before: unknown, after: unknown): SchemeDifference[] {
  const a = new Map<string, string>();
  const b = new Map<string, string>();
  flatten(before, '', a);
  flatten(after, '', b);
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  return paths
    .filter((path) => a.get(path) !== b.get(path))
    .map((path) => ({
      path,
      label: schemaPathLabel(supplySchemeSchema, path) ?? path,
      before: a.get(path) ?? '（无）',
      after: b.get(path) ?? '（无）',
    }));
}
