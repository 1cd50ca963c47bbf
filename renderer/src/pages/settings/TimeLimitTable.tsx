import { Table } from 'antd';
import { STAGE_LABELS, STAGES, TIME_LIMIT_CLASSES, type TimeLimitClass } from '../../../../shared/domain/codes';
import type { TimeLimits } from '../../../../shared/workflow/timeLimits';

const CLASS_LABELS: Record<TimeLimitClass, string> = {
  LVR: '低压居民',
  LVN: '低压非居民',
  HV_SINGLE: '高压单电源',
  HV_DUAL: '高压双电源',
};

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
