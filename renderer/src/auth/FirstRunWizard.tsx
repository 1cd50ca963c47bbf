import { Alert, Button, Checkbox, Form, Input, Steps, Typography } from 'antd';
import { useState } from 'react';
import type { FirstRunInput } from '../../../shared/api/auth';
import { api } from '../api';
import { AuthScreen } from './AuthScreen';
import { showFieldErrors } from './fieldErrors';

type Values = FirstRunInput & { confirm: string };

const STEP_FIELDS: string[][][] = [
  [
    ['hall', 'code'],
    ['hall', 'name'],
  ],
  [['admin', 'id'], ['admin', 'name'], ['admin', 'password'], ['confirm']],
  [
    ['documents', 'utilityName'],
    ['documents', 'address'],
    ['documents', 'phone'],
    ['documents', 'hotline'],
  ],
];
const KNOWN = STEP_FIELDS.flat().map((path) => path.join('.'));
const required = (label: string) => [{ required: true, whitespace: true, message: `${label}：请填写` }];

/**
 * 首次启动: a data folder nobody can sign in to. Three steps: 营业厅 (skipped when the folder already has one),
 * the first 系统管理员 with a password, and the 文书抬头 printed on replies and contracts; optionally demo data.
 */
export function FirstRunWizard({ hall, onDone }: { hall: { code: string; name: string } | null; onDone: () => void }) {
  const [form] = Form.useForm<Values>();
  const first = hall ? 1 : 0;
  const [step, setStep] = useState(first);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const next = async () => {
    await form.validateFields(STEP_FIELDS[step]);
    setStep(step + 1);
  };
  const finish = async () => {
    await form.validateFields(STEP_FIELDS[2]);
    const { confirm: _confirm, hall: hallValues, ...rest } = form.getFieldsValue(true) as Values;
    setBusy(true);
    const result = await api.auth.firstRun({
      ...rest,
      demo: Boolean(rest.demo),
      ...(hall ? {} : { hall: hallValues }),
    });
    setBusy(false);
    if (result.ok) {
      onDone();
      return;
    }
    const unplaced = showFieldErrors(form, result.error, KNOWN);
    const wrongStep = STEP_FIELDS.findIndex((fields) =>
      fields.some((path) => form.getFieldError(path as never).length > 0),
    );
    if (wrongStep >= first && wrongStep !== step) setStep(wrongStep);
    setError(unplaced);
  };

  return (
    <AuthScreen title="首次启动设置" width={620}>
      <Typography.Paragraph type="secondary">
        此数据目录还没有可登录的用户。请设置营业厅、第一位系统管理员和文书抬头；完成后即以该管理员登录。
      </Typography.Paragraph>
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 24 }}
        items={[{ title: '营业厅' }, { title: '系统管理员' }, { title: '文书抬头' }]}
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ demo: false, documents: { hotline: '95598' } }}
      >
        <div hidden={step !== 0}>
          <Form.Item
            name={['hall', 'code']}
            label="营业厅编号"
            extra="2–12 位大写字母或数字，是所有申请编号与合同编号的前缀，设置后不能更改。"
            rules={[
              ...required('营业厅编号'),
              { pattern: /^[A-Z0-9]{2,12}$/, message: '营业厅编号：应为 2–12 位大写字母或数字' },
            ]}
          >
            <Input maxLength={12} />
          </Form.Item>
          <Form.Item name={['hall', 'name']} label="营业厅名称" rules={required('营业厅名称')}>
            <Input maxLength={100} />
          </Form.Item>
        </div>
        <div hidden={step !== 1}>
          <Form.Item
            name={['admin', 'id']}
            label="工号"
            rules={[
              ...required('工号'),
              { pattern: /^[A-Za-z0-9_.-]{2,32}$/, message: '工号：应为 2–32 位字母、数字或 _.-' },
            ]}
          >
            <Input maxLength={32} autoComplete="username" />
          </Form.Item>
          <Form.Item name={['admin', 'name']} label="姓名" rules={required('姓名')}>
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item
            name={['admin', 'password']}
            label="密码"
            extra="至少 8 位。请牢记：忘记后只能由另一位系统管理员重置。"
            rules={[{ required: true, min: 8, message: '密码：至少 8 位' }]}
          >
            <Input.Password maxLength={128} autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label="再次输入密码"
            dependencies={[['admin', 'password']]}
            rules={[
              { required: true, message: '再次输入密码：请填写' },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  value === getFieldValue(['admin', 'password'])
                    ? Promise.resolve()
                    : Promise.reject(new Error('两次输入的密码不一致')),
              }),
            ]}
          >
            <Input.Password maxLength={128} autoComplete="new-password" />
          </Form.Item>
        </div>
        <div hidden={step !== 2}>
          <Form.Item name={['documents', 'utilityName']} label="供电企业名称" rules={required('供电企业名称')}>
            <Input maxLength={128} />
          </Form.Item>
          <Form.Item name={['documents', 'address']} label="营业厅地址" rules={required('营业厅地址')}>
            <Input maxLength={256} />
          </Form.Item>
          <Form.Item name={['documents', 'phone']} label="营业厅电话" rules={required('营业厅电话')}>
            <Input maxLength={32} />
          </Form.Item>
          <Form.Item name={['documents', 'hotline']} label="服务热线" rules={required('服务热线')}>
            <Input maxLength={16} />
          </Form.Item>
          <Form.Item name="demo" valuePropName="checked">
            <Checkbox>载入演示数据（200 件虚构申请，分布在最近三年，用于培训与试用；正式营业厅请勿勾选）</Checkbox>
          </Form.Item>
        </div>
      </Form>
      <div style={{ display: 'flex', justifyContent: 'space-between' }}>
        <Button disabled={step === first} onClick={() => setStep(step - 1)}>
          上一步
        </Button>
        {step < 2 ? (
          <Button type="primary" onClick={() => void next().catch(() => undefined)}>
            下一步
          </Button>
        ) : (
          <Button type="primary" loading={busy} onClick={() => void finish().catch(() => undefined)}>
            完成设置并登录
          </Button>
        )}
      </div>
    </AuthScreen>
  );
}
