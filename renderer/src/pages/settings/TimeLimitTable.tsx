import { Table } from 'antd';
import {
  STAGE_LABELS,
  STAGES,
  TIME_LIMIT_CLASSES,
  TIME_LIMIT_CLASS_LABELS as CLASS_LABELS,
} from '../../../../shared/domain/codes';
import type { TimeLimits } from '../../../../shared/workflow/timeLimits';

/** Stage limits per time-limit class and the end-to-end promise (REFERENCE.md §3.4–§3.5). */
export function TimeLimitTable({ limits }: { limits: TimeLimits }) {
  const stages = STAGES.filter((stage) => TIME_LIMIT_CLASSES.some((c) => limits.stage[c][stage] !== undefined));
  const rows = TIME_LIMIT_CLASSES.map((c) => ({
    key: c,
    label: CLASS_LABELS[c],
    total: limits.total[c],
    ...limits.stage[c],
  }));
  return (
    <Table
      data-testid="time-limit-table"
      size="small"
      pagination={false}
      dataSource={rows}
      columns={[
        { title: '用户类别', dataIndex: 'label', width: 110 },
        ...stages.map((stage) => ({
          title: STAGE_LABELS[stage],
          dataIndex: stage,
          render: (days: number | undefined) => days ?? '—',
        })),
        { title: '全流程承诺', dataIndex: 'total' },
      ]}
    />
  );
}
