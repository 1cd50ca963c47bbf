import type { z } from 'zod';
import type { FieldProblem } from './result';

/**
 * Turns a zod error into Chinese field problems. The field name comes from the schema's `.describe()` label
 * when the caller passes the labels, so a message reads "证件号码：…" rather than "customer.idNumber: …".
 */
export function zodProblems(error: z.ZodError, labels: Record<string, string> = {}): FieldProblem[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    const label = labels[field] ?? (field || '输入');
    return { field, ruleId: 'SCHEMA', severity: 'error', message: `${label}：${issue.message}` };
  });
}
