import { Alert, Card, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { ApplicationFilterInput } from '../../../../shared/api/applications';
import { navigate } from '../../shell/useHashRoute';
import { APPLICATION_COLUMNS } from './columns';
import { QueryFilters } from './QueryFilters';
import { useApplicationPages } from './useApplicationPages';

const TABLE_HEIGHT = 560;

/** 申请查询: search and filter all applications; rows open the detail page. */
export function QueryPage() {
  const [text, setText] = useState('');
  const [filters, setFilters] = useState<ApplicationFilterInput>({});
  const query = useMemo(() => ({ text, filters }), [text, filters]);
  const { rows, loading, error, hasMore, loadMore } = useApplicationPages(query);

  return (
    <Card>
      <Typography.Title level={3} data-testid="page-title" style={{ marginTop: 0 }}>
        申请查询
      </Typography.Title>
      <QueryFilters text={text} filters={filters} onText={setText} onFilters={setFilters} />
      {error && <Alert type="error" showIcon title="查询失败" description={error} style={{ marginBottom: 12 }} />}
      <Table
        virtual={rows.length > 0}
        size="small"
        rowKey="number"
        loading={loading && rows.length === 0}
        columns={APPLICATION_COLUMNS}
        dataSource={rows}
        pagination={false}
        // An empty table gets no scroll region (nothing to reach by keyboard, axe: scrollable-region-focusable).
        scroll={rows.length > 0 ? { x: 1850, y: TABLE_HEIGHT } : undefined}
        data-testid="application-table"
        locale={{
          emptyText: <Typography.Text>{loading ? '正在查询…' : '没有符合条件的申请'}</Typography.Text>,
        }}
        onRow={(row) => ({
          onClick: () => navigate({ key: 'application', number: row.number }),
          onKeyDown: (event) => {
            if (event.key === 'Enter') navigate({ key: 'application', number: row.number });
          },
          tabIndex: 0,
          style: { cursor: 'pointer' },
        })}
        onScroll={(event) => {
          const el = event.currentTarget;
          if (hasMore && el.scrollTop + el.clientHeight > el.scrollHeight - TABLE_HEIGHT) loadMore();
        }}
      />
      <Typography.Text type="secondary" data-testid="result-count">
        {`已显示 ${rows.length} 条${hasMore ? '，向下滚动加载更多' : '（全部）'}`}
      </Typography.Text>
    </Card>
  );
}
