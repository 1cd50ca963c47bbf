/**
 * Checks a supply scheme must pass before it is saved or approved, beyond its shape (REFERENCE.md §6.2, §3.1,
 * §3.7, §5.2). Each problem names the field and offers the way through; an empty list means the scheme may be
 * saved.
 */
import type { ApplicationInput } from './application';
import { transformerTotalKva } from './contractCapacity';
import type { SupplyScheme } from './scheme';

export interface SchemeProblem {
  ruleId: string;
  field: string;
  message: string;
}

/** Sources the grid supplies (主供/备用/电网保安); a customer's own security source (32) is not one. */
export const gridSources = (scheme: Pick<SupplyScheme, 'sources'>) => scheme.sources.filter((s) => s.nature !== '32');

export const HIGH_RELIABILITY_FEE = '高可靠性供电费';

/** R-SCH-01: more than one grid source → the 高可靠性供电费 (REFERENCE.md §3.1 FEE) or the reason it does not apply. */
function highReliabilityFee(scheme: SupplyScheme): SchemeProblem[] {
  if (gridSources(scheme).length < 2) return [];
  if (scheme.fees.some((f) => f.name.includes(HIGH_RELIABILITY_FEE)) || scheme.highReliabilityFeeWaiver) return [];
  return [
    {
      ruleId: 'R-SCH-01',
      field: 'fees',
      message: `营业费用：方案有 ${gridSources(scheme).length} 路电网电源，应列明“${HIGH_RELIABILITY_FEE}”（单价、容量、收费依据），或在“不收取高可靠性供电费的理由”中写明不适用的原因。`,
    },
  ];
}

/** R-SCH-02: the approved kVA of an HV scheme is its transformer total; HV motors are added to it, not hidden in it (§5.2). */
function capacityMatchesTransformers(scheme: SupplyScheme): SchemeProblem[] {
  const listed = scheme.receiving?.transformers ?? [];
  if (scheme.approvedCapacityKva === undefined || listed.length === 0) return [];
  const total = transformerTotalKva(listed);
  if (total === scheme.approvedCapacityKva) return [];
  return [
    {
      ruleId: 'R-SCH-02',
      field: 'approvedCapacityKva',
      message: `核定容量 (kVA)：应等于受电变压器合计 ${total} kVA（现为 ${scheme.approvedCapacityKva} kVA）；高压电动机容量在“受电系统·高压电动机容量 (kW)”中填写，合同容量由两者相加得出。`,
    },
  ];
}

const TEMPORARY = new Set(['NEW_TEMP', 'TEMP_EXTEND']);

/** R-SCH-03: a temporary supply's period must cover every step the reply asks of the customer (§3.7). */
function temporaryPeriodCoversDeadlines(app: ApplicationInput, scheme: SupplyScheme): SchemeProblem[] {
  if (!TEMPORARY.has(app.businessType) || !app.endDate) return [];
  const end = app.endDate;
  return scheme.deadlines
    .filter((d) => d.due > end)
    .map((d) => ({
      ruleId: 'R-SCH-03',
      field: 'deadlines',
      message: `办理时限：“${d.item}”的期限 ${d.due} 晚于临时用电截止日期 ${end}。请把该期限提前到 ${end} 或之前，或先办理临时用电延期。`,
    }));
}

/**
 * `approve` adds R-SCH-02: a draft may hold a new 核定容量 while the transformer list is still being revised,
 * but no approved scheme states two capacities.
 */
export function schemeProblems(
  app: ApplicationInput,
  scheme: SupplyScheme,
  at: 'save' | 'approve' = 'approve',
): SchemeProblem[] {
  return [
    ...highReliabilityFee(scheme),
    ...(at === 'approve' ? capacityMatchesTransformers(scheme) : []),
    ...temporaryPeriodCoversDeadlines(app, scheme),
  ];
}
