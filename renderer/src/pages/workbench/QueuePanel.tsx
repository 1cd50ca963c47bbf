import { Badge, Card, List, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ApplicationFilterInput, ApplicationSummary } from '../../../../shared/api/applications';
import { BUSINESS_TYPE_INFO, STAGE_LABELS } from '../../../../shared/domain/codes';
import { api } from '../../api';
import { DeadlineTag } from '../../components/StatusTags';
import { navigate } from '../../shell/useHashRoute';

const SHOWN = 8;

/** One queue of the workbench: the newest 50 applications matching a filter, the 8 due first shown. */
export function QueuePanel({
  title,
  filter,
  color,
  testId,
}: {
  title: string;
  filter: ApplicationFilterInput;
  color: string;
  testId: string;
}) {
  const [items, setItems] = useState<ApplicationSummary[] | null>(null);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(filter);

  useEffect(() => {
    let live = true;
    void api.applications.list({ ...(JSON.parse(key) as ApplicationFilterInput), limit: 50 }).then((result) => {
      if (!live) return;
      if (!result.ok) return setError(result.error.message);
      const sorted = [...result.value.items].sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
      setItems(sorted.slice(0, SHOWN));
      setMore(result.value.items.length > SHOWN || result.value.nextCursor !== null);
    });
    return () => {
      live = false;
    };
  }, [key]);

  return (
    <Card
      size="small"
      data-testid={testId}
      title={
        <Space>
          <Badge color={color} />
          {title}
          {items && (
            <Typography.Text type="secondary">
              {items.length}
              {more ? '+' : ''} 件
            </Typography.Text>
          )}
        </Space>
      }
    >
      {error ? (
        <Typography.Text type="danger">{error}</Typography.Text>
      ) : (
        <List
          size="small"
          loading={items === null}
          locale={{ emptyText: <Typography.Text type="secondary">暂无</Typography.Text> }}
          dataSource={items ?? []}
          renderItem={(item) => (
            <List.Item
              style={{ cursor: 'pointer' }}
              tabIndex={0}
              onClick={() => navigate({ key: 'application', number: item.number })}
              onKeyDown={(event) => {
                if (event.key === 'Enter') navigate({ key: 'application', number: item.number });
              }}
              extra={<DeadlineTag state={item.deadlineState} />}
            >
              <Space orientation="vertical" size={0}>
                <span>
                  {item.customerName} · {BUSINESS_TYPE_INFO[item.businessType].label}
                </span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {item.number} · {STAGE_LABELS[item.stage]} · 到期 {item.dueDate ?? '—'}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
