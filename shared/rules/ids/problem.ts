import type { Severity } from '../engine/severity';

/** One finding of an identifier check: the rule it breaks, which message variant, and the values to show. */
export interface IdProblem {
  ruleId: string;
  severity: Severity;
  /** Message variant of the rule (see the rule's `messages`). */
  key: string;
  params?: Readonly<Record<string, string | number>>;
}

/** Result of checking one identifier: the normalised form and every problem, most fundamental first. */
export interface IdCheck {
  normalized: string;
  problems: IdProblem[];
  /** What the number turned out to be, when the check tells (e.g. a residence permit). */
  kind?: string;
}

export const isValidId = (check: IdCheck): boolean => check.problems.every((p) => p.severity !== 'error');

/** Longest input an identifier check looks at; anything longer is a format error without further work. */
export const MAX_ID_INPUT = 64;
