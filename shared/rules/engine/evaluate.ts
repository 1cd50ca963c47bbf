/**
 * The rule engine: runs the catalogue over a record at a stage and returns every problem at once. The same
 * code runs in the renderer on each keystroke and in the main process on every save and stage move (the main
 * process never trusts the renderer). It never throws: any input gives a result.
 *
 * `stage` is the stage the record will be in after the action: the current stage on save, the target stage on
 * advance (so "deferred until SURVEY" blocks the move into SURVEY).
 */
import type { FieldProblem } from '../../api/result';
import { holidayCalendar } from '../../calendar/holidayCalendar';
import { todayInShanghai } from '../../calendar/isoDate';
import { STAGES, type Stage } from '../../domain/codes';
import { RULES } from '../catalogue';
import { DEFAULT_PROFILE } from '../profile/defaults';
import { readDraft, type AppDraft } from './draft';
import { citationOf } from './citation';
import { fieldLabel } from './fieldLabels';
import { formatMessage } from './message';
import type { Severity } from './severity';
import type { Evaluation, MessageParams, Rule, RuleContext, RuleEnv } from './types';

export type { Evaluation } from './types';

const STAGE_SET = new Set<string>(STAGES);

/**
 * Rule lists per (business type, class, stage) and per field, built on first use: most records hit a handful
 * of keys. Nested maps keyed by the record's own strings avoid building a key string per keystroke.
 */
const listCache = new Map<string, Map<string, Map<Stage, readonly Rule[]>>>();
const fieldCache = new Map<readonly Rule[], Map<string, readonly Rule[]>>();

function applies(rule: Rule, app: AppDraft, stage: Stage): boolean {
  if (rule.stages && !rule.stages.includes(stage)) return false;
  if (rule.businessTypes && !(app.businessType && rule.businessTypes.includes(app.businessType))) return false;
  if (rule.customerClasses && !(app.customerClass && rule.customerClasses.includes(app.customerClass))) return false;
  return true;
}

function child<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}

function rulesFor(app: AppDraft, stage: Stage): readonly Rule[] {
  const byClass = child(listCache, app.businessType ?? '', () => new Map<string, Map<Stage, readonly Rule[]>>());
  const byStage = child(byClass, app.customerClass ?? '', () => new Map<Stage, readonly Rule[]>());
  return child(byStage, stage, () => RULES.filter((rule) => applies(rule, app, stage)));
}

const readsField = (rule: Rule, field: string): boolean =>
  rule.fields.some((f) => f === '*' || f === field || field.startsWith(`${f}.`) || f.startsWith(`${field}.`));

function rulesForField(app: AppDraft, stage: Stage, field: string): readonly Rule[] {
  const all = rulesFor(app, stage);
  const byField = child(fieldCache, all, () => new Map<string, readonly Rule[]>());
  return child(byField, field, () => all.filter((rule) => readsField(rule, field)));
}

function envOf(stage: Stage, ctx: RuleContext, focus?: string): RuleEnv {
  return {
    focus,
    profile: ctx.profile ?? DEFAULT_PROFILE,
    today: ctx.today ?? todayInShanghai(),
    calendar: ctx.calendar ?? holidayCalendar(),
    lookups: ctx.lookups ?? {},
    stage,
    stageIndex: STAGES.indexOf(stage),
  };
}

/**
 * Where the running rule's findings go. Evaluation is synchronous and rules never evaluate, so one module-level
 * collector serves every run; this keeps a closure per call out of the per-keystroke path.
 */
const collector: { issues: FieldProblem[]; rule: Rule | undefined } = { issues: [], rule: undefined };

/** 依据 per rule, derived once. */
const bases = new Map<Rule, string>();
export function basisOf(rule: Rule): string {
  let basis = bases.get(rule);
  if (basis === undefined) bases.set(rule, (basis = rule.basis ?? citationOf(rule.source)));
  return basis;
}

function report(field: string, key = 'main', params?: MessageParams, severity?: Severity): void {
  const rule = collector.rule as Rule;
  const template = rule.messages[key] ?? rule.messages.main ?? rule.title;
  collector.issues.push({
    field,
    ruleId: rule.id,
    severity: severity ?? rule.severity,
    message: formatMessage(template, fieldLabel(field), params),
    // Looked up per finding, not per rule run: most rules find nothing.
    basis: basisOf(rule),
  });
}

function checkedStage(stageInput: unknown, issues: FieldProblem[]): Stage {
  if (typeof stageInput === 'string' && STAGE_SET.has(stageInput)) return stageInput as Stage;
  issues.push({
    field: 'stage',
    ruleId: 'R-REQ-02',
    severity: 'error',
    message: '办理环节代码无效，已按“业务受理”检查；请从环节列表中选择。',
  });
  return 'ACCEPT';
}

function run(app: AppDraft, rules: readonly Rule[], env: RuleEnv, issues: FieldProblem[]): Evaluation {
  collector.issues = issues;
  for (const rule of rules) {
    collector.rule = rule;
    try {
      rule.check(app, env, report);
    } catch {
      issues.push({
        field: '',
        ruleId: rule.id,
        severity: 'error',
        message: `规则 ${rule.id} 无法检查这条记录（程序错误），请联系系统管理员。`,
      });
    }
  }
  collector.issues = [];
  collector.rule = undefined;
  const byField: Record<string, FieldProblem[]> = {};
  for (const issue of issues) (byField[issue.field] ??= []).push(issue);
  return { issues, byField };
}

/** Every problem of the record at the stage, grouped by field. */
export function evaluate(app: unknown, stage: Stage | string, ctx: RuleContext = {}): Evaluation {
  const draft = readDraft(app);
  const issues: FieldProblem[] = [];
  const checked = checkedStage(stage, issues);
  return run(draft, rulesFor(draft, checked), envOf(checked, ctx), issues);
}

/**
 * The problems of every rule that reads `field` (and only those), for the re-check after one edit: the UI
 * replaces the previous problems of exactly these rules.
 */
export function evaluateField(app: unknown, stage: Stage | string, field: string, ctx: RuleContext = {}): Evaluation {
  const draft = readDraft(app);
  const issues: FieldProblem[] = [];
  const checked = checkedStage(stage, issues);
  return run(draft, rulesForField(draft, checked, field), envOf(checked, ctx, field), issues);
}

/** Ids of the rules `evaluateField` runs for a field. */
export function rulesReading(app: unknown, stage: Stage, field: string): string[] {
  return rulesForField(readDraft(app), stage, field).map((rule) => rule.id);
}

/** Problems that block save and advance. */
export function blockingErrors(result: Evaluation): FieldProblem[] {
  return result.issues.filter((issue) => issue.severity === 'error');
}

/** Warnings without an acknowledgement (rule id plus a non-blank reason) in the record. */
export function unacknowledgedWarnings(
  result: Evaluation,
  acknowledgements: readonly { ruleId: string; reason: string }[] | undefined,
): FieldProblem[] {
  const acknowledged = new Set(
    (acknowledgements ?? [])
      .filter((a) => typeof a?.reason === 'string' && a.reason.trim() !== '')
      .map((a) => a.ruleId),
  );
  return result.issues.filter((issue) => issue.severity === 'warning' && !acknowledged.has(issue.ruleId));
}
