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
    return { field, ruleId: 'SCHEMA', severity: 'error', message: labelled(label, issue.message) };
  });
}

/** "label：message", or the message continuing the label where it names the field itself ("关闭理由至少 2 个字"). */
function labelled(label: string, message: string): string {
  const field = label.split('·').at(-1) ?? label;
  return message.startsWith(field) ? `${label}${message.slice(field.length)}` : `${label}：${message}`;
}
