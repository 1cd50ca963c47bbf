import { Alert, Badge, Card, Space, Typography } from 'antd';
import { api } from '../../api';
import { hashOf } from '../../shell/routes';
import { useLoaded } from '../../shell/useLoaded';
import { formatCount } from './CountLink';

/** 风险提示 (supervisors): the open risk flags, a link to 统计与风险 › 风险 where they are listed. */
export function RiskCountCard({ revision }: { revision: number }) {
  const [page] = useLoaded(() => api.risk.list({ status: 'open', limit: 1 }), `risk-${revision}`);
  return (
    <Card
      size="small"
      data-testid="risk-count"
      title={
        <Space>
          <Badge color="#a8071a" />
          风险提示
        </Space>
      }
    >
      {page.state === 'error' ? (
        <Alert type="error" showIcon title="风险标记读取失败" description={page.message} />
      ) : page.state === 'loading' ? (
        <Typography.Text type="secondary">读取中…</Typography.Text>
      ) : (
        <Typography.Text>
          待处理风险{' '}
          <a href={hashOf({ key: 'risk' })} data-testid="risk-count-link">
            {formatCount(page.value.total)} 条
          </a>
          ，在统计与风险中查看证据并处理。
        </Typography.Text>
      )}
    </Card>
  );
}
