import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import type { ApplicationDetail } from '../../../../shared/api/applications';
import type { ContractDetailsInput } from '../../../../shared/api/documents';

import { api } from '../../api';

type Values = Omit<ContractDetailsInput, 'number'>;

/**
 * 合同条款: what the contract prints beyond the application and the scheme — the 特别约定 (无 when empty), a
 * temporary supply's 用电用途及项目 and, for a high-voltage customer, the party details of the 用电人 block
 * (通讯地址 and 开户银行及账号 are required before the HV contract is generated). Saved through
 * contracts.setDetails (audited); the next generated contract prints them.
 */
export function ContractDetailsCard({ detail, onSaved }: { detail: ApplicationDetail; onSaved: () => Promise<void> }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [refusal, setRefusal] = useState<string | null>(null);
  const { record } = detail;
  // The HV and LV non-residential contracts print the customer's party details and need them (contractDetails.ts).
  const parties = detail.customerClass !== 'LVR';
  const temporary = detail.businessType === 'NEW_TEMP';
  const initialValues: Values = {
    specialTerms: record.specialTerms ?? '',
    ...(temporary ? { purpose: record.purpose ?? '' } : {}),
    ...(parties
      ? {
          address: record.customer.address ?? '',
          bankAccount: record.customer.bankAccount ?? '',
          email: record.customer.email ?? '',
        }
      : {}),
  };

  const save = async (values: Values) => {
    const result = await api.contracts.setDetails({ number: detail.number, ...values });
    if (!result.ok) {
      setRefusal(result.error.message);
      return;
    }
    setRefusal(null);
    message.success('合同条款已保存，生成合同时打印');
    await onSaved();
  };

  return (
    <Card size="small" title="合同条款" data-testid="contract-details" style={{ marginBottom: 16 }}>
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={(values) => void save(values)}>
        {parties && (
          <>
            <Form.Item name="address" label="用电人通讯地址（合同必填）">
              <Input maxLength={512} />
            </Form.Item>
            <Form.Item name="bankAccount" label="用电人开户银行及账号（合同必填）">
              <Input maxLength={128} />
            </Form.Item>
            <Form.Item name="email" label="用电人电子邮箱（通知送达，选填）">
              <Input maxLength={128} />
            </Form.Item>
          </>
        )}
        {temporary && (
          <Form.Item name="purpose" label="临时用电用途及项目（临时用电合同必填）">
            <Input maxLength={256} />
          </Form.Item>
        )}
        <Form.Item name="specialTerms" label="特别约定（不填则合同印“无”）">
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        {refusal && (
          <Alert
            type="error"
            showIcon
            title={refusal}
            style={{ marginBottom: 12 }}
            data-testid="contract-details-error"
          />
        )}
        <Button htmlType="submit">保存合同条款</Button>
      </Form>
    </Card>
  );
}
