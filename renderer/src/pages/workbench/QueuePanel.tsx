import { Badge, Card, List, Space, Typography } from 'antd';
import type { ApplicationFilterInput, ApplicationSummary } from '../../../../shared/api/applications';
import { STAGE_LABELS } from '../../../../shared/domain/codes';
import { api } from '../../api';
import { useLoaded } from '../../shell/useLoaded';
import { ApplicationListItem } from './ApplicationListItem';
import { CountLink, QueueLink } from './CountLink';

/** Rows a panel lists; the rest are one link away in 申请查询, so the time-critical panels stay above the fold. */
export const SHOWN = 5;

/** One queue of the workbench: its exact size (from workbench.counts, a link to the whole list) and the 5 due first. */
export function QueuePanel({
  title,
  filter,
  color,
  testId,
  count,
  revision,
}: {
  title: string;
  filter: ApplicationFilterInput;
  color: string;
  testId: string;
  /** Undefined while the counts load. */
  count: number | undefined;
  revision: number;
}) {
  const key = JSON.stringify(filter);
  const [page] = useLoaded(
    () => api.applications.list({ ...(JSON.parse(key) as ApplicationFilterInput), order: 'dueAsc', limit: SHOWN }),
    `${key}-${revision}`,
  );
  const items: ApplicationSummary[] = page.state === 'ready' ? page.value.items : [];
  return (
    <Card
      size="small"
      data-testid={testId}
      title={
        <Space>
          <Badge color={color} />
          {title}
          {count !== undefined && (
            <Typography.Text type="secondary" data-testid={`${testId}-count`}>
              共 <CountLink n={count} label={title} filter={filter} unit />
            </Typography.Text>
          )}
        </Space>
      }
    >
      {page.state === 'error' ? (
        <Typography.Text type="danger">{page.message}</Typography.Text>
      ) : (
        <List
          size="small"
          loading={page.state === 'loading'}
          locale={{ emptyText: <Typography.Text type="secondary">暂无</Typography.Text> }}
          dataSource={items}
          renderItem={(item) => (
            <ApplicationListItem item={item}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {item.number} · {STAGE_LABELS[item.stage]} · 到期 {item.dueDate ?? '—'}
              </Typography.Text>
            </ApplicationListItem>
          )}
          footer={
            count !== undefined && count > SHOWN ? <QueueLink n={count} label={title} filter={filter} /> : undefined
          }
        />
      )}
    </Card>
  );
}
