import { Card, Table, Typography } from 'antd';
import type { ApplicationFilterInput } from '../../../../shared/api/applications';
import {
  mineFilter,
  waitingFilter,
  type DeadlineCounts,
  type WaitingKind,
  type WorkbenchCounts,
} from '../../../../shared/api/workbench';
import { STAGE_LABELS, type Stage } from '../../../../shared/domain/codes';
import { DEADLINE_STATE_LABELS, type DeadlineState } from '../../../../shared/workflow/clock';
import { DEADLINE_COLORS } from '../../components/StatusTags';
import { CountLink } from './CountLink';

const STATES: DeadlineState[] = ['NORMAL', 'DUE_SOON', 'OVERDUE', 'NONE'];

/** 正常 / 临期 / 超期 / 不计时 with their counts in the deadline colours, each opening its list. */
function StateCounts({
  counts,
  label,
  filterOf,
  testId,
}: {
  counts: DeadlineCounts;
  label: string;
  filterOf: (state: DeadlineState) => ApplicationFilterInput;
  testId: string;
}) {
  return (
    <dl style={{ display: 'flex', gap: 20, margin: 0 }} data-testid={testId}>
      {STATES.map((state) => (
        <div key={state}>
          <dt style={{ color: '#595959', fontSize: 12 }}>{DEADLINE_STATE_LABELS[state]}</dt>
          <dd style={{ margin: 0, fontSize: 20, fontWeight: 600, color: DEADLINE_COLORS[state] ?? '#262626' }}>
            <CountLink n={counts[state]} label={`${label} ${DEADLINE_STATE_LABELS[state]}`} filter={filterOf(state)} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

const WAITING_TITLE: Record<WaitingKind, [string, string]> = {
  approval: ['等我审批', '供电方案待审批（班长及以上均可审批）'],
  'mine-hall-stages': ['等我处理', '我经办的在办申请，不含等待客户的环节（业务收费、受电工程施工、签订合同、归档）'],
};

/** 我的待办 and 等我处理 (等我审批): totals and their split by deadline state, every number a link to its list. */
export function CountsCards({ counts }: { counts: WorkbenchCounts }) {
  const { kind } = counts.waiting;
  const [waitingTitle, waitingNote] = WAITING_TITLE[kind];
  return (
    <>
      <Card
        size="small"
        title={
          <>
            我的待办 · <CountLink n={counts.mine.total} label="我的待办" filter={mineFilter()} unit />
          </>
        }
        data-testid="mine-counts"
      >
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          分派给我、正在办理的申请（受理时分派给受理人，班长可改派）
        </Typography.Paragraph>
        <StateCounts
          counts={counts.mine}
          label="我的待办"
          filterOf={(state) => mineFilter({ state })}
          testId="mine-states"
        />
      </Card>
      <Card
        size="small"
        title={
          <>
            {waitingTitle} ·{' '}
            <CountLink n={counts.waiting.total} label={waitingTitle} filter={waitingFilter(kind)} unit />
          </>
        }
        data-testid="waiting-counts"
      >
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {waitingNote}
        </Typography.Paragraph>
        <StateCounts
          counts={counts.waiting}
          label={waitingTitle}
          filterOf={(state) => waitingFilter(kind, state)}
          testId="waiting-states"
        />
      </Card>
    </>
  );
}

type StageRow = { stage: Stage; counts: DeadlineCounts };

/** 我的待办 per stage: where my applications stand and which of them are running late; each number opens its list. */
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
              <CountLink
                n={row.counts[state]}
                label={`我的待办 ${STAGE_LABELS[row.stage]} ${DEADLINE_STATE_LABELS[state]}`}
                filter={mineFilter({ stage: row.stage, state })}
                color={row.counts[state] ? DEADLINE_COLORS[state] : '#595959'}
              />
            ),
          })),
          {
            title: '合计',
            align: 'right',
            render: (_, row) => (
              <strong>
                <CountLink
                  n={row.counts.total}
                  label={`我的待办 ${STAGE_LABELS[row.stage]}`}
                  filter={mineFilter({ stage: row.stage })}
                />
              </strong>
            ),
          },
        ]}
      />
    </Card>
  );
}
