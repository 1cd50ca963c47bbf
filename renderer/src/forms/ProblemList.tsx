import type { FieldProblem } from '../../../shared/api/result';

/**
 * Problems as lines of text with their rule id (none for a shape problem, which has no rule to look up): red for
 * errors, amber for warnings (AA contrast).
 */
export function ProblemList({ problems, testId }: { problems: FieldProblem[]; testId?: string }) {
  if (problems.length === 0) return null;
  return (
    <div data-testid={testId} role="alert">
      {problems.map((p) => (
        <div key={p.ruleId + p.message} style={{ color: p.severity === 'error' ? '#cf1322' : '#ad4e00' }}>
          {p.message}
          {p.ruleId === 'SCHEMA' ? '' : `（${p.ruleId}）`}
        </div>
      ))}
    </div>
  );
}
