/**
 * 更正申请信息: who may correct an accepted application's information, and when (docs/workflow.md). Used by the
 * update service (authoritative) and by the correction form (to ask for a reason before the main process would).
 */
import type { ApplicationInput } from '../domain/application';
import { issuesNewAccount, STAGES, type Role, type Stage } from '../domain/codes';

/**
 * Fields recorded as the work goes on rather than corrected: documents received, the completion check, the
 * parties of the customer's works (三不指定, recorded at CUSTOMER_WORKS), the meter installation (METER_CONNECT), warnings acknowledged. A clerk records
 * them at any stage.
 */
export const PROGRESS_FIELDS: ReadonlySet<string> = new Set([
  'documents',
  'completionCheckPassed',
  'customerWorks',
  'meterInstallation',
  'acknowledgements',
]);

/** The customer's identity: who the application is for. Changing it is a supervisor action, flagged for risk. */
const IDENTITY_FIELDS = ['kind', 'name', 'idType', 'idNumber'] as const;

export interface CorrectionNeeds {
  /** Top-level fields corrected (progress fields left out); empty when only progress was recorded. */
  corrected: string[];
  /** Top-level progress fields recorded or changed (a clerk's, at any stage). */
  progressed: string[];
  identityChanged: boolean;
  /** The application is past 供电方案, or its scheme was approved. */
  late: boolean;
  role: Role;
  reasonRequired: boolean;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** A new connection's 户号 entered for the first time is recorded progress; changing one recorded is a correction. */
const recordsIssuedAccount = (before: ApplicationInput, key: string) =>
  key === 'accountNo' && issuesNewAccount(before.businessType) && !before.accountNo?.trim();

/** After 供电方案 in the stage order (an approved scheme counts the same even while the stage is still SCHEME). */
export function pastScheme(stage: Stage, schemeApproved: boolean): boolean {
  return schemeApproved || STAGES.indexOf(stage) > STAGES.indexOf('SCHEME');
}

export function correctionNeeds(
  before: ApplicationInput,
  after: ApplicationInput,
  where: { stage: Stage; schemeApproved: boolean },
): CorrectionNeeds {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changed = [...keys]
    .filter((key) => !same(before[key as keyof ApplicationInput], after[key as keyof ApplicationInput]))
    .sort();
  const isProgress = (key: string) => PROGRESS_FIELDS.has(key) || recordsIssuedAccount(before, key);
  const corrected = changed.filter((key) => !isProgress(key));
  const progressed = changed.filter(isProgress);
  const identityChanged = IDENTITY_FIELDS.some((key) => !same(before.customer[key], after.customer[key]));
  const late = pastScheme(where.stage, where.schemeApproved);
  const strict = corrected.length > 0 && (late || identityChanged);
  return {
    corrected,
    progressed,
    identityChanged,
    late,
    role: strict ? 'supervisor' : 'clerk',
    reasonRequired: strict,
  };
}
