/**
 * 迁址 (RELOC) is a connection at the new site plus the closing of the old one: the hall accepts a 销户 (CLOSE)
 * of the old site together with the 迁址 and links the two (REFERENCE.md §3.2; SRC-GDYY1996 art 26). The closing
 * is derived from the 迁址 record: same customer, account and class; the old site's address, voltage, capacity
 * and tariff from 原用电信息; the documents the closing needs, as the customer handed them in for the 迁址.
 */
import { joinProblemMessages, type FieldProblem } from '../../../shared/api/result';
import type { ApplicationInput } from '../../../shared/domain/application';
import { requiredDocuments } from '../../../shared/rules';
import { AppError } from '../errors';

export const OLD_SITE_NOTE = '迁址原址销户：随迁址申请一并受理，迁址归档前须先办结。';

export function oldSiteClosure(reloc: ApplicationInput): ApplicationInput {
  const existing = reloc.existing;
  const address = existing?.address?.trim();
  if (!existing || !address) {
    const problem: FieldProblem = {
      field: 'existing.address',
      ruleId: 'WF-RELOC',
      severity: 'error',
      message: '原用电地址：迁址须填写原用电地址（可按户号带出），原址的销户随迁址一并受理。',
    };
    throw new AppError('RULE_VIOLATION', problem.message, [problem]);
  }
  const closure: ApplicationInput = {
    ...reloc,
    businessType: 'CLOSE',
    site: { ...reloc.site, address },
    voltageCode: existing.voltageCode ?? reloc.voltageCode,
    requestedCapacityKw: existing.capacityKw ?? reloc.requestedCapacityKw,
    requestedCapacityKva: existing.capacityKva ?? reloc.requestedCapacityKva,
    transformers: existing.transformers ?? reloc.transformers,
    tariff: {
      ...reloc.tariff,
      category: existing.tariffCategory ?? reloc.tariff.category,
      ...(existing.tariffStructure ? { structure: existing.tariffStructure } : {}),
    },
    notes: OLD_SITE_NOTE,
  };
  const needed = new Set(
    requiredDocuments('CLOSE', reloc.customerClass, closure)
      .filter((doc) => doc.applies !== false)
      .map((doc) => doc.code),
  );
  return { ...closure, documents: reloc.documents.filter((doc) => needed.has(doc.code)) };
}

/**
 * The closing's refusal as the clerk's 迁址 form can show it: each problem marked as the old site's, and the
 * closing's site address is the form's 原用电地址.
 */
export function asOldSiteRefusal(error: unknown): unknown {
  if (!(error instanceof AppError) || error.code !== 'RULE_VIOLATION') return error;
  const problems = (error.problems ?? []).map((problem) => ({
    ...problem,
    field: problem.field === 'site.address' ? 'existing.address' : problem.field,
    message: `原址销户：${problem.message}`,
  }));
  return new AppError(
    'RULE_VIOLATION',
    `迁址申请未保存，随之受理的原址销户未通过校验：${joinProblemMessages(problems.map((p) => p.message))}`,
    problems,
  );
}
