import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import type { SignedInUser } from '../../../shared/api/auth';
import { api } from '../api';
import { AuthScreen } from './AuthScreen';
import { showFieldErrors } from './fieldErrors';

interface Values {
  current: string;
  next: string;
  confirm: string;
}

/** 修改密码, forced after an administrator's reset: nothing else opens until it is done. */
export function ChangePasswordScreen({
  user,
  onChanged,
  onSignOut,
}: {
  user: SignedInUser;
  onChanged: () => void;
  onSignOut: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const submit = async ({ current, next }: Values) => {
    const result = await api.auth.changePassword({ current, next });
    if (result.ok) onChanged();
    else setError(showFieldErrors(form, result.error, ['current', 'next']));
  };
  return (
    <AuthScreen title="修改密码">
      <Typography.Paragraph>
        {user.name}（{user.id}）：您的密码已由系统管理员重置，请先设置自己的新密码（至少 8 位）。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
        <Form.Item name="current" label="当前（临时）密码" rules={[{ required: true, message: '当前密码：请填写' }]}>
          <Input.Password autoFocus autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="next" label="新密码" rules={[{ required: true, min: 8, message: '新密码：至少 8 位' }]}>
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="再次输入新密码"
          dependencies={['next']}
          rules={[
            { required: true, message: '再次输入新密码：请填写' },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                value === getFieldValue('next')
                  ? Promise.resolve()
                  : Promise.reject(new Error('两次输入的新密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block>
          保存新密码
        </Button>
        <Button type="link" block onClick={onSignOut} style={{ marginTop: 8 }}>
          换班（退出登录）
        </Button>
      </Form>
    </AuthScreen>
  );
}
