import { Alert, App, Button, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import type { SchemeVersion } from '../../../../shared/api/schemes';
import { api } from '../../api';
import { todayInShanghai } from '../../format/dates';

/**
 * 有效期至 of the approved scheme and, for a supervisor, its one extension on the customer's written request
 * (R-GATE-04: asked at least 10 days before expiry, no longer than the original validity; checked and audited by
 * the main process, whose refusal is shown as it comes).
 */
export function SchemeExtension({
  number,
  approved,
  supervisor,
  onExtended,
}: {
  number: string;
  approved: SchemeVersion;
  supervisor: boolean;
  onExtended: () => Promise<void>;
}) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [until, setUntil] = useState('');
  const [requestedOn, setRequestedOn] = useState(todayInShanghai());
  const [reason, setReason] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const expired = todayInShanghai() > approved.validUntil;

  const extend = async () => {
    const result = await api.schemes.extend({ number, version: approved.version, until, requestedOn, reason });
    if (!result.ok) {
      setRefusal(result.error.message);
      return;
    }
    setRefusal(null);
    setOpen(false);
    message.success(`供电方案第 ${approved.version} 版有效期已延至 ${result.value.validUntil}`);
    await onExtended();
  };

  return (
    <div data-testid="scheme-validity" style={{ marginTop: 12 }}>
      <Space wrap>
        <Typography.Text type={expired ? 'danger' : undefined}>
          现行方案第 {approved.version} 版有效期至 <strong>{approved.validUntil}</strong>
          {approved.extendedUntil ? '（已延期）' : ''}
          {expired ? '，已过期：受电工程开工前过期的方案作废，须重新拟定并审批。' : ''}
        </Typography.Text>
        {supervisor && !approved.extendedUntil && !open && (
          <Button size="small" onClick={() => setOpen(true)}>
            延长有效期
          </Button>
        )}
      </Space>
      {open && (
        <Space wrap style={{ marginTop: 8 }}>
          <Input
            aria-label="客户申请日期"
            addonBefore="客户申请日期"
            value={requestedOn}
            onChange={(e) => setRequestedOn(e.target.value)}
            style={{ width: 240 }}
          />
          <Input
            aria-label="延期至"
            addonBefore="延期至"
            placeholder="YYYY-MM-DD"
            value={until}
            onChange={(e) => setUntil(e.target.value)}
            style={{ width: 200 }}
          />
          <Input
            aria-label="延期理由"
            placeholder="延期理由（必填）"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            style={{ width: 300 }}
          />
          <Button type="primary" onClick={() => void extend()}>
            确认延期
          </Button>
          <Button onClick={() => setOpen(false)}>取消</Button>
        </Space>
      )}
      {refusal && (
        <Alert type="error" showIcon title={refusal} style={{ marginTop: 8 }} data-testid="extension-error" />
      )}
    </div>
  );
}
