/**
 * 居民身份证号码 (GB 11643-1999) and the numbers that share its format: 港澳台居民居住证 (address code
 * 810000/820000/830000) and the 2023 外国人永久居留身份证 number (leading 9). REFERENCE.md §5.1.1.
 */
import { normalizeIdNumber } from '../../domain/normalize';
import { isRealDate } from '../../calendar/isoDate';
import { isMainlandProvince } from './regions';
import { MAX_ID_INPUT, type IdCheck, type IdProblem } from './problem';

/** Weights 2^(18−i) mod 11 for positions 1…17 (ISO 7064 MOD 11-2). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character indexed by S mod 11. */
const CHECK_CHARS = '10X98765432';

export type RicKind = 'RIC' | 'HMT_RESIDENCE_PERMIT' | 'FOREIGN_PR';

export const RIC_KIND_LABELS: Record<RicKind, string> = {
  RIC: '居民身份证',
  HMT_RESIDENCE_PERMIT: '港澳台居民居住证',
  FOREIGN_PR: '外国人永久居留身份证',
};

/**
 * Fold full-width characters (pasted from documents typed with a Chinese input method), drop spaces and
 * hyphens, upper-case a trailing x (policy R-ID-06: accept and upper-case). The same form is stored.
 */
export const normalizeRic = normalizeIdNumber;

/** The check character for the first 17 digits. */
export function ricCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * (WEIGHTS[i] as number);
  return CHECK_CHARS[sum % 11] as string;
}

/** Kind by the leading digits: 81/82/83 + 0000 are residence permits, a leading 9 a foreign PR number. */
export function ricKind(number: string): RicKind {
  if (/^8[123]0000/.test(number)) return 'HMT_RESIDENCE_PERMIT';
  if (number.startsWith('9')) return 'FOREIGN_PR';
  return 'RIC';
}

const MIN_BIRTH_YEAR = 1900;

/**
 * Checks a number of the GB 11643 family. `today` (ISO date) bounds the birth date. Problems come most
 * fundamental first; a format problem stops the check.
 */
export function checkRic(raw: string, today: string): IdCheck {
  if (raw.length > MAX_ID_INPUT) return { normalized: '', problems: [problem('R-ID-01', 'main')] };
  const normalized = normalizeRic(raw);
  if (/^\d{15}$/.test(normalized)) return { normalized, problems: [problem('R-ID-07', 'main')] };
  if (!/^\d{17}[\dX]$/.test(normalized)) return { normalized, problems: [problem('R-ID-01', 'main')] };

  const kind = ricKind(normalized);
  const problems: IdProblem[] = [];
  const province = kind === 'FOREIGN_PR' ? normalized.slice(1, 3) : normalized.slice(0, 2);
  if (kind !== 'HMT_RESIDENCE_PERMIT' && !isMainlandProvince(province)) {
    problems.push(problem('R-ID-04', kind === 'FOREIGN_PR' ? 'foreign' : 'main', { code: province }));
  }
  const birth = birthDateOf(normalized);
  if (birth === undefined || birth < `${MIN_BIRTH_YEAR}-01-01` || birth > today) {
    const shown = `${normalized.slice(6, 10)}-${normalized.slice(10, 12)}-${normalized.slice(12, 14)}`;
    problems.push(problem('R-ID-03', 'main', { date: shown }));
  }
  const expected = ricCheckChar(normalized);
  if (normalized[17] !== expected) problems.push(problem('R-ID-02', 'main', { expected }));
  return { normalized, problems, kind };
}

/** Birth date (ISO) of an 18-character number, or undefined when positions 7–14 are not a real date. */
export function birthDateOf(number: string): string | undefined {
  const y = Number(number.slice(6, 10));
  const m = Number(number.slice(10, 12));
  const d = Number(number.slice(12, 14));
  if (!isRealDate(y, m, d)) return undefined;
  return `${number.slice(6, 10)}-${number.slice(10, 12)}-${number.slice(12, 14)}`;
}

function problem(ruleId: string, key: string, params?: Record<string, string | number>): IdProblem {
  return { ruleId, severity: 'error', key, params };
}
