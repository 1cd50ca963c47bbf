import { Tooltip } from 'antd';
import type { FieldProblem } from '../../../shared/api/result';

/**
 * Problems as lines of text with their rule id (none for a shape problem, which has no rule to look up): red for
 * errors, amber for warnings (AA contrast). The rule's 依据 (regulation and article, or province setting) is the
 * line's tooltip, so the clerk can tell the customer why.
 */
export function ProblemList({ problems, testId }: { problems: FieldProblem[]; testId?: string }) {
  if (problems.length === 0) return null;
  return (
    <div data-testid={testId} role="alert">
      {problems.map((p) => {
        const line = (
          <div
            key={p.ruleId + p.message}
            style={{ color: p.severity === 'error' ? '#cf1322' : '#ad4e00' }}
            data-basis={p.basis}
          >
            {p.message}
            {p.ruleId === 'SCHEMA' ? '' : `（${p.ruleId}）`}
          </div>
        );
        return p.basis ? (
          <Tooltip key={p.ruleId + p.message} title={`依据：${p.basis}`} placement="topLeft">
            {line}
          </Tooltip>
        ) : (
          line
        );
      })}
    </div>
  );
}
