/**
 * THE seam between the store and the rule catalogue: create, update and advance call `enforceApplicationRules`
 * and nothing else. It checks the record's shape (zod) and that the business type is offered for the customer
 * class (REFERENCE.md §2.2). The catalogue of shared/rules (`evaluate(app, stage, context)`) plugs in at
 * `catalogueProblems` once it exists; the context's lookups (account known, open applications) read `db`.
 */
import { z } from 'zod';
import type { FieldProblem } from '../../shared/api/result';
import { zodProblems } from '../../shared/api/zodProblems';
import { applicationInputSchema, type ApplicationInput } from '../../shared/domain/application';
import { BUSINESS_TYPE_INFO, CUSTOMER_CLASS_LABELS, type Stage } from '../../shared/domain/codes';
import type { Db } from '../db/connection';
import { AppError } from './errors';

/** Validates an application record from any source; shape problems are a rejection with every field listed. */
export function parseApplication(raw: unknown): ApplicationInput {
  const parsed = applicationInputSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = zodProblems(parsed.error, fieldLabels());
  throw new AppError(
    'RULE_VIOLATION',
    `申请内容不符合格式要求：${problems.map((p) => p.message).join('；')}`,
    problems,
  );
}

let labels: Record<string, string> | undefined;
/** Chinese field labels from the schema's `.describe()` texts, for messages such as "业务类型：…". */
function fieldLabels(): Record<string, string> {
  labels ??= collectLabels(applicationInputSchema, '');
  return labels;
}

function collectLabels(schema: z.ZodType, prefix: string, out: Record<string, string> = {}): Record<string, string> {
  if (schema instanceof z.ZodOptional) return collectLabels(schema.unwrap() as z.ZodType, prefix, out);
  if (schema instanceof z.ZodObject) {
    for (const [key, child] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (child.description) out[path] = child.description;
      collectLabels(child, path, out);
    }
  }
  return out;
}

/** Problems from the rule catalogue for `stage`; today only the type/class pairing. */
function catalogueProblems(_db: Db, app: ApplicationInput, _stage: Stage): FieldProblem[] {
  const info = BUSINESS_TYPE_INFO[app.businessType];
  if (info.classes.includes(app.customerClass)) return [];
  return [
    {
      field: 'customerClass',
      ruleId: 'WF-CLASS',
      severity: 'error',
      message: `用户分类：「${info.label}」不适用于${CUSTOMER_CLASS_LABELS[app.customerClass]}用户，可选 ${info.classes
        .map((c) => CUSTOMER_CLASS_LABELS[c])
        .join('、')}。`,
    },
  ];
}

/** Refuses with RULE_VIOLATION when any blocking problem remains (warnings must be acknowledged in the record). */
export function enforceApplicationRules(db: Db, app: ApplicationInput, stage: Stage): void {
  const acknowledged = new Set(app.acknowledgements?.map((a) => a.ruleId) ?? []);
  const blocking = catalogueProblems(db, app, stage).filter(
    (p) => p.severity === 'error' || !acknowledged.has(p.ruleId),
  );
  if (blocking.length > 0) {
    throw new AppError('RULE_VIOLATION', `申请未通过校验：${blocking.map((p) => p.message).join('；')}`, blocking);
  }
}
