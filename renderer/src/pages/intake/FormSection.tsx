import { Card } from 'antd';
import type { ReactNode } from 'react';

/** A titled block of the intake form laid out on a 4-column grid, in the paper form's order. */
export function FormSection({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Card size="small" title={title} style={{ marginBottom: 12 }} data-testid={testId}>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(4, minmax(0, 1fr))', columnGap: 16 }}>{children}</div>
    </Card>
  );
}
