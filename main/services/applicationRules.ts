/**
 * THE seam between the store and the rule catalogue: create, update and advance call `enforceApplicationRules`
 * and nothing else. It checks the record's shape (zod), that the business type is offered for the customer
 * class (REFERENCE.md §2.2), and runs shared/rules `evaluate` with the database lookups the catalogue asks for
 * (open applications on the account, duplicate open applications of the customer at the same address).
 * Errors block; warnings block until the record acknowledges them with a reason.
 */
import { joinProblemMessages, type FieldProblem } from '../../shared/api/result';
import { zodProblems } from '../../shared/api/zodProblems';
import type { WorkdayCalendar } from '../../shared/calendar/calendar';
import { applicationInputSchema, type ApplicationInput } from '../../shared/domain/application';
import { normalizeApplication } from '../../shared/domain/normalize';
import { BUSINESS_TYPE_INFO, CUSTOMER_CLASS_LABELS, type Stage } from '../../shared/domain/codes';
import { addressKey, blockingErrors, evaluate, unacknowledgedWarnings, type RuleLookups } from '../../shared/rules';
import type { Db } from '../db/connection';
import { linkedApplications } from '../db/repositories/applicationLinkRepo';
import {
  accountKnown,
  openApplicationsOfCustomer,
  openApplicationsOnAccount,
  temporarySupplyStart,
} from '../db/repositories/ruleLookupRepo';
import { AppError } from './errors';
import { configurationInForce } from './settings/inForce';

/**
 * Validates an application record from any source; shape problems are a rejection with every field listed. The
 * record comes back normalised (shared/domain/normalize.ts): the rules and the store only ever see that form.
 */
export function parseApplication(raw: unknown): ApplicationInput {
  const parsed = applicationInputSchema.safeParse(raw);
  if (parsed.success) return normalizeApplication(parsed.data);
  const problems = zodProblems(parsed.error, applicationInputSchema);
  throw new AppError(
    'RULE_VIOLATION',
    `申请内容不符合格式要求：${joinProblemMessages(problems.map((p) => p.message))}`,
    problems,
  );
}

/** 业务类型 × 用户分类 (REFERENCE.md §2.2): the one check the catalogue leaves to the store. */
function classProblems(app: ApplicationInput): FieldProblem[] {
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

/** The applications the account check leaves out: the one being checked and those linked to it. */
function selfAndLinked(db: Db, check: RuleCheck): number[] {
  const selfId = check.selfId ?? 0;
  const linked = check.linkedIds ?? (selfId ? linkedApplications(db, selfId).map((link) => link.id) : []);
  return [selfId, ...linked];
}

/** What the lookups read of a record: also present, or partly, in a record still being typed. */
interface LookupKeys {
  businessType?: string;
  accountNo?: string;
  customer?: { idType?: string; idNumber?: string };
  site?: { address?: string };
}

/** The facts only the database knows, for the application `check.selfId` (absent for a new one). */
function lookupsFor(db: Db, app: LookupKeys, check: RuleCheck): RuleLookups {
  const key = addressKey(app.site?.address ?? '');
  const selfId = check.selfId ?? 0;
  const { idType, idNumber } = app.customer ?? {};
  return {
    ...(app.accountNo
      ? {
          // Links matter only to the account check, so they are read only for a record with an account.
          openApplicationsForAccount: openApplicationsOnAccount(db, app.accountNo, selfAndLinked(db, check)),
          accountExists: accountKnown(db, app.accountNo, selfId),
          ...(app.businessType === 'TEMP_EXTEND'
            ? { temporarySupplyStart: temporarySupplyStart(db, app.accountNo) }
            : {}),
        }
      : {}),
    duplicateOpenApplications:
      idType && idNumber
        ? openApplicationsOfCustomer(db, idType, idNumber, selfId)
            .filter((other) => key !== undefined && addressKey(other.address) === key)
            .map((other) => other.number)
        : [],
  };
}

/**
 * The problems only the database finds, for a record still being typed (applications.checkLookups): the same
 * catalogue evaluated with and without the lookups; what the lookups add is returned, with the same rule ids the
 * save will report. A partial record is fine: the engine reads what is there.
 */
export function lookupProblems(db: Db, raw: Record<string, unknown>, check: RuleCheck): FieldProblem[] {
  const keys = raw as LookupKeys;
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const lookupKeys: LookupKeys = {
    ...(text(keys.businessType) ? { businessType: text(keys.businessType) } : {}),
    ...(text(keys.accountNo) ? { accountNo: text(keys.accountNo) } : {}),
    customer: { idType: text(keys.customer?.idType), idNumber: text(keys.customer?.idNumber) },
    site: { address: text(keys.site?.address) },
  };
  const context = {
    profile: configurationInForce(db).profile,
    today: check.today,
    calendar: check.calendar,
  };
  const seen = new Set(evaluate(raw, check.stage, context).issues.map((p) => `${p.ruleId}|${p.field}|${p.message}`));
  return evaluate(raw, check.stage, { ...context, lookups: lookupsFor(db, lookupKeys, check) }).issues.filter(
    (p) => !seen.has(`${p.ruleId}|${p.field}|${p.message}`),
  );
}

export interface RuleCheck {
  /** The stage the record will be in after the action (the target stage on advance). */
  stage: Stage;
  today: string;
  calendar: WorkdayCalendar;
  /** Id of the application being changed; absent when creating. */
  selfId?: number;
  /** Applications linked to this one (application_links); read from the store when absent. */
  linkedIds?: readonly number[];
}

/** Refuses with RULE_VIOLATION when any error, or any warning without an acknowledgement, remains. */
export function enforceApplicationRules(db: Db, app: ApplicationInput, check: RuleCheck): void {
  const evaluation = evaluate(app, check.stage, {
    profile: configurationInForce(db).profile,
    today: check.today,
    calendar: check.calendar,
    lookups: lookupsFor(db, app, check),
  });
  const blocking = [
    ...classProblems(app),
    ...blockingErrors(evaluation),
    ...unacknowledgedWarnings(evaluation, app.acknowledgements),
  ];
  if (blocking.length > 0) {
    throw new AppError(
      'RULE_VIOLATION',
      `申请未通过校验：${joinProblemMessages(blocking.map((p) => p.message))}`,
      blocking,
    );
  }
}
