import { Alert, App, Button, Card, Descriptions, Skeleton, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import type { ApplicationInput, DocumentCode } from '../../../../shared/domain/application';
import { api } from '../../api';
import { BUSINESS_TYPE_INFO, CUSTOMER_CLASS_LABELS, roleAtLeast, STAGE_LABELS } from '../../../../shared/domain/codes';
import { papersFor } from '../../../../shared/workflow/contractPaper';
import { DeadlineTag, StatusTag } from '../../components/StatusTags';
import { AuditPanel } from './AuditPanel';
import { CompletionCheck } from './CompletionCheck';
import { ContractDetailsCard } from './ContractDetailsCard';
import { CorrectionForm } from './CorrectionForm';
import { DocumentsPanel } from './DocumentsPanel';
import { LinkedApplications } from './LinkedApplications';
import { ProgressPanel } from './ProgressPanel';
import { PaperworkPanel } from './PaperworkPanel';
import { RecordPanel } from './RecordPanel';
import { RiskFlagsPanel } from './RiskFlagsPanel';
import { SchemePanel } from './SchemePanel';
import { StageActions } from './StageActions';
import { useApplication } from './useApplication';
import { useSessionRole } from '../../shell/SessionContext';

/** 申请详情: where the application stands, what may happen next, and everything that happened. */
export function ApplicationPage({ number }: { number: string }) {
  const { data, reload } = useApplication(number);
  const { message } = App.useApp();
  const [correcting, setCorrecting] = useState(false);
  const role = useSessionRole();
  if (data.state === 'loading') return <Skeleton active />;
  if (data.state === 'error') return <Alert type="error" showIcon title="无法打开申请" description={data.message} />;
  const { detail, audit } = data;

  /** Progress recorded on the record (a document received, the completion check): an audited update. */
  const recordProgress = async (change: Partial<ApplicationInput>) => {
    const result = await api.applications.update({ number, record: { ...detail.record, ...change } });
    if (result.ok) await reload();
    else message.error(result.error.message);
  };
  const receive = (code: DocumentCode) => {
    const received = { code, status: 'RECEIVED' as const };
    const registered = detail.record.documents.some((d) => d.code === code);
    const documents = registered
      ? detail.record.documents.map((d) => (d.code === code ? received : d))
      : [...detail.record.documents, received];
    return recordProgress({ documents });
  };
  return (
    <Card>
      <Typography.Title level={3} data-testid="page-title" style={{ marginTop: 0 }}>
        申请详情 {detail.number}
      </Typography.Title>
      <Descriptions size="small" column={4} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="业务类型">{BUSINESS_TYPE_INFO[detail.businessType].label}</Descriptions.Item>
        <Descriptions.Item label="用户分类">{CUSTOMER_CLASS_LABELS[detail.customerClass]}</Descriptions.Item>
        <Descriptions.Item label="当前环节">
          <span data-testid="current-stage">{STAGE_LABELS[detail.stage]}</span>
        </Descriptions.Item>
        <Descriptions.Item label="状态">
          <Space>
            <span data-testid="current-status">
              <StatusTag status={detail.status} />
            </span>
            <DeadlineTag state={detail.deadlines.stageState} />
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label="环节到期">{detail.deadlines.stageDue ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="全流程到期">{detail.deadlines.totalDue ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="户名">{detail.customerName}</Descriptions.Item>
        {detail.links.length > 0 && (
          <Descriptions.Item label="关联申请" span={2}>
            <LinkedApplications links={detail.links} />
          </Descriptions.Item>
        )}
      </Descriptions>
      <StageActions detail={detail} onMoved={reload}>
        <CompletionCheck detail={detail} onPassed={() => void recordProgress({ completionCheckPassed: true })} />
      </StageActions>
      <Tabs
        style={{ marginTop: 16 }}
        items={[
          { key: 'progress', label: '办理进度', children: <ProgressPanel detail={detail} audit={audit} /> },
          {
            key: 'record',
            label: '申请信息',
            children: correcting ? (
              <CorrectionForm
                detail={detail}
                onDone={async () => {
                  setCorrecting(false);
                  await reload();
                }}
              />
            ) : (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {(detail.status === 'ACTIVE' || detail.status === 'SUSPENDED') && (
                  <Button onClick={() => setCorrecting(true)}>更正申请信息</Button>
                )}
                <RecordPanel detail={detail} />
              </Space>
            ),
          },
          {
            key: 'documents',
            label: '资料清单',
            children: <DocumentsPanel detail={detail} onReceive={(code) => void receive(code)} />,
          },
          { key: 'scheme', label: '供电方案', children: <SchemePanel detail={detail} onChanged={reload} /> },
          {
            key: 'paperwork',
            label: '合同与文书',
            children: (
              <>
                {papersFor(detail.businessType).includes('contract') && (
                  <ContractDetailsCard detail={detail} onSaved={reload} />
                )}
                <PaperworkPanel number={detail.number} businessType={detail.businessType} />
              </>
            ),
          },
          { key: 'audit', label: `审计记录（${audit.length}）`, children: <AuditPanel entries={audit} /> },
          // Risk flags are the supervisor's (risk.list refuses clerks).
          ...(roleAtLeast(role, 'supervisor')
            ? [
                {
                  key: 'risk',
                  label: '风险',
                  children: <RiskFlagsPanel number={detail.number} revision={audit.length} />,
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
