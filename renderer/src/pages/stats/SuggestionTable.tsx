import { Alert, App, Input, Modal, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import {
  SUGGESTION_KIND_LABELS,
  SUGGESTION_STATUS_LABELS,
  SUGGESTION_STATUSES,
  type Suggestion,
  type SuggestionStatus,
} from '../../../../shared/api/portrait';
import { valuesText } from '../../../../shared/stats/portraitTables';
import { api } from '../../api';
import { hashOf } from '../../shell/routes';

/** The reason, the figures behind it and links to the applications: never a bare verdict. */
function Reason({ s }: { s: Suggestion }) {
  return (
    <Space orientation="vertical" size={2}>
      <Typography.Text>{s.reason}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {valuesText(s.values)}
      </Typography.Text>
      {s.applications.length > 0 && (
        <Space size={[8, 0]} wrap>
          {s.applications.map((number) => (
            <a key={number} href={hashOf({ key: 'application', number })}>
              {number}
            </a>
          ))}
        </Space>
      )}
    </Space>
  );
}

/** 不适用 needs a reason: asked in a dialog, then sent with the status. */
function DeclineDialog({ target, onDone }: { target: Suggestion | null; onDone: (reason: string | null) => void }) {
  const [reason, setReason] = useState('');
  return (
    <Modal
      open={target !== null}
      title={target ? `标为不适用：${SUGGESTION_KIND_LABELS[target.kind]}` : ''}
      okText="确定"
      cancelText="取消"
      onOk={() => {
        onDone(reason);
        setReason('');
      }}
      onCancel={() => onDone(null)}
      destroyOnHidden
    >
      {target && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>{target.reason}</Typography.Text>
          <label htmlFor="suggestion-decline-reason">不适用理由（记入审计日志）</label>
          <Input.TextArea
            id="suggestion-decline-reason"
            rows={3}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </Space>
      )}
    </Modal>
  );
}

/**
 * Suggestions and leads with their follow-up: 待跟进 → 已推荐 / 客户有意向 / 不适用 (with a reason), each one
 * audited change (portrait.setStatus). `onChanged` reloads what the caller shows.
 */
export function SuggestionTable({
  items,
  loading = false,
  testId,
  pagination,
  onChanged,
}: {
  items: readonly Suggestion[];
  loading?: boolean;
  testId: string;
  pagination?: { current: number; pageSize: number; total: number; onChange: (page: number) => void } | undefined;
  onChanged: () => void;
}) {
  const { message } = App.useApp();
  const [declining, setDeclining] = useState<Suggestion | null>(null);
  const [error, setError] = useState<string | null>(null);
  const send = async (s: Suggestion, status: SuggestionStatus, reason?: string) => {
    const result = await api.portrait.setStatus({
      kind: s.kind,
      subject: s.subject,
      status,
      ...(reason ? { reason } : {}),
    });
    if (!result.ok) return setError(result.error.problems?.[0]?.message ?? result.error.message);
    setError(null);
    message.success(`已记录：${SUGGESTION_STATUS_LABELS[status]}`);
    onChanged();
  };
  return (
    <>
      {error && <Alert type="error" showIcon closable title={error} onClose={() => setError(null)} />}
      <Table<Suggestion>
        size="small"
        rowKey={(s) => `${s.kind}|${s.subject}`}
        data-testid={testId}
        loading={loading}
        dataSource={[...items]}
        locale={{ emptyText: '没有建议' }}
        pagination={
          pagination
            ? {
                current: pagination.current,
                pageSize: pagination.pageSize,
                total: pagination.total,
                showSizeChanger: false,
                showTotal: (total) => `共 ${total} 条`,
                onChange: pagination.onChange,
              }
            : false
        }
        columns={[
          {
            title: '类型',
            key: 'kind',
            width: 150,
            render: (_, s) => <Typography.Text strong>{SUGGESTION_KIND_LABELS[s.kind]}</Typography.Text>,
          },
          {
            title: '客户',
            key: 'customers',
            width: 180,
            render: (_, s) => s.customers.map((c) => c.name).join('、'),
          },
          { title: '理由与依据', key: 'reason', render: (_, s) => <Reason s={s} /> },
          { title: '建议措施', dataIndex: 'action', key: 'action', width: 220 },
          {
            title: '跟进',
            key: 'status',
            width: 150,
            render: (_, s) => (
              <Space orientation="vertical" size={4}>
                {s.statusBy && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {s.statusBy} {s.statusAt?.slice(0, 10)}
                  </Typography.Text>
                )}
                {s.statusReason && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {s.statusReason}
                  </Typography.Text>
                )}
                <Select<SuggestionStatus>
                  aria-label={`跟进状态：${SUGGESTION_KIND_LABELS[s.kind]}`}
                  size="small"
                  style={{ width: 120 }}
                  value={s.status}
                  onChange={(status) => (status === 'declined' ? setDeclining(s) : void send(s, status))}
                  options={SUGGESTION_STATUSES.map((status) => ({
                    value: status,
                    label: SUGGESTION_STATUS_LABELS[status],
                  }))}
                />
              </Space>
            ),
          },
        ]}
      />
      <DeclineDialog
        target={declining}
        onDone={(reason) => {
          const target = declining;
          setDeclining(null);
          if (target && reason !== null) void send(target, 'declined', reason);
        }}
      />
    </>
  );
}
