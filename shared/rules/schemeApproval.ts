/**
 * Rules that the approval of a 供电方案 must pass, checked by the supervisor's "审批" action (main/services/schemes.ts)
 * on the application record. R-VC-06: at 110 kV and above the scheme itself must have been approved at
 * provincial-grid level (SRC-GDYY1996 art 6 [S]) — a fact that can only exist once the scheme is drafted.
 */
import type { FieldProblem } from '../api/result';
import { blockingErrors, evaluate } from './engine/evaluate';
import type { RuleContext } from './engine/types';

const SCHEME_APPROVAL_RULES = new Set(['R-VC-06']);

/** The errors that refuse approving the scheme of this record (evaluated as of the stage after SCHEME). */
export function schemeApprovalProblems(app: unknown, ctx: RuleContext = {}): FieldProblem[] {
  return blockingErrors(evaluate(app, 'FEE', ctx)).filter((problem) => SCHEME_APPROVAL_RULES.has(problem.ruleId));
}
