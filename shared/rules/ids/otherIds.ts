/**
 * Format checks for personal documents other than the resident ID (REFERENCE.md §5.1.2, [M]); warnings only,
 * because formats vary by issue year.
 */
import { MAX_ID_INPUT, type IdCheck } from './problem';

/** PRC ordinary passport: E + 8 characters (E12345678, EA1234567); foreign passports: 5–20 letters/digits. */
const PASSPORT = /^(?:E[0-9A-HJ-NP-Z]\d{7}|[A-Z0-9]{5,20})$/;
/** 外国人永久居留身份证 before 2023: 3 letters (nationality) + 12 digits. */
const OLD_FOREIGN_PR = /^[A-Z]{3}\d{12}$/;

export function checkPassport(raw: string): IdCheck {
  const normalized = raw.length > MAX_ID_INPUT ? '' : raw.replace(/[\s\u3000]+/g, '').toUpperCase();
  return {
    normalized,
    problems: PASSPORT.test(normalized) ? [] : [{ ruleId: 'R-ID-10', severity: 'warning', key: 'passport' }],
  };
}

/** The pre-2023 foreign permanent-resident card format (the 2023 format is checked as GB 11643, R-ID-09). */
export const isOldForeignPrNumber = (normalized: string): boolean => OLD_FOREIGN_PR.test(normalized);
