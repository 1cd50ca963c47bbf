/**
 * Binds `{{path|filter}}` placeholders to the record. A missing value is an error that names the field: a
 * contract must never go to the printer with a blank where the capacity or the tariff should be.
 */
import type { PaperRecord } from '../documentRecord';
import { recordFieldLabel } from './fieldLabel';
import { applyFilter } from './filters';
import { trimAroundPlaceholders, typeset } from './typography';
import type { LayoutVersion } from './templateSchema';

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

export function valueAt(record: PaperRecord, path: string): unknown {
  let current: unknown = record;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

const isMissing = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * `path` → the path has a value (not false, not an empty list); `path=VALUE` → it equals VALUE (`path=A|B`: one
 * of them); `!path` → the opposite of `path`, so a clause for "no changes" prints exactly when the list of
 * changes does not; `a&b` → both.
 */
export function isActive(when: string | undefined, record: PaperRecord): boolean {
  if (!when) return true;
  // `a&b`: every part holds.
  if (when.includes('&')) return when.split('&').every((part) => isActive(part, record));
  if (when.startsWith('!')) return !isActive(when.slice(1), record);
  const [path, expected] = when.split('=');
  const value = valueAt(record, path!);
  if (expected !== undefined) return expected.split('|').includes(String(value));
  return !isMissing(value) && value !== false && !(Array.isArray(value) && value.length === 0);
}

const PLACEHOLDER = /\{\{\s*([\w.]+)\s*(?:\|\s*(\w+)\s*)?\}\}/g;

const CLAUSE_REFERENCE = /\{\{clause:([\w-]+)\}\}/g;

export interface ResolveOptions {
  /** The template's layout level (templateSchema `layout`): 2 applies the typography rules. */
  layout?: LayoutVersion;
  /** Printed label (第三条) of every section id that prints in this document. */
  clauseLabels?: ReadonlyMap<string, string>;
}

export function resolveText(
  text: string,
  record: PaperRecord,
  documentTitle: string,
  options: ResolveOptions = {},
): string {
  const modern = (options.layout ?? 1) >= 2;
  const source = modern ? trimAroundPlaceholders(text) : text;
  const withClauses = source.replace(CLAUSE_REFERENCE, (_, id: string) => {
    const label = options.clauseLabels?.get(id);
    // A reference to a section that does not print is a template bug, never a guess at a number.
    if (!label) throw new Error(`文书模板“${documentTitle}”引用了本文书中没有的条款 ${id}`);
    return label;
  });
  const resolved = withClauses.replace(PLACEHOLDER, (_, path: string, filter: string | undefined) => {
    const value = valueAt(record, path);
    if (isMissing(value)) throw new MissingFieldError(path, recordFieldLabel(path), documentTitle);
    return filter ? applyFilter(filter, value) : String(value);
  });
  // Layout 5: one spacing rule for the template's text and the values filled in (typography.ts).
  return modern ? typeset(resolved, options.layout ?? 1) : resolved;
}
