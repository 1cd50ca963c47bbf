import { Alert, Badge, Card, List, Space, Tag, Typography } from 'antd';
import { STAGE_LABELS } from '../../../../shared/domain/codes';
import { api } from '../../api';
import { useLoaded } from '../../shell/useLoaded';
import { ApplicationListItem } from './ApplicationListItem';
import { formatCount } from './CountLink';

const SHOWN = 20;

/**
 * 供电方案即将到期: approved schemes of applications whose customer works have not started, expired first
 * (R-GATE-04: they cannot advance until a new scheme is approved), so the clerk tells the customer in time to ask
 * for the one extension (at least 10 days before expiry).
 */
export function SchemesExpiringPanel({ revision }: { revision: number }) {
  const [page] = useLoaded(() => api.workbench.schemesExpiring({ limit: SHOWN }), `schemes-${revision}`);
  const ready = page.state === 'ready' ? page.value : null;
  return (
    <Card
      size="small"
      data-testid="schemes-expiring"
      title={
        <Space>
          <Badge color="#ad4e00" />
          供电方案即将到期
          {ready && (
            <Typography.Text type="secondary" data-testid="schemes-expiring-total">
              共 {formatCount(ready.total)} 件
            </Typography.Text>
          )}
        </Space>
      }
    >
      {page.state === 'error' ? (
        <Alert type="error" showIcon title="方案有效期读取失败" description={page.message} />
      ) : (
        <List
          size="small"
          loading={page.state === 'loading'}
          locale={{ emptyText: <Typography.Text type="secondary">没有即将到期的供电方案</Typography.Text> }}
          dataSource={ready?.items ?? []}
          renderItem={(item) => (
            <ApplicationListItem item={item}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {item.number} · {STAGE_LABELS[item.stage]} · 方案第 {item.version} 版
              </Typography.Text>
              <Tag color={item.daysLeft < 0 ? '#a8071a' : '#ad4e00'}>
                有效期至 {item.validUntil}
                {item.extended ? '（已延期）' : ''} ·{' '}
                {item.daysLeft < 0 ? `已过期 ${-item.daysLeft} 天，须重新拟定方案` : `剩余 ${item.daysLeft} 天`}
              </Tag>
            </ApplicationListItem>
          )}
        />
      )}
    </Card>
  );
}
