import { Card, Table, Typography } from 'antd';
import type { DeadlineCounts, WorkbenchCounts } from '../../../../shared/api/workbench';
import { STAGE_LABELS, type Stage } from '../../../../shared/domain/codes';
import { DEADLINE_STATE_LABELS, type DeadlineState } from '../../../../shared/workflow/clock';
import { DEADLINE_COLORS } from '../../components/StatusTags';

const STATES: DeadlineState[] = ['NORMAL', 'DUE_SOON', 'OVERDUE', 'NONE'];
export const formatCount = (n: number) => n.toLocaleString('zh-CN');

/** 正常 / 临期 / 超期 / 不计时 with their counts in the deadline colours. */
function StateCounts({ counts, testId }: { counts: DeadlineCounts; testId: string }) {
  return (
    <dl style={{ display: 'flex', gap: 20, margin: 0 }} data-testid={testId}>
      {STATES.map((state) => (
        <div key={state}>
          <dt style={{ color: '#595959', fontSize: 12 }}>{DEADLINE_STATE_LABELS[state]}</dt>
          <dd style={{ margin: 0, fontSize: 20, fontWeight: 600, color: DEADLINE_COLORS[state] ?? '#262626' }}>
            {formatCount(counts[state])}
          </dd>
        </div>
      ))}
    </dl>
  );
}

const WAITING_TITLE: Record<WorkbenchCounts['waiting']['kind'], [string, string]> = {
  approval: ['等我审批', '供电方案待审批（班长及以上均可审批）'],
  'mine-hall-stages': ['等我处理', '我经办的在办申请，不含等待客户的环节（业务收费、受电工程施工、签订合同、归档）'],
};

/** 我的待办 and 等我处理: totals and their split by deadline state. */
export function CountsCards({ counts }: { counts: WorkbenchCounts }) {
  const [waitingTitle, waitingNote] = WAITING_TITLE[counts.waiting.kind];
  return (
    <>
      <Card size="small" title={`我的待办 · ${formatCount(counts.mine.total)} 件`} data-testid="mine-counts">
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          分派给我、正在办理的申请
        </Typography.Paragraph>
        <StateCounts counts={counts.mine} testId="mine-states" />
      </Card>
      <Card
        size="small"
        title={`${waitingTitle} · ${formatCount(counts.waiting.total)} 件`}
        data-testid="waiting-counts"
      >
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {waitingNote}
        </Typography.Paragraph>
        <StateCounts counts={counts.waiting} testId="waiting-states" />
      </Card>
    </>
  );
}

type StageRow = { stage: Stage; counts: DeadlineCounts };

/** 我的待办 per stage: where my applications stand and which of them are running late. */
export function MineByStage({ counts }: { counts: WorkbenchCounts }) {
  return (
    <Card size="small" title="我的待办 · 按环节" data-testid="mine-by-stage">
      <Table<StageRow>
        size="small"
        rowKey="stage"
        pagination={false}
        dataSource={counts.mineByStage}
        locale={{ emptyText: <Typography.Text type="secondary">暂无分派给我的在办申请</Typography.Text> }}
        columns={[
          { title: '环节', render: (_, row) => STAGE_LABELS[row.stage] },
          ...STATES.map((state) => ({
            title: DEADLINE_STATE_LABELS[state],
            align: 'right' as const,
            render: (_: unknown, row: StageRow) => (
              <span style={{ color: row.counts[state] ? DEADLINE_COLORS[state] : '#595959' }}>
                {formatCount(row.counts[state])}
              </span>
            ),
          })),
          { title: '合计', align: 'right', render: (_, row) => <strong>{formatCount(row.counts.total)}</strong> },
        ]}
      />
    </Card>
  );
}
