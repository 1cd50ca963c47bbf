import { Alert, Space, Table, Tag, Typography } from 'antd';
import type { ProfileView } from '../../../../shared/api/settings';
import { DEFAULT_PROFILE } from '../../../../shared/rules/profile/defaults';
import { api } from '../../api';
import { formatDateTime } from '../../format/dates';
import { JsonFileLoader } from './JsonFileLoader';
import { LoadableView } from '../../components/LoadableView';
import { rowsInForce } from './profileRows';
import { TimeLimitTable } from './TimeLimitTable';
import { useLoaded } from '../../shell/useLoaded';

/** 省级参数: the profile in force (values the file changed are marked) and, for admins, loading a new file. */
export function ProfileTab({ admin }: { admin: boolean }) {
  const [view, reload] = useLoaded(() => api.settings.profile(), 'profile');
  return (
    <LoadableView value={view}>
      {(v: ProfileView) => (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Alert
            type="info"
            showIcon
            data-testid="profile-in-force"
            title={`当前执行：${v.profile.name}`}
            description={
              v.loaded
                ? `由 ${v.loaded.by} 于 ${formatDateTime(v.loaded.at)} 载入；未列在配置文件中的参数按全国默认值执行。`
                : '未载入省级配置，全部参数按全国默认值执行。'
            }
          />
          {admin && (
            <JsonFileLoader
              buttonText="载入省级规则配置…"
              hint="JSON 文件，只需写出与默认值不同的参数；有任何错误则整份不采用。"
              send={(text) => api.settings.loadProfile({ text })}
              onLoaded={reload}
              testId="profile-loader"
            />
          )}
          <Table
            data-testid="profile-table"
            size="small"
            pagination={false}
            rowKey="key"
            dataSource={rowsInForce(v.profile)}
            columns={[
              { title: '类别', dataIndex: 'group', width: 110 },
              { title: '参数', dataIndex: 'label' },
              {
                title: '当前值',
                key: 'value',
                render: (_, row) => {
                  const value = row.value(v.profile);
                  const changed = value !== row.value(DEFAULT_PROFILE);
                  return (
                    <Space>
                      <Typography.Text strong>{value}</Typography.Text>
                      {changed && <Tag color="blue">省级配置</Tag>}
                    </Space>
                  );
                },
              },
              { title: '单位', dataIndex: 'unit', width: 80 },
              { title: '默认值依据', dataIndex: 'source', ellipsis: { showTitle: true } },
            ]}
          />
          <Typography.Title level={5} style={{ margin: 0 }}>
            各类用户环节时限（工作日）
          </Typography.Title>
          <TimeLimitTable limits={v.timeLimits} />
        </Space>
      )}
    </LoadableView>
  );
}
