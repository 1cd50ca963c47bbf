import { Form } from 'antd';
import type { ReactNode } from 'react';
import { fieldLabel } from '../../../shared/rules';
import { ProblemList } from './ProblemList';
import { toPath, type NamePath } from './fieldPath';
import { useFieldProblems } from './ProblemContext';

/**
 * One form field whose error or warning comes from the shared rule catalogue, shown under the field with
 * the rule id, as the main process will report it.
 */
export function Field({
  name,
  label,
  children,
  required,
  span,
  problemPath,
  valuePropName,
  lines,
}: {
  /** The value is a list of strings edited as one line per item (a textarea). */
  lines?: boolean;
  /** `checked` for switches and checkboxes. */
  valuePropName?: string;
  name: NamePath;
  /** Full dotted path when `name` is relative (inside a Form.List). */
  problemPath?: string;
  label?: string;
  children: ReactNode;
  required?: boolean;
  span?: number;
}) {
  const path = problemPath ?? toPath(name);
  const problems = useFieldProblems(path);
  const hasError = problems.some((p) => p.severity === 'error');
  const help = problems.length > 0 ? <ProblemList problems={problems} testId={`problems-${path}`} /> : undefined;
  return (
    <Form.Item
      name={name}
      valuePropName={valuePropName}
      {...(lines
        ? {
            getValueProps: (value: unknown) => ({ value: Array.isArray(value) ? value.join('\n') : '' }),
            normalize: (text: string) =>
              text
                .split('\n')
                .map((line) => line.trim())
                .filter(Boolean),
          }
        : {})}
      label={label ?? fieldLabel(path)}
      required={required}
      validateStatus={problems.length === 0 ? undefined : hasError ? 'error' : 'warning'}
      help={help}
      style={span ? { gridColumn: `span ${span}` } : undefined}
    >
      {children}
    </Form.Item>
  );
}
