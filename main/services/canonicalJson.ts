/**
 * Canonical JSON for the audit hash: object keys sorted at every level, no whitespace, `undefined` dropped.
 * Two equal values always give the same string, whatever order their keys were built in.
 */
export function canonicalJson(value: unknown): string {
  // Written out with string appends rather than JSON.stringify(sorted copy) or map/join: it runs on every write
  // (the audit entry of a creation holds the whole record), and this form is about twice as fast.
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      out += value[i] === undefined ? 'null' : canonicalJson(value[i]);
    }
    return out + ']';
  }
  let out = '{';
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined) continue;
    if (out.length > 1) out += ',';
    out += JSON.stringify(key) + ':' + canonicalJson(v);
  }
  return out + '}';
}

/** Leaf values of a JSON-like value by dotted path (`customer.name`, `documents.0.status`). */
export function flatten(value: unknown, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    if (entries.length === 0 && prefix) out[prefix] = value;
    for (const [key, v] of entries) flatten(v, prefix ? `${prefix}.${key}` : key, out);
  } else if (value !== undefined && prefix) {
    out[prefix] = value;
  }
  return out;
}

export interface FieldChange {
  before: unknown;
  after: unknown;
}

/**
 * Canonical JSON of a field diff, fast path: its values are leaves (scalars or empty containers), so each
 * change serialises directly. Equal to canonicalJson(diff).
 */
export function canonicalDiffJson(diff: Record<string, FieldChange>): string {
  const parts: string[] = [];
  for (const key of Object.keys(diff).sort()) {
    const change = diff[key] as FieldChange;
    parts.push(
      `${JSON.stringify(key)}:{"after":${canonicalJson(change.after)},"before":${canonicalJson(change.before)}}`,
    );
  }
  return `{${parts.join(',')}}`;
}

/** Field-level before/after of two records: only the paths whose value changed (null = absent). */
export function fieldDiff(before: unknown, after: unknown): Record<string, FieldChange> {
  const a = flatten(before);
  const b = flatten(after);
  const diff: Record<string, FieldChange> = {};
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[key] ?? null;
    const y = b[key] ?? null;
    if (JSON.stringify(x) !== JSON.stringify(y)) diff[key] = { before: x, after: y };
  }
  return diff;
}
