/**
 * The document checklist of one application: which documents the matrix asks for, by which stage, and whether
 * they may be deferred (容缺). Used by the R-DOC rules and by the UI checklist.
 */
import type { DocumentCode } from '../../domain/application';
import { STAGES, type BusinessType, type CustomerClass, type Stage } from '../../domain/codes';
import { readDraft, type AppDraft } from '../engine/draft';
import { stagePlan } from '../../workflow/stagePlans';
import { DEFAULT_PROFILE } from '../profile/defaults';
import type { RuleProfile } from '../profile/profile';
import { DOCUMENT_LABELS } from './labels';
import { DEFAULT_DOC_MATRIX, docGroupOf, type DocGroup } from './matrix';
import type { DocCondition, DocRequirement } from './requirement';

export interface RequiredDocument {
  code: DocumentCode;
  label: string;
  need: DocRequirement['need'];
  /** Stage by which the document must be received. */
  due: Stage;
  /** true: needed; false: its condition does not hold; 'unknown': the record cannot tell (show as optional). */
  applies: boolean | 'unknown';
  /** Latest stage it may be deferred until, or undefined when it cannot be deferred. */
  deferrableUntil?: Stage;
  /** Must be registered (received or deferred) already at acceptance. */
  registerAtAccept: boolean;
}

/** Identity and agent papers are never deferrable: the counter must know who applies (REFERENCE.md §4.1). */
const NEVER_DEFERRED: ReadonlySet<DocumentCode> = new Set(['ID_PERSON', 'ID_ENTITY', 'AGENT', 'COMMITMENT']);

const matrixCache = new WeakMap<RuleProfile, Map<DocGroup, [DocumentCode, DocRequirement][]>>();

/** The matrix rows of a group with the profile's replacements applied. */
export function matrixRows(profile: RuleProfile, group: DocGroup): [DocumentCode, DocRequirement][] {
  let byGroup = matrixCache.get(profile);
  if (!byGroup) matrixCache.set(profile, (byGroup = new Map()));
  let rows = byGroup.get(group);
  if (!rows) {
    const merged = { ...DEFAULT_DOC_MATRIX[group], ...profile.documents.matrix[group] };
    rows = Object.entries(merged).filter((e): e is [DocumentCode, DocRequirement] => e[1] != null);
    byGroup.set(group, rows);
  }
  return rows;
}

function holds(when: DocCondition | undefined, app: AppDraft): boolean | 'unknown' {
  switch (when) {
    case 'PERSON':
      return app.customer.kind === 'PERSON';
    case 'ORGANISATION':
      return app.customer.kind === 'ORG';
    case 'AGENT_PRESENT':
      return Boolean(app.customer.agent?.name?.trim() || app.customer.agent?.idNumber?.trim());
    case 'ANYTHING_DEFERRED':
      return app.documents.some((d) => d.status === 'DEFERRED');
    case 'IMPORTANT_CUSTOMER':
      return app.importance !== undefined && app.importance !== '05';
    case 'UNDECIDABLE':
    case undefined:
      return 'unknown';
  }
}

/** Whether 一证受理 is in force for this record under the profile. */
export const oneCertificateApplies = (app: AppDraft, profile: RuleProfile): boolean =>
  app.oneCertificate === true &&
  app.businessType !== undefined &&
  profile.documents.oneCertificateTypes.includes(app.businessType);

/** The checklist of a draft; computed once per draft (three document rules read it; one profile per run). */
export function checklistOf(app: AppDraft, profile: RuleProfile): RequiredDocument[] {
  return app.derive('checklist', (draft) => buildChecklist(draft, profile));
}

/**
 * The matrix's stage as the application's own flow has it: the first stage of its plan at or after. The matrix
 * speaks of 现场勘查 for every change of use, which a 过户 (受理 → 签订合同 → 归档) never passes through.
 */
function inOwnFlow(app: AppDraft): (stage: Stage) => Stage {
  if (!app.businessType || !app.customerClass) return (stage) => stage;
  const plan = stagePlan(app.businessType, app.customerClass).map((step) => STAGES.indexOf(step.stage));
  return (stage) => STAGES[plan.find((at) => at >= STAGES.indexOf(stage)) ?? STAGES.indexOf(stage)]!;
}

function buildChecklist(app: AppDraft, profile: RuleProfile): RequiredDocument[] {
  if (!app.businessType) return [];
  const oneCertificate = oneCertificateApplies(app, profile);
  const own = inOwnFlow(app);
  return matrixRows(profile, docGroupOf(app.businessType, app.customerClass)).map(([code, req]) => {
    const due = own(req.due ?? 'ACCEPT');
    const applies = req.need === 'C' ? holds(req.when, app) : true;
    let deferrableUntil: Stage | undefined;
    if (!NEVER_DEFERRED.has(code)) {
      if (req.need === 'D' || req.deferrable || (req.need === 'R' && due !== 'ACCEPT')) deferrableUntil = due;
      // 一证受理: everything but identity papers may follow, collected at or before the site survey (§4.1).
      else if (oneCertificate) deferrableUntil = own('SURVEY');
    }
    const registerAtAccept = req.need === 'D' || (req.need === 'C' && req.deferrable === true && applies === true);
    return { code, label: DOCUMENT_LABELS[code], need: req.need, due, applies, deferrableUntil, registerAtAccept };
  });
}

/** The checklist for the UI: any record (even a half-typed draft) of the given type and class. */
export function requiredDocuments(
  businessType: BusinessType,
  customerClass: CustomerClass,
  app: unknown,
  profile: RuleProfile = DEFAULT_PROFILE,
): RequiredDocument[] {
  const raw = typeof app === 'object' && app !== null && !Array.isArray(app) ? app : {};
  return checklistOf(readDraft({ ...raw, businessType, customerClass }), profile);
}
