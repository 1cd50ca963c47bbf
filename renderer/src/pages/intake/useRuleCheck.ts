import { useMemo } from 'react';
import type { FieldProblem } from '../../../../shared/api/result';
import { blockingErrors, evaluate, type Evaluation } from '../../../../shared/rules/engine/evaluate';
import type { Stage } from '../../../../shared/domain/codes';
import type { RuleProfile } from '../../../../shared/rules';

export interface RuleCheck {
  evaluation: Evaluation;
  byField: ReadonlyMap<string, FieldProblem[]>;
  errors: FieldProblem[];
  warnings: FieldProblem[];
  /** Rule-check time of the last keystroke, in ms (the intake benchmark reads it through a performance mark). */
  elapsedMs: number;
}

/**
 * Runs the shared rule catalogue on the record at every change, the same code the main process runs on save.
 * The whole record is re-checked (tens of microseconds), so cross-field rules update with each keystroke.
 */
export function useRuleCheck(app: Record<string, unknown>, stage: Stage, profile?: RuleProfile): RuleCheck {
  return useMemo(() => {
    performance.mark('yekuo:rules:start');
    const evaluation = evaluate(app, stage, profile ? { profile } : {});
    const measure = performance.measure('yekuo:rules', 'yekuo:rules:start');
    return {
      evaluation,
      byField: new Map(Object.entries(evaluation.byField)),
      errors: blockingErrors(evaluation),
      warnings: evaluation.issues.filter((issue) => issue.severity === 'warning'),
      elapsedMs: measure.duration,
    };
  }, [app, stage, profile]);
}
