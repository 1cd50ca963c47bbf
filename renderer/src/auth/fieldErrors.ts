import type { FormInstance } from 'antd';
import type { ApiError } from '../../../shared/api/result';

/**
 * Puts a refusal's field problems under their fields (`admin.password` → ['admin', 'password']); returns the
 * message when no field took it, for an alert above the form.
 */
export function showFieldErrors(form: FormInstance, error: ApiError, known: string[]): string | null {
  const placed = (error.problems ?? []).filter((p) => known.includes(p.field));
  form.setFields(placed.map((p) => ({ name: p.field.split('.'), errors: [p.message] })));
  return placed.length > 0 ? null : error.message;
}
