import { App, Button, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
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
  password: string;
}

const passwordRules = [
  { required: true, message: '请填写临时密码' },
  { min: 8, message: '密码至少 8 位' },
];

/**
 * Admins add users; the 工号 is permanent, so a wrong one is a new user, not an edit. The administrator sets a
 * temporary password and tells it to the user, who must change it at the first sign-in.
 */
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
      <Form.Item name="password" label="临时密码" rules={passwordRules} tooltip="用户首次登录时必须改为自己的密码">
        <Input.Password maxLength={128} style={{ width: 160 }} autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit">
        添加用户
      </Button>
    </Form>
  );
}

/** 重置密码: a forgotten password gets a temporary one, which the user must change at the next sign-in. */
function ResetPasswordModal({ user, onClose }: { user: UserInfo | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const reset = async ({ password }: { password: string }) => {
    if (!user) return;
    const result = await api.users.resetPassword({ id: user.id, password });
    if (!result.ok) {
      form.setFields([{ name: 'password', errors: [result.error.message] }]);
      return;
    }
    void message.success(`已重置 ${user.name} 的密码：请把临时密码告诉本人，下次登录时须改为自己的密码`);
    form.resetFields();
    onClose();
  };
  return (
    <Modal
      open={user !== null}
      title={user ? `重置密码：${user.name}（${user.id}）` : ''}
      okText="重置密码"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={() => {
        form.resetFields();
        onClose();
      }}
      destroyOnHidden
    >
      <Form
        form={form}
        // Named so its field ids (password-reset_password) do not clash with the create form's password field.
        name="password-reset"
        layout="vertical"
        onFinish={(v) => void reset(v)}
        data-testid="password-reset"
      >
        <Form.Item name="password" label="临时密码" rules={passwordRules} extra="该用户下次登录时必须改为自己的密码。">
          <Input.Password maxLength={128} autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 用户: supervisors see the list, admins add users (clerks do not get this tab: users.list is a supervisor channel). */
export function UsersTab({ admin }: { admin: boolean }) {
  const [users, reload] = useLoaded(() => api.users.list(), 'users');
  const [resetting, setResetting] = useState<UserInfo | null>(null);
  const adminColumns = admin
    ? [
        {
          title: '操作',
          key: 'actions',
          render: (_: unknown, user: UserInfo) => (
            <Button size="small" onClick={() => setResetting(user)} aria-label={`重置 ${user.name} 的密码`}>
              重置密码
            </Button>
          ),
        },
      ]
    : [];
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      {admin && <CreateUserForm onCreated={reload} />}
      {admin && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
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
              ...adminColumns,
            ]}
          />
        )}
      </LoadableView>
    </div>
  );
}
