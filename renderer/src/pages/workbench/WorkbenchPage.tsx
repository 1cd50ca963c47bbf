import { Alert, Button, Card, Space, Typography } from 'antd';
import { FormOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { roleAtLeast } from '../../../../shared/domain/codes';
import { QUEUE_FILTERS, type WorkbenchQueue } from '../../../../shared/api/workbench';
import { api } from '../../api';
import { useSessionRole } from '../../shell/SessionContext';
import { useLoaded } from '../../shell/useLoaded';
import { navigate } from '../../shell/useHashRoute';
import { CountsCards, MineByStage } from './CountsCards';
import { DeferredDuePanel } from './DeferredDuePanel';
import { ExportWarning } from './ExportWarning';
import { QueuePanel } from './QueuePanel';
import { RiskCountCard } from './RiskCountCard';
import { SchemesExpiringPanel } from './SchemesExpiringPanel';

// Cards keep their own height (a short table beside a long list would otherwise stretch to match it).
const GRID = {
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fill, minmax(420px, 1fr))',
  gap: 16,
  alignItems: 'start',
};

type Queue = { key: WorkbenchQueue; title: string; color: string; testId: string; supervisor?: boolean };

/** The hall's queues; each lists the rows of the filter (QUEUE_FILTERS) its count is taken with. */
const QUEUES: Queue[] = [
  { key: 'overdue', title: '已超期', color: '#a8071a', testId: 'queue-overdue' },
  { key: 'dueSoon', title: '临期（即将到期）', color: '#ad4e00', testId: 'queue-due-soon' },
  { key: 'approval', title: '待我审批的供电方案', color: '#0958d9', testId: 'queue-approval', supervisor: true },
  { key: 'suspended', title: '挂起中（客户原因）', color: '#595959', testId: 'queue-suspended' },
  { key: 'active', title: '办理中（时限正常）', color: '#237804', testId: 'queue-active' },
];

/** The time-critical queues lead the page, above the fold at 1366×768. */
const FIRST: ReadonlySet<WorkbenchQueue> = new Set(['overdue', 'dueSoon']);

/**
 * 工作台: what needs attention today — first the overdue and due-soon queues, then my applications by stage and
 * deadline state, what waits for me, the deferred documents that will block a stage, and the other queues
 * (approvals, suspended, in progress) with their exact sizes, each listing the five due first.
 */
export function WorkbenchPage() {
  const role = useSessionRole();
  const [revision, setRevision] = useState(0);
  const [counts] = useLoaded(() => api.workbench.counts(), `counts-${revision}`);
  const ready = counts.state === 'ready' ? counts.value : null;
  const queues = ready?.queues;
  const panel = (q: Queue) => (
    <QueuePanel
      key={q.key}
      title={q.title}
      color={q.color}
      filter={QUEUE_FILTERS[q.key]}
      testId={q.testId}
      count={queues?.[q.key]}
      revision={revision}
    />
  );
  const shown = QUEUES.filter((q) => !q.supervisor || roleAtLeast(role, 'supervisor'));
  return (
    <div>
      <Space style={{ marginBottom: 16, justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} data-testid="page-title" style={{ margin: 0 }}>
          工作台
        </Typography.Title>
        <Space>
          <Button type="primary" icon={<FormOutlined />} onClick={() => navigate({ key: 'intake' })}>
            受理新申请
          </Button>
          <Button icon={<SearchOutlined />} onClick={() => navigate({ key: 'query' })}>
            查询申请
          </Button>
          <Button icon={<ReloadOutlined />} onClick={() => setRevision((r) => r + 1)}>
            刷新
          </Button>
        </Space>
      </Space>
      <ExportWarning revision={revision} />
      {counts.state === 'error' && (
        <Alert
          type="error"
          showIcon
          title="工作台统计读取失败"
          description={counts.message}
          action={<Button onClick={() => setRevision((r) => r + 1)}>重试</Button>}
          style={{ marginBottom: 16 }}
        />
      )}
      <div style={{ ...GRID, marginBottom: 16 }}>{shown.filter((q) => FIRST.has(q.key)).map(panel)}</div>
      <div style={{ ...GRID, marginBottom: 16 }}>
        {ready ? (
          <CountsCards counts={ready} />
        ) : (
          counts.state === 'loading' && (
            <>
              <Card size="small" loading title="我的待办" />
              <Card size="small" loading title="等我处理" />
            </>
          )
        )}
      </div>
      <div style={{ ...GRID, marginBottom: 16 }}>
        {ready ? <MineByStage counts={ready} /> : counts.state === 'loading' && <Card size="small" loading />}
        <DeferredDuePanel revision={revision} />
        <SchemesExpiringPanel revision={revision} />
        {roleAtLeast(role, 'supervisor') && <RiskCountCard revision={revision} />}
      </div>
      <div style={GRID}>{shown.filter((q) => !FIRST.has(q.key)).map(panel)}</div>
    </div>
  );
}
