import { Button, Space, Typography } from 'antd';
import { FormOutlined, SearchOutlined } from '@ant-design/icons';
import { roleAtLeast } from '../../../../shared/domain/codes';
import { SUPERVISOR_EXIT_STAGES } from '../../../../shared/workflow/moves';
import { useSessionRole } from '../../shell/SessionContext';
import { navigate } from '../../shell/useHashRoute';
import { QueuePanel } from './QueuePanel';

/**
 * 工作台: what needs attention today — overdue and due-soon applications (red and amber, as the deadline
 * tags), schemes waiting for approval (supervisors), suspended applications, and the newest acceptances.
 */
export function WorkbenchPage() {
  const role = useSessionRole();
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
        </Space>
      </Space>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(420px, 1fr))', gap: 16 }}>
        <QueuePanel title="已超期" color="#a8071a" filter={{ deadline: 'OVERDUE' }} testId="queue-overdue" />
        <QueuePanel
          title="临期（即将到期）"
          color="#ad4e00"
          filter={{ deadline: 'DUE_SOON' }}
          testId="queue-due-soon"
        />
        {roleAtLeast(role, 'supervisor') && (
          <QueuePanel
            title="待我审批的供电方案"
            color="#0958d9"
            filter={{ stages: [...SUPERVISOR_EXIT_STAGES], statuses: ['ACTIVE'] }}
            testId="queue-approval"
          />
        )}
        <QueuePanel
          title="挂起中（客户原因）"
          color="#595959"
          filter={{ statuses: ['SUSPENDED'] }}
          testId="queue-suspended"
        />
        <QueuePanel title="办理中" color="#237804" filter={{ statuses: ['ACTIVE'] }} testId="queue-active" />
      </div>
    </div>
  );
}
