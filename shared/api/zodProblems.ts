import type { z } from 'zod';
import type { FieldProblem } from './result';
import { schemaPathLabel } from './schemaLabels';

/**
 * Turns a zod error into Chinese field problems, each field named by the schema's `.describe()` labels, so a
 * message reads "客户·证件号码：…" rather than "customer.idNumber: …".
 */
export function zodProblems(error: z.ZodError, schema?: z.ZodType): FieldProblem[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    const label = (schema && schemaPathLabel(schema, field)) ?? (field || '输入');
    return { field, ruleId: 'SCHEMA', severity: 'error', message: `${label}：${issue.message}` };
  });
}
