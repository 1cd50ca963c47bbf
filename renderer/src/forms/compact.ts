/**
 * Form values → record: blank strings, nulls and empty objects mean "not entered", so they are dropped
 * rather than sent as values (a cleared landline is absent, not an invalid empty number).
 */
export function compact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(compact).filter((item) => item !== undefined);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .map(([key, child]) => [key, compact(child)] as const)
      .filter(([, child]) => child !== undefined);
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }
  if (value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
  return typeof value === 'string' ? value.trim() : value;
}
