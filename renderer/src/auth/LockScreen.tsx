import { LockOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import type { SignedInUser } from '../../../shared/api/auth';
import { api } from '../api';

/**
 * 锁屏: covers the whole window (nothing of the screen below shows) while the shell stays mounted underneath,
 * so what was typed in an open form is still there after unlocking. Only the same user's password unlocks;
 * 换班 signs out instead.
 */
export function LockScreen({
  user,
  onUnlocked,
  onSignOut,
}: {
  user: SignedInUser;
  onUnlocked: () => void;
  onSignOut: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ password: string }>();
  const submit = async ({ password }: { password: string }) => {
    const result = await api.auth.unlock({ password });
    form.resetFields();
    if (result.ok) onUnlocked();
    else setError(result.error.message);
  };
  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-label="屏幕已锁定"
      data-testid="lock-screen"
      style={{
        position: 'fixed',
        inset: 0,
        zIndex: 3000,
        background: '#f3f6f5',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
      }}
    >
      <div style={{ width: 380, background: '#fff', padding: 32, borderRadius: 8, border: '1px solid #d9d9d9' }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          <LockOutlined style={{ marginRight: 8 }} />
          屏幕已锁定
        </Typography.Title>
        <Typography.Paragraph>
          {user.name}（{user.id}）已锁屏。请输入本人密码解锁，未保存的录入内容仍在。
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '密码：请填写密码' }]}>
            <Input.Password autoFocus autoComplete="current-password" />
          </Form.Item>
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            <Button type="primary" htmlType="submit">
              解锁
            </Button>
            <Button onClick={onSignOut}>换班（退出登录）</Button>
          </Space>
        </Form>
      </div>
    </div>
  );
}
