/**
 * Normalisation at the boundary (issue 13): every record is normalised once, when it enters the main process,
 * before the rules see it and before anything is stored. The same person typed twice — a lower-case x, digits
 * pasted from a full-width document, a name with a katakana middle dot — must become the same stored values,
 * or the duplicate checks (R-DUP-01/02) and the customer table see two people.
 */

/** Full-width digits and Latin letters (U+FF10–FF19, FF21–FF3A, FF41–FF5A), as Chinese input methods type them. */
const FULL_WIDTH_ALNUM = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g;
/** Middle-dot look-alikes in minority and foreign names: • ‧ ・ and the half-width ･. */
const MIDDLE_DOT_VARIANTS = /[\u2022\u2027\u30FB\uFF65]/g;
/** Any run of white space, the ideographic space U+3000 included. */
const SPACE_RUN = /\s+/g;

/** Full-width digits and letters to their ASCII forms; full-width punctuation (（），) is left as typed. */
export const foldWidth = (text: string): string =>
  text.replace(FULL_WIDTH_ALNUM, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** Addresses and other free text that is compared: NFC, half-width alphanumerics, trimmed, inner spaces collapsed. */
export const normalizeAddress = (text: string): string =>
  foldWidth(text.normalize('NFC')).replace(SPACE_RUN, ' ').trim();

/** Names: as addresses, and every middle-dot variant becomes U+00B7 (阿依古丽·买买提). */
export const normalizeName = (text: string): string => normalizeAddress(text).replace(MIDDLE_DOT_VARIANTS, '\u00B7');

/**
 * Identifier numbers (ID cards, credit codes, passports): compatibility forms folded (NFKC also turns full-width
 * into half-width), spaces and hyphens dropped, letters upper-case (REFERENCE.md §5.1.1 R-ID-06, §5.1.3 step 1).
 */
export const normalizeIdNumber = (text: string): string =>
  text
    .normalize('NFKC')
    .replace(/[\s-]+/g, '')
    .toUpperCase();

/** Short codes typed digit by digit (phone, 户号, postal and region codes): half-width, NFC, trimmed. */
export const normalizeCode = (text: string): string => foldWidth(text.normalize('NFC')).trim();

/** Classification codes (C3811, 05A0): as codes, upper-case. */
const normalizeClassCode = (text: string): string => normalizeCode(text).toUpperCase();

type Normalizer = (text: string) => string;
interface Spec {
  readonly [key: string]: Spec | Normalizer;
}

const PERSON: Spec = { name: normalizeName, idNumber: normalizeIdNumber, phone: normalizeCode };

/** Which normaliser each field path gets; any other string is only brought to NFC. */
const APPLICATION_SPEC: Spec = {
  customer: { ...PERSON, landline: normalizeCode, legalRep: PERSON, agent: PERSON },
  site: { address: normalizeAddress, regionCode: normalizeCode, postalCode: normalizeCode },
  existing: { address: normalizeAddress },
  // The risk view counts works per company: the same company typed twice must be one name.
  customerWorks: {
    designer: { name: normalizeName },
    contractor: { name: normalizeName },
    equipmentSupplier: { name: normalizeName },
  },
  accountNo: normalizeCode,
  industryCode: normalizeClassCode,
  utilityIndustryCode: normalizeClassCode,
};

const nfc: Normalizer = (text) => text.normalize('NFC');

function walk(value: unknown, spec: Spec | Normalizer | undefined): unknown {
  if (typeof value === 'string') return (typeof spec === 'function' ? spec : nfc)(value);
  if (Array.isArray(value)) return value.map((item) => walk(item, spec));
  if (value === null || typeof value !== 'object') return value;
  const fields = typeof spec === 'object' ? spec : undefined;
  // fromEntries defines own properties, so a "__proto__" key in a JSON file stays a plain (ignored) key.
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      walk(item, Object.hasOwn(fields ?? {}, key) ? fields?.[key] : undefined),
    ]),
  );
}

/**
 * The normalised copy of an application record (or of anything: values that are not records pass through, so
 * the CLI can normalise a file before it knows the file is well formed). Idempotent; never throws.
 */
export function normalizeApplication<T>(record: T): T {
  return walk(record, APPLICATION_SPEC) as T;
}
