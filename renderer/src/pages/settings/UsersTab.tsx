import { App, Button, Form, Input, Select, Table, Tag } from 'antd';
import { ROLE_LABELS, ROLES, type Role } from '../../../../shared/domain/codes';
import type { UserInfo } from '../../../../shared/api/users';
import { api } from '../../api';
import { formatDateTime } from '../../format/dates';
import { LoadableView } from '../../components/LoadableView';
import { useLoaded } from '../../shell/useLoaded';

interface NewUser {
  id: string;
  name: string;
  role: Role;
}

/** Admins add users; the 工号 is permanent, so a wrong one is a new user, not an edit. */
function CreateUserForm({ onCreated }: { onCreated: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<NewUser>();
  const create = async (input: NewUser) => {
    const result = await api.users.create(input);
    if (!result.ok) {
      const field = result.error.message.includes('工号') ? 'id' : 'name';
      form.setFields([{ name: field, errors: [result.error.message] }]);
      return;
    }
    void message.success(`已添加用户 ${result.value.name}（${ROLE_LABELS[result.value.role]}）`);
    form.resetFields();
    onCreated();
  };
  return (
    <Form
      form={form}
      layout="inline"
      initialValues={{ role: 'clerk' }}
      onFinish={(v) => void create(v)}
      data-testid="user-create"
    >
      <Form.Item name="id" label="工号" rules={[{ required: true, whitespace: true, message: '工号：请填写工号' }]}>
        <Input maxLength={32} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '姓名：请填写姓名' }]}>
        <Input maxLength={64} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="role" label="角色">
        <Select style={{ width: 140 }} options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
      </Form.Item>
      <Button type="primary" htmlType="submit">
        添加用户
      </Button>
    </Form>
  );
}

/** 用户: supervisors see the list, admins add users (clerks do not get this tab: users.list is a supervisor channel). */
export function UsersTab({ admin }: { admin: boolean }) {
  const [users, reload] = useLoaded(() => api.users.list(), 'users');
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      {admin && <CreateUserForm onCreated={reload} />}
      <LoadableView value={users}>
        {(list: UserInfo[]) => (
          <Table
            data-testid="user-table"
            size="small"
            rowKey="id"
            dataSource={list}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            columns={[
              { title: '工号', dataIndex: 'id' },
              { title: '姓名', dataIndex: 'name' },
              { title: '角色', dataIndex: 'role', render: (r: Role) => ROLE_LABELS[r] },
              {
                title: '状态',
                dataIndex: 'active',
                render: (active: boolean) => (active ? <Tag color="#237804">在用</Tag> : <Tag>停用</Tag>),
              },
              { title: '添加时间', dataIndex: 'createdAt', render: (at: string) => formatDateTime(at) },
            ]}
          />
        )}
      </LoadableView>
    </div>
  );
}
