/**
 * shared/rules: the rule engine and catalogue (issue 4). Pure TypeScript, used by the renderer on each keystroke
 * and by the main process on every save and stage move.
 */
export {
  basisOf,
  evaluate,
  evaluateField,
  blockingErrors,
  unacknowledgedWarnings,
  rulesReading,
} from './engine/evaluate';
export type { Evaluation, Rule, RuleContext, RuleEnv, RuleLookups } from './engine/types';
export type { Severity } from './engine/severity';
export { readDraft, type AppDraft } from './engine/draft';
export { fieldLabel } from './engine/fieldLabels';
export { identifierMessage } from './engine/message';
export { RULE_GROUPS, RULES, RULES_BY_ID } from './catalogue';
export { citationOf, PROVINCE_SETTING } from './engine/citation';
export { addressKey } from './catalogue/facts';
export { requiredDocuments, type RequiredDocument } from './documents/requiredDocuments';
export { DOCUMENT_LABELS } from './documents/labels';
export { DEFAULT_DOC_MATRIX, DOC_GROUPS, docGroupOf, type DocGroup } from './documents/matrix';
export { DEFAULT_PROFILE } from './profile/defaults';
export { loadProfile, type ProfileLoad } from './profile/loadProfile';
export type { RiskThresholds, RuleProfile } from './profile/profile';
export { checkRic, normalizeRic, ricCheckChar } from './ids/ric';
export { checkUscc, normalizeUscc, usccCheckChar } from './ids/uscc';
export { checkMobile, checkLandline, normalizeMobile } from './ids/phone';
export { isValidId, type IdCheck, type IdProblem } from './ids/problem';
export { schemeApprovalProblems } from './schemeApproval';
export { schemeAdvice, type SchemeAdvice } from './schemeAdvice';
export {
  meteringClassFor,
  type MeteringClass,
  type MeteringClassResult,
  type MeteringLoad,
} from './metering/meteringClass';
export {
  BEFORE_WORKS_STAGES,
  expiredSchemeProblem,
  extensionProblems,
  schemeValidity,
  validityMonthsProblem,
  type ExtensionRequest,
  type SchemeValidity,
} from './schemeValidity';
