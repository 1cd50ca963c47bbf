/**
 * 脱敏 export: with the privacy setting `masked`, ID numbers and phones leave the hall masked the way lists show
 * them (shared/domain/masking.ts), in the columns and inside the JSON a row carries (the record, audit diffs).
 */
import { maskIdNumber, maskPhone } from '../../shared/domain/masking';
import type { PrivacyMode } from './format';

const MASKS: Record<string, (value: string) => string> = {
  id_number: maskIdNumber,
  idNumber: maskIdNumber,
  phone: maskPhone,
  landline: maskPhone,
};

/** Masks a JSON value: any property named like an ID number or phone, also as the last part of a diff path. */
function maskJson(value: unknown, key = ''): unknown {
  if (typeof value === 'string') {
    const mask = MASKS[key.slice(key.lastIndexOf('.') + 1)];
    return mask ? mask(value) : value;
  }
  if (Array.isArray(value)) return value.map((item) => maskJson(item, key));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      // A diff entry { "customer.phone": { before, after } } masks its before and after.
      out[k] = k === 'before' || k === 'after' ? maskJson(v, key) : maskJson(v, k);
    }
    return out;
  }
  return value;
}

const JSON_COLUMNS = new Set(['record_json', 'diff_json', 'content_json', 'suggestion_json']);

const maskJsonText = (value: string): string => JSON.stringify(maskJson(JSON.parse(value)));

/** How a text column leaves the hall under `privacy`: its mask, or undefined when it leaves as stored. */
export function columnMask(column: string, privacy: PrivacyMode): ((value: string) => string) | undefined {
  if (privacy === 'full') return undefined;
  return MASKS[column] ?? (JSON_COLUMNS.has(column) ? maskJsonText : undefined);
}
