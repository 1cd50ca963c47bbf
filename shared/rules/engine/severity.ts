import type { FieldProblem } from '../../api/result';

/** error: blocks save and advance; warning: must be acknowledged with a reason, which is audited. */
export type Severity = FieldProblem['severity'];
