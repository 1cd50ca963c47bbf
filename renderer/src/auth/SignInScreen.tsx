import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api';
import { AuthScreen } from './AuthScreen';

/** 登录: staff number and password; the main process keeps the session, the page only learns who signed in. */
export function SignInScreen({ hallName, onSignedIn }: { hallName: string | null; onSignedIn: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (values: { id: string; password: string }) => {
    setBusy(true);
    const result = await api.auth.signIn(values);
    setBusy(false);
    if (result.ok) onSignedIn();
    else setError(result.error.message);
  };
  return (
    <AuthScreen title="登录">
      <Typography.Paragraph type="secondary">{hallName ?? '业扩报装营业厅客户端'}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="sign-in-error" />}
      <Form layout="vertical" onFinish={(v: { id: string; password: string }) => void submit(v)} requiredMark={false}>
        <Form.Item name="id" label="工号" rules={[{ required: true, whitespace: true, message: '工号：请填写工号' }]}>
          <Input autoFocus autoComplete="username" maxLength={32} />
        </Form.Item>
        <Form.Item name="password" label="密码" rules={[{ required: true, message: '密码：请填写密码' }]}>
          <Input.Password autoComplete="current-password" maxLength={128} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          登录
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
        忘记密码请找系统管理员在“系统设置 › 用户”中重置；连续 5 次密码错误将锁定账号 15 分钟。
      </Typography.Paragraph>
    </AuthScreen>
  );
}
