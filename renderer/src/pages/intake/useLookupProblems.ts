import { useEffect, useMemo, useState } from 'react';
import type { FieldProblem } from '../../../../shared/api/result';
import type { Stage } from '../../../../shared/domain/codes';
import { api } from '../../api';
import type { RuleCheck } from './useRuleCheck';

const PAUSE_MS = 400;

/**
 * The checks only the database can make (duplicate application, unknown 户号, …), asked of the main process once
 * typing pauses, and merged into the local rule check so they show at their fields and in the save bar like every
 * other rule, acknowledgement included. A late answer for an older record is dropped.
 */
export function useLookupProblems(
  app: Record<string, unknown>,
  stage: Stage,
  check: RuleCheck,
  number: string | undefined,
): RuleCheck {
  const json = JSON.stringify(app);
  const [answer, setAnswer] = useState<{ json: string; problems: FieldProblem[] }>({ json: '', problems: [] });

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void api.applications
        .checkLookups({ record: JSON.parse(json) as Record<string, unknown>, stage, ...(number ? { number } : {}) })
        .then((result) => {
          if (live && result.ok) setAnswer({ json, problems: result.value });
        });
    }, PAUSE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [json, stage, number]);

  return useMemo(() => {
    // Until the answer for this record arrives, the last answer stands (a problem does not blink off per keystroke).
    const problems = answer.problems;
    if (problems.length === 0) return check;
    const byField = new Map(check.byField);
    for (const p of problems) byField.set(p.field, [...(byField.get(p.field) ?? []), p]);
    return {
      ...check,
      byField,
      errors: [...check.errors, ...problems.filter((p) => p.severity === 'error')],
      warnings: [...check.warnings, ...problems.filter((p) => p.severity === 'warning')],
    };
  }, [check, answer]);
}
