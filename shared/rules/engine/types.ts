import type { FieldProblem } from '../../api/result';
import type { WorkdayCalendar } from '../../calendar/calendar';
import type { BusinessType, CustomerClass, Stage } from '../../domain/codes';
import type { RuleProfile } from '../profile/profile';
import type { AppDraft } from './draft';
import type { Severity } from './severity';

/**
 * Facts only the database knows. The main process pre-fetches them before it evaluates (the rules stay
 * synchronous and pure); the renderer may leave them out, and the rules that need them are then skipped.
 */
export interface RuleLookups {
  /** Whether app.accountNo exists in the hall's local archive (R-HH-04). */
  accountExists?: boolean;
  /** Numbers of other open applications on app.accountNo (R-CHG-01; also blocks 销户). */
  openApplicationsForAccount?: readonly string[];
  /** Numbers of other open applications with the same customer ID number and normalised address (R-DUP-02). */
  duplicateOpenApplications?: readonly string[];
  /** 户号 of active accounts at the same normalised address (R-DUP-01, new connections). */
  activeAccountsAtAddress?: readonly string[];
  /** Start of the temporary supply on app.accountNo per the hall's records: its base 临时用电 (R-CHG-19 cap). */
  temporarySupplyStart?: string;
}

export interface RuleContext {
  /** Province profile; the built-in defaults when absent. */
  profile?: RuleProfile;
  /** Today in Asia/Shanghai (ISO date); the real date when absent. Injectable for tests. */
  today?: string;
  /** Working-day calendar; the built-in holiday calendar when absent. */
  calendar?: WorkdayCalendar;
  lookups?: RuleLookups;
}

/** What a rule's check sees besides the record. */
export interface RuleEnv {
  profile: RuleProfile;
  today: string;
  calendar: WorkdayCalendar;
  lookups: RuleLookups;
  stage: Stage;
  /** Index of `stage` in STAGES, for "at or after stage X" tests. */
  stageIndex: number;
  /** Set by the single-field re-check: rules that scan many fields look only at this one. */
  focus?: string;
}

export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * Reports one problem: the field path, the message variant (a key of the rule's `messages`), the values for
 * its {placeholders}, and a severity when it differs from the rule's default.
 */
export type Report = (field: string, key?: string, params?: MessageParams, severity?: Severity) => void;

export interface Rule {
  /** REFERENCE.md §5 id (e.g. R-ID-02), or one of ours in the same style where REFERENCE gives none. */
  id: string;
  /** What the rule enforces, in Chinese, for docs/rules.md. */
  title: string;
  severity: Severity;
  /** When some findings use the other severity: says which, for docs/rules.md. */
  severityNote?: string;
  /** Stages at which the rule applies; every stage when absent. */
  stages?: readonly Stage[];
  businessTypes?: readonly BusinessType[];
  customerClasses?: readonly CustomerClass[];
  /** Field paths the rule reads; drives the single-field re-check. */
  fields: readonly string[];
  /** REFERENCE.md section and SRC ids. */
  source: string;
  /** 依据 shown to the clerk when it cannot be derived from `source` (engine/citation.ts). */
  basis?: string;
  /** The REFERENCE.md id (or row) this rule implements when the project split or renamed it. */
  implements?: string;
  /** Message templates by variant; `main` is the usual one. {field} names the field, other {x} are params. */
  messages: Readonly<Record<string, string>>;
  check(app: AppDraft, env: RuleEnv, report: Report): void;
}

export interface Evaluation {
  /** Every problem, in catalogue order. */
  issues: FieldProblem[];
  /** The same problems grouped by field path. */
  byField: Record<string, FieldProblem[]>;
}
