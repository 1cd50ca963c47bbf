/**
 * Generators of valid-checksum identifiers for demo data: 居民身份证 (GB 11643, REFERENCE.md §5.1.1), 统一社会信用代码
 * (GB 32100, §5.1.3) with its embedded 组织机构代码 (GB 11714, §5.1.4), and mainland mobile numbers.
 */
import type { Prng } from './prng';

const RIC_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RIC_CHECK = '10X98765432';

export function ricCheckChar(first17: string): string {
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * (RIC_WEIGHTS[i] as number), 0);
  return RIC_CHECK[sum % 11] as string;
}

/** County codes (GB/T 2260) of a few real districts, so R-ID-04/05 accept them. */
export const COUNTY_CODES = [
  '320102',
  '320104',
  '320105',
  '320106',
  '320111',
  '320113',
  '320114',
  '320115',
  '320116',
  '320117',
];

export function generateRic(rng: Prng, birthYearFrom = 1950, birthYearTo = 2004): string {
  const year = rng.int(birthYearFrom, birthYearTo);
  const month = rng.int(1, 12);
  const day = rng.int(1, 28);
  const body = `${rng.pick(COUNTY_CODES)}${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${rng.digits(3)}`;
  return body + ricCheckChar(body);
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export function orgCodeCheckChar(first8: string): string {
  const sum = [...first8].reduce((s, ch, i) => s + Number.parseInt(ch, 36) * (ORG_WEIGHTS[i] as number), 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

export function usccCheckChar(first17: string): string {
  const sum = [...first17].reduce((s, ch, i) => s + USCC_CHARS.indexOf(ch) * (USCC_WEIGHTS[i] as number), 0);
  return USCC_CHARS[(31 - (sum % 31)) % 31] as string;
}

/** An enterprise (91) code registered in a Nanjing district, with a valid embedded organisation code. */
export function generateUscc(rng: Prng): string {
  // The organisation-code body avoids letters outside the USCC set (I, O, S, V, Z).
  const orgBody = `MA${rng.digits(1)}${rng.pick([...'0123456789ABCDEFGHJKLMNPQRTUWXY'])}${rng.digits(4)}`;
  const orgCheck = orgCodeCheckChar(orgBody);
  const first17 = `91${rng.pick(COUNTY_CODES)}${orgBody}${orgCheck}`;
  return first17 + usccCheckChar(first17);
}

const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '155',
  '157',
  '158',
  '159',
  '166',
  '176',
  '177',
  '180',
  '181',
  '182',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '198',
  '199',
];

export function generateMobile(rng: Prng): string {
  return rng.pick(MOBILE_PREFIXES) + rng.digits(8);
}
