import { Alert, Input, Segmented, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { CustomerMatch, CustomerPortrait } from '../../../../shared/api/portrait';
import { api } from '../../api';
import { LoadableView } from '../../components/LoadableView';
import { useLoaded } from '../../shell/useLoaded';
import { LeadsView } from './LeadsView';
import { PortraitView } from './PortraitView';

type View = 'customer' | 'leads';

function CustomerView({ customerId }: { customerId: number }) {
  const [portrait, reload] = useLoaded<CustomerPortrait>(() => api.portrait.get({ customerId }), String(customerId));
  return <LoadableView value={portrait}>{(p) => <PortraitView portrait={p} onChanged={reload} />}</LoadableView>;
}

/** Look a customer up by name, ID number, 户号 or application number; one match opens at once. */
function CustomerSearch() {
  const [matches, setMatches] = useState<CustomerMatch[] | null>(null);
  const [chosen, setChosen] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const search = async (query: string) => {
    const result = await api.portrait.search({ query });
    if (!result.ok) return setError(result.error.problems?.[0]?.message ?? result.error.message);
    setError(null);
    setMatches(result.value);
    setChosen(result.value.length === 1 ? result.value[0]!.id : null);
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Input.Search
        aria-label="查询客户"
        placeholder="户名、证件号码、户号或申请编号"
        enterButton="查询"
        allowClear
        style={{ maxWidth: 480 }}
        onSearch={(q) => void search(q)}
      />
      {error && <Alert type="error" showIcon title={error} />}
      {matches?.length === 0 && <Alert type="info" showIcon title="没有相符的客户。" />}
      {matches && matches.length > 1 && (
        <Table<CustomerMatch>
          size="small"
          rowKey="id"
          data-testid="customer-matches"
          dataSource={matches}
          pagination={false}
          rowClassName={(m) => (m.id === chosen ? 'ant-table-row-selected' : '')}
          onRow={(m) => ({ onClick: () => setChosen(m.id) })}
          columns={[
            {
              title: '户名',
              key: 'name',
              render: (_, m) => (
                <a
                  href="#"
                  onClick={(e) => {
                    e.preventDefault();
                    setChosen(m.id);
                  }}
                >
                  {m.name}
                </a>
              ),
            },
            { title: '证件号码', dataIndex: 'idNumber', key: 'idNumber' },
            { title: '申请数', dataIndex: 'applications', key: 'applications', width: 80 },
            { title: '最近地址', dataIndex: 'latestAddress', key: 'latestAddress' },
          ]}
        />
      )}
      {chosen !== null ? (
        <CustomerView customerId={chosen} />
      ) : (
        !matches && (
          <Typography.Text type="secondary">
            输入客户信息查询其画像：历次申请与用时、户号、容量变化、电价与行业、合同、风险标记与营销建议。
          </Typography.Text>
        )
      )}
    </Space>
  );
}

/**
 * 客户画像 (issue 15, paper §3.3): one customer's portrait with its suggestions, and the hall's suggestions and
 * leads with their follow-up (docs/portrait.md).
 */
export function PortraitTab() {
  const [view, setView] = useState<View>('customer');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Segmented<View>
        aria-label="客户画像视图"
        value={view}
        onChange={setView}
        options={[
          { value: 'customer', label: '客户查询' },
          { value: 'leads', label: '建议与潜在客户（全厅）' },
        ]}
      />
      {view === 'customer' ? <CustomerSearch /> : <LeadsView />}
    </Space>
  );
}
