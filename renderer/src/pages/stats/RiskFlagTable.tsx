import { Alert, Button, Input, Modal, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import {
  evidenceEntries,
  RISK_FLAG_STATUS_LABELS,
  RISK_SEVERITY_LABELS,
  RISK_STAGE_LABELS,
  type RiskEvidenceField,
  type RiskFlag,
  type RiskFlagPage,
  type RiskSeverity,
} from '../../../../shared/api/risk';
import { api } from '../../api';
import { hashOf } from '../../shell/routes';
import { FlagApplicationsDialog } from './FlagApplicationsDialog';

// Dark enough for AA contrast on the tag's light background.
const SEVERITY_COLORS: Record<RiskSeverity, string> = { high: '#a8071a', medium: '#ad4e00', low: '#595959' };

/**
 * The evidence of a flag: its summary, links to its applications (the first ones, and 查看全部 for all of them when
 * the evidence lists only those), and the values behind it in the order, with the units and date format, its
 * detector declares (`fields`).
 */
function Evidence({
  flag,
  fields,
  onShowAll,
}: {
  flag: RiskFlag;
  fields: readonly RiskEvidenceField[];
  onShowAll: () => void;
}) {
  return (
    <Space orientation="vertical" size={2}>
      <Typography.Text>{flag.summary}</Typography.Text>
      {flag.applications.length > 0 && (
        <Space size={[8, 0]} wrap>
          {flag.applications.map((number) => (
            <a key={number} href={hashOf({ key: 'application', number })}>
              {number}
            </a>
          ))}
          {flag.applicationCount > flag.applications.length && (
            <Button type="link" size="small" onClick={onShowAll}>
              查看全部 {flag.applicationCount} 项申请
            </Button>
          )}
        </Space>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {evidenceEntries(fields, flag.values)
          .map(({ label, text }) => `${label}：${text}`)
          .join('；')}
      </Typography.Text>
    </Space>
  );
}

/** 关闭风险标记: a supervisor's reason, sent to risk.close (audited). */
function CloseDialog({ flag, onClose }: { flag: RiskFlag | null; onClose: (closed: boolean) => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!flag) return;
    setBusy(true);
    const result = await api.risk.close({ id: flag.id, reason });
    setBusy(false);
    if (!result.ok) return setError(result.error.problems?.[0]?.message ?? result.error.message);
    setReason('');
    setError(null);
    onClose(true);
  };
  return (
    <Modal
      open={flag !== null}
      title={flag ? `关闭风险标记：${flag.detectorName}` : ''}
      okText="关闭标记"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={() => {
        setError(null);
        onClose(false);
      }}
      destroyOnHidden
    >
      {flag && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>{flag.summary}</Typography.Text>
          <Typography.Text type="secondary">建议：{flag.action}</Typography.Text>
          <label htmlFor="risk-close-reason">关闭理由（记入审计日志；证据变化时标记自动重新打开）</label>
          <Input.TextArea
            id="risk-close-reason"
            rows={3}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            status={error ? 'error' : undefined}
          />
          {error && <Alert type="error" showIcon title={error} />}
        </Space>
      )}
    </Modal>
  );
}

/**
 * Risk flags as a table: detector, severity, evidence with links to the applications, status, and 关闭 for
 * open ones. The caller loads the page (`page`) and reloads it after a close (`onChanged`).
 */
export function RiskFlagTable({
  page,
  loading,
  pagination,
  onChanged,
}: {
  page: RiskFlagPage | null;
  loading: boolean;
  pagination?: { current: number; pageSize: number; onChange: (page: number) => void } | undefined;
  onChanged: () => void;
}) {
  const [closing, setClosing] = useState<RiskFlag | null>(null);
  const [listing, setListing] = useState<RiskFlag | null>(null);
  const detectors = new Map(page?.detectors.map((d) => [d.id, d]));
  return (
    <>
      <Table<RiskFlag>
        size="small"
        rowKey="id"
        data-testid="risk-flags"
        loading={loading}
        dataSource={page?.items ?? []}
        locale={{ emptyText: '没有风险标记' }}
        pagination={
          pagination && {
            current: pagination.current,
            pageSize: pagination.pageSize,
            total: page?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => `共 ${total} 条`,
            onChange: pagination.onChange,
          }
        }
        columns={[
          {
            title: '检测项',
            key: 'detector',
            width: 200,
            render: (_, flag) => (
              <Tooltip title={detectors.get(flag.detectorId)?.explanation}>
                <Space orientation="vertical" size={0}>
                  <Typography.Text strong>{flag.detectorName}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {flag.detectorId} · {RISK_STAGE_LABELS[flag.stage]}
                  </Typography.Text>
                </Space>
              </Tooltip>
            ),
          },
          {
            title: '严重程度',
            key: 'severity',
            width: 90,
            render: (_, flag) => (
              <Tag color={SEVERITY_COLORS[flag.severity]}>{RISK_SEVERITY_LABELS[flag.severity]}</Tag>
            ),
          },
          {
            title: '证据',
            key: 'evidence',
            render: (_, flag) => (
              <Evidence
                flag={flag}
                fields={detectors.get(flag.detectorId)?.evidence ?? []}
                onShowAll={() => setListing(flag)}
              />
            ),
          },
          {
            title: '状态',
            key: 'status',
            width: 170,
            render: (_, flag) =>
              flag.status === 'open' ? (
                <Space orientation="vertical" size={4}>
                  <Typography.Text>{RISK_FLAG_STATUS_LABELS.open}</Typography.Text>
                  <Button size="small" onClick={() => setClosing(flag)} aria-label={`关闭风险标记 ${flag.id}`}>
                    关闭…
                  </Button>
                </Space>
              ) : (
                <Space orientation="vertical" size={0}>
                  <Typography.Text>{RISK_FLAG_STATUS_LABELS.closed}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {flag.closedBy}：{flag.closeReason}
                  </Typography.Text>
                </Space>
              ),
          },
        ]}
      />
      <FlagApplicationsDialog flag={listing} onClose={() => setListing(null)} />
      <CloseDialog
        flag={closing}
        onClose={(closed) => {
          setClosing(null);
          if (closed) onChanged();
        }}
      />
    </>
  );
}
