/**
 * Several rules report different findings of the same identifier check (R-ID-01..04, R-UC-01..06, …); a small
 * cache lets them share one computation instead of repeating it per rule on every keystroke.
 */
const LIMIT = 512;
/** Longer keys (pasted garbage) are computed without caching, so the cache stays small. */
const MAX_KEY = 128;

export function memoize<T>(compute: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    if (key.length > MAX_KEY) return compute(key);
    let value = cache.get(key);
    if (value === undefined) {
      if (cache.size >= LIMIT) cache.clear();
      value = compute(key);
      cache.set(key, value);
    }
    return value;
  };
}
