import { App, Button, Card, Form, InputNumber, Typography } from 'antd';
import type { AuthStatus } from '../../../../shared/api/auth';
import { api } from '../../api';
import { LoadableView } from '../../components/LoadableView';
import { useLoaded } from '../../shell/useLoaded';

/**
 * 无操作锁屏: how many idle minutes lock the screen (1–120, checked again by the main process's zod schema).
 * The input does not clamp: 121 would silently become 120, so the field says what is wrong instead.
 * Everyone sees the value; only admins change it. It applies from the next sign-in, when the window reads it.
 */
export function IdleLockCard({ admin }: { admin: boolean }) {
  const { message } = App.useApp();
  const [status, reload] = useLoaded(() => api.auth.status(), 'idle-lock');
  const [form] = Form.useForm<{ minutes: number }>();
  const save = async ({ minutes }: { minutes: number }) => {
    const result = await api.settings.idleLock({ minutes });
    if (!result.ok) {
      const problem = result.error.problems?.find((p) => p.field === 'minutes')?.message ?? result.error.message;
      form.setFields([{ name: 'minutes', errors: [problem] }]);
      return;
    }
    void message.success(`无操作锁屏时间已保存：${result.value.minutes} 分钟，下次登录起生效`);
    reload();
  };
  return (
    <Card title="无操作锁屏" size="small" data-testid="idle-lock">
      <LoadableView value={status}>
        {(s: AuthStatus) =>
          admin ? (
            <Form
              form={form}
              layout="inline"
              initialValues={{ minutes: s.idleLockMinutes }}
              onFinish={(v) => void save(v)}
            >
              <Form.Item
                name="minutes"
                label="无操作多少分钟后锁屏"
                rules={[
                  { required: true, message: '请填写分钟数' },
                  { type: 'integer', min: 1, max: 120, message: '应为 1–120 的整数分钟' },
                ]}
              >
                <InputNumber precision={0} addonAfter="分钟" style={{ width: 200 }} />
              </Form.Item>
              <Button type="primary" htmlType="submit">
                保存
              </Button>
            </Form>
          ) : (
            <Typography.Text>无操作 {s.idleLockMinutes} 分钟后自动锁屏，解锁需本人密码。</Typography.Text>
          )
        }
      </LoadableView>
    </Card>
  );
}
