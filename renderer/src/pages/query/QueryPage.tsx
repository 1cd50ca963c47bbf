import { Alert, Card, Table, Typography, type GetRef, type TableProps } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ApplicationFilterInput, ApplicationSummary, ListOrder } from '../../../../shared/api/applications';
import type { SavedQuery } from '../../../../shared/api/savedFilters';
import { queryFromSearch, searchOf } from '../../shell/routes';
import { navigate, replaceRoute } from '../../shell/useHashRoute';
import { BatchBar } from './BatchBar';
import { ColumnChooser, useShownColumns } from './ColumnChooser';
import { APPLICATION_COLUMNS } from './columns';
import { QueryFilters } from './QueryFilters';
import { SavedFilterBar } from './SavedFilterBar';
import { useApplicationPages } from './useApplicationPages';
import { useSearchTiming } from './useSearchTiming';

const TABLE_HEIGHT = 560;
const SELECTION_WIDTH = 40;
type TableRef = GetRef<typeof Table>;

/**
 * Row props are built once: a new function or object on every render made the virtual table re-render
 * every visible row on each keystroke in the search box.
 */
const rowProps: TableProps<ApplicationSummary>['onRow'] = (row) => ({
  onClick: (event) => {
    // A click on the selection checkbox selects; anywhere else on the row opens the detail.
    if ((event.target as HTMLElement).closest('.ant-table-selection-column')) return;
    navigate({ key: 'application', number: row.number });
  },
  onKeyDown: (event) => {
    if (event.key === 'Enter' && event.target === event.currentTarget) {
      navigate({ key: 'application', number: row.number });
    }
  },
  tabIndex: 0,
  style: { cursor: 'pointer' },
});

const SORT_ORDER: Record<ListOrder, 'ascend' | 'descend' | null> = {
  newest: null,
  dueAsc: 'ascend',
  dueDesc: 'descend',
};

/**
 * The chosen columns in table order; the 到期日 column shows the list's order. The table scrolls sideways only
 * when the chosen columns are wider than the screen (the essential ones fit 1366 px).
 */
function columnsFor(order: ListOrder, shown: readonly string[]) {
  const columns = APPLICATION_COLUMNS.filter((c) => shown.includes(c.key) || c.key === 'number').map(
    ({ essential: _essential, ...column }) =>
      column.key === 'dueDate' ? { ...column, sortOrder: SORT_ORDER[order] } : column,
  );
  const x = columns.reduce((sum, c) => sum + c.width, SELECTION_WIDTH);
  return { columns, scroll: { x, y: TABLE_HEIGHT } };
}

const NONE: string[] = [];

/**
 * 申请查询: search, filter and batch-process all applications; rows open the detail page. The search and filters
 * live in the route (`#/query?…`): a 工作台 count opens the page on its own filter, a reload or Back keeps them,
 * and every change here replaces the hash.
 */
export function QueryPage({ route }: { route: SavedQuery }) {
  // The hash's search string is the query's identity: the objects below change only when the query does.
  const search = searchOf(route);
  const { saved, text, filters } = useMemo(() => {
    const parsed = queryFromSearch(search);
    const { text: searched = '', ...rest } = parsed;
    return { saved: parsed, text: searched, filters: rest };
  }, [search]);
  const [revision, setRevision] = useState(0);
  // A selection belongs to the query it was made in: another query (from here or from the hash) starts empty.
  const [selection, setSelection] = useState({ search, numbers: NONE });
  const selected = selection.search === search ? selection.numbers : NONE;
  const setSelected = useCallback((numbers: string[]) => setSelection({ search, numbers }), [search]);
  const query = useMemo(() => ({ text, filters, revision }), [text, filters, revision]);
  const { rows, loading, error, hasMore, loadMore } = useApplicationPages(query);
  const searchSubmitted = useSearchTiming(rows, loading);
  const table = useRef<TableRef>(null);
  const order = filters.order ?? 'newest';
  const [shown, setShown] = useShownColumns();
  const { columns, scroll } = useMemo(() => columnsFor(order, shown), [order, shown]);

  useEffect(() => table.current?.scrollTo({ top: 0 }), [search]);

  const applyQuery = useCallback((next: { text: string; filters: ApplicationFilterInput }) => {
    const searched = next.text.trim();
    replaceRoute({ key: 'query', query: { ...next.filters, ...(searched ? { text: searched } : {}) } });
  }, []);

  const rowSelection = useMemo<TableProps<ApplicationSummary>['rowSelection']>(
    () => ({
      selectedRowKeys: selected,
      onChange: (keys) => setSelected(keys.map(String)),
      columnWidth: SELECTION_WIDTH,
      fixed: 'left',
      getTitleCheckboxProps: () => ({ 'aria-label': '全选已显示的申请' }),
      getCheckboxProps: (row) => ({ 'aria-label': `选择 ${row.number}` }),
    }),
    [selected, setSelected],
  );

  return (
    <Card>
      <Typography.Title level={3} data-testid="page-title" style={{ marginTop: 0 }}>
        申请查询
      </Typography.Title>
      <SavedFilterBar
        current={saved}
        onApply={({ text: savedText, ...savedFilters }) => applyQuery({ text: savedText ?? '', filters: savedFilters })}
      />
      <QueryFilters
        text={text}
        filters={filters}
        onText={(next) => {
          searchSubmitted();
          applyQuery({ text: next, filters });
        }}
        onFilters={(next) => applyQuery({ text, filters: next })}
      />
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start' }}>
        <BatchBar
          selected={selected}
          query={saved}
          onChanged={() => {
            setSelected(NONE);
            setRevision((r) => r + 1);
          }}
        />
        <ColumnChooser shown={shown} onChange={setShown} />
      </div>
      {error && <Alert type="error" showIcon title="查询失败" description={error} style={{ marginBottom: 12 }} />}
      <Table
        ref={table}
        virtual={rows.length > 0}
        size="small"
        rowKey="number"
        loading={loading && rows.length === 0}
        columns={columns}
        onChange={(_pagination, _filters, sorter) => {
          const sorted = Array.isArray(sorter) ? sorter[0] : sorter;
          const next: ListOrder =
            sorted?.order === 'ascend' ? 'dueAsc' : sorted?.order === 'descend' ? 'dueDesc' : 'newest';
          if (next === order) return;
          const { order: _previous, ...rest } = filters;
          applyQuery({ text, filters: next === 'newest' ? rest : { ...rest, order: next } });
        }}
        dataSource={rows}
        pagination={false}
        rowSelection={rowSelection}
        // An empty table gets no scroll region (nothing to reach by keyboard, axe: scrollable-region-focusable).
        scroll={rows.length > 0 ? scroll : undefined}
        data-testid="application-table"
        locale={{
          emptyText: <Typography.Text>{loading ? '正在查询…' : '没有符合条件的申请'}</Typography.Text>,
        }}
        onRow={rowProps}
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
