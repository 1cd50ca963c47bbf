/**
 * Mainland mobile numbers, REFERENCE.md §5.1.5 (segment lists: testdata phone.json / NOTES.md, SRC-PHONE).
 * Policy (docs/rules-policy.md): spaces, hyphens and dots are separators; a +86 or 0086 country prefix is
 * dropped. A bare `86` prefix is not dropped, so `08613811211114` stays invalid.
 */
import { MAX_ID_INPUT, type IdCheck } from './problem';

/** Segments both libphonenumber and ChinaMobilePhoneNumberRegex list in full, plus 17400–17405. */
const CERTAIN = /^1(?:3\d|4[57]|5[0-35-9]|6[2567]|7[0-35-8]|8\d|9[0-35-9]|740[0-5])/;

export function normalizeMobile(raw: string): string {
  const compact = raw.normalize('NFKC').replace(/[\s.()-]+/g, '');
  if (compact.startsWith('+86')) return compact.slice(3);
  if (compact.startsWith('0086')) return compact.slice(4);
  return compact;
}

export function checkMobile(raw: string): IdCheck {
  if (raw.length > MAX_ID_INPUT) return { normalized: '', problems: [error('main')] };
  const normalized = normalizeMobile(raw);
  if (!/^1[3-9]\d{9}$/.test(normalized)) {
    return { normalized, problems: [error(/^0\d{9,11}$/.test(normalized) ? 'landline' : 'main')] };
  }
  if (!CERTAIN.test(normalized)) {
    return {
      normalized,
      problems: [{ ruleId: 'R-PH-02', severity: 'warning', key: 'main', params: { segment: normalized.slice(0, 3) } }],
    };
  }
  return { normalized, problems: [] };
}

function error(key: string): IdCheck['problems'][number] {
  return { ruleId: 'R-PH-01', severity: 'error', key };
}

/** Service numbers (95598 etc.) are not customer contacts (REFERENCE.md §5.1.6). */
const SERVICE_NUMBER = /^(?:95\d{3,4}|96\d{3,4}|1[0-2]\d{3,4}|400\d{7}|800\d{7})$/;
const LANDLINE = /^0\d{2,3}-?[2-9]\d{6,7}(?:-\d{1,6})?$/;

/** Fixed-line number, REFERENCE.md §5.1.6: area code, 7–8 digit local number, optional extension (warning). */
export function checkLandline(raw: string): IdCheck {
  if (raw.length > MAX_ID_INPUT) return { normalized: '', problems: [landlineProblem('main')] };
  const normalized = raw.replace(/[\s\u3000()]+/g, '');
  if (SERVICE_NUMBER.test(normalized.replace(/-/g, ''))) return { normalized, problems: [landlineProblem('service')] };
  if (!LANDLINE.test(normalized)) return { normalized, problems: [landlineProblem('main')] };
  return { normalized, problems: [] };
}

function landlineProblem(key: string): IdCheck['problems'][number] {
  return { ruleId: 'R-TEL-01', severity: 'warning', key };
}
