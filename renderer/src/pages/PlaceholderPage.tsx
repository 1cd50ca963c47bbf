import { Card, Empty, Typography } from 'antd';

/** A screen that a later issue fills; it says what will be here rather than showing nothing. */
export function PlaceholderPage({ title, description }: { title: string; description: string }) {
  return (
    <Card>
      <Typography.Title level={3} data-testid="page-title">
        {title}
      </Typography.Title>
      <Empty description={`${description}（功能建设中）`} />
    </Card>
  );
}
