import type { IdProblem } from '../ids/problem';
import { RULES_BY_ID } from '../catalogue';
import type { MessageParams } from './types';

/** Fills a message template: {field} with the field's Chinese name, other {names} from params. */
export function formatMessage(template: string, fieldName: string, params: MessageParams | undefined): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name === 'field' ? fieldName : params && name in params ? String(params[name]) : whole,
  );
}

/** The Chinese message of an identifier problem, for tools that check a bare value (the CLI `check`). */
export function identifierMessage(problem: IdProblem, fieldName: string): string {
  const messages = RULES_BY_ID.get(problem.ruleId)?.messages;
  const template = messages?.[problem.key] ?? messages?.main ?? problem.ruleId;
  return formatMessage(template, fieldName, problem.params);
}
