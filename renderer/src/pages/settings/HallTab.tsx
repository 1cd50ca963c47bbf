import { Alert, App, Button, Card, Descriptions, Form, Input, Space } from 'antd';
import type { HallInfo } from '../../../../shared/api/hall';
import { api } from '../../api';
import { useRefreshSession } from '../../shell/SessionContext';
import { todayInShanghai } from '../../format/dates';
import { DocumentHeaderCard } from './DocumentHeaderCard';
import { IdleLockCard } from './IdleLockCard';
import { LoadableView } from '../../components/LoadableView';
import { useLoaded } from '../../shell/useLoaded';

/** Admins may rename the hall; the code never changes (it prefixes every number already issued). */
function RenameForm({ hall, onSaved }: { hall: HallInfo; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string }>();
  const save = async ({ name }: { name: string }) => {
    const result = await api.hall.update({ name });
    if (!result.ok) {
      form.setFields([{ name: 'name', errors: [result.error.message] }]);
      return;
    }
    void message.success('营业厅名称已保存');
    onSaved();
  };
  return (
    <Form form={form} layout="inline" initialValues={{ name: hall.name }} onFinish={(v) => void save(v)}>
      <Form.Item
        name="name"
        label="营业厅名称"
        rules={[{ required: true, whitespace: true, message: '营业厅名称：请填写营业厅名称' }]}
      >
        <Input maxLength={100} style={{ width: 320 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit">
        保存名称
      </Button>
    </Form>
  );
}

/** 营业厅信息: code, name and the date the data folder was set up, and the header the documents print. */
export function HallTab({ admin }: { admin: boolean }) {
  const [hall, reload] = useLoaded(() => api.hall.get(), 'hall');
  const refreshSession = useRefreshSession();
  return (
    <LoadableView value={hall}>
      {(h: HallInfo | null) =>
        h === null ? (
          <Alert
            type="warning"
            showIcon
            title="营业厅尚未初始化"
            description="请系统管理员在命令行执行 yekuo --user 工号 init --hall-code 编码 --hall-name 名称，编码一经设定不能更改。"
          />
        ) : (
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <Card title="营业厅" size="small">
              <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                <Descriptions bordered column={1} size="small" data-testid="hall-info" style={{ maxWidth: 640 }}>
                  <Descriptions.Item label="营业厅编码">{h.code}</Descriptions.Item>
                  <Descriptions.Item label="营业厅名称">{h.name}</Descriptions.Item>
                  <Descriptions.Item label="建立日期">{todayInShanghai(new Date(h.createdAt))}</Descriptions.Item>
                </Descriptions>
                {admin && (
                  <RenameForm
                    hall={h}
                    onSaved={() => {
                      reload();
                      // The header shows the hall's name from system.info.
                      refreshSession();
                    }}
                  />
                )}
              </Space>
            </Card>
            <DocumentHeaderCard admin={admin} />
            <IdleLockCard admin={admin} />
          </Space>
        )
      }
    </LoadableView>
  );
}
