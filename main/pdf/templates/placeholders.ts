/**
 * Binds `{{path|filter}}` placeholders to the record. A missing value is an error that names the field: a
 * contract must never go to the printer with a blank where the capacity or the tariff should be.
 */
import type { DocumentRecord } from '../documentRecord';
import { recordFieldLabel } from './fieldLabel';
import { applyFilter } from './filters';

export class MissingFieldError extends Error {
  constructor(
    readonly path: string,
    readonly label: string,
    documentTitle: string,
  ) {
    super(`无法生成“${documentTitle}”：缺少“${label}”（${path}）。请在申请或供电方案中补全该项后重新生成。`);
    this.name = 'MissingFieldError';
  }
}

export function valueAt(record: DocumentRecord, path: string): unknown {
  let current: unknown = record;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

const isMissing = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * `path` → the path has a value (not false, not an empty list); `path=VALUE` → it equals VALUE; `!path` → the
 * opposite of `path`, so a clause for "no changes" prints exactly when the list of changes does not.
 */
export function isActive(when: string | undefined, record: DocumentRecord): boolean {
  if (!when) return true;
  if (when.startsWith('!')) return !isActive(when.slice(1), record);
  const [path, expected] = when.split('=');
  const value = valueAt(record, path!);
  if (expected !== undefined) return String(value) === expected;
  return !isMissing(value) && value !== false && !(Array.isArray(value) && value.length === 0);
}

const PLACEHOLDER = /\{\{\s*([\w.]+)\s*(?:\|\s*(\w+)\s*)?\}\}/g;

export function resolveText(text: string, record: DocumentRecord, documentTitle: string): string {
  return text.replace(PLACEHOLDER, (_, path: string, filter: string | undefined) => {
    const value = valueAt(record, path);
    if (isMissing(value)) throw new MissingFieldError(path, recordFieldLabel(path), documentTitle);
    return filter ? applyFilter(filter, value) : String(value);
  });
}
