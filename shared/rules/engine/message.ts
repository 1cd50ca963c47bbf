import type { IdProblem } from '../ids/problem';
import { RULES_BY_ID } from '../catalogue';
import type { MessageParams } from './types';

/** A template split once into text and placeholder names (odd indexes), e.g. ['', 'field', '应为 …']. */
const compiled = new Map<string, string[]>();

function partsOf(template: string): string[] {
  let parts = compiled.get(template);
  if (!parts) compiled.set(template, (parts = template.split(/\{(\w+)\}/)));
  return parts;
}

/** Fills a message template: {field} with the field's Chinese name, other {names} from params. */
export function formatMessage(template: string, fieldName: string, params: MessageParams | undefined): string {
  const parts = partsOf(template);
  let out = parts[0] as string;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] as string;
    out += name === 'field' ? fieldName : params && name in params ? String(params[name]) : `{${name}}`;
    out += parts[i + 1] as string;
  }
  return out;
}

/** The Chinese message of an identifier problem, for tools that check a bare value (the CLI `check`). */
export function identifierMessage(problem: IdProblem, fieldName: string): string {
  const messages = RULES_BY_ID.get(problem.ruleId)?.messages;
  const template = messages?.[problem.key] ?? messages?.main ?? problem.ruleId;
  return formatMessage(template, fieldName, problem.params);
}
