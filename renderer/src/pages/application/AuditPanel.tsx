import { Table } from 'antd';
import type { AuditEntry } from '../../../../shared/api/audit';
import { STAGE_LABELS, STAGES, type Stage } from '../../../../shared/domain/codes';
import { fieldLabel } from '../../../../shared/rules';
import { formatDateTime } from '../../format/dates';

const ACTION_LABELS: Record<string, string> = {
  'application.create': '受理申请',
  'application.update': '修改申请',
  'application.advance': '推进环节',
  'application.return': '退回',
  'application.suspend': '挂起',
  'application.resume': '恢复办理',
  'application.cancel': '终止',
  'application.archive': '归档',
};

const FIELD_LABELS: Record<string, string> = {
  stage: '办理环节',
  status: '状态',
  stageDue: '环节到期日',
  totalDue: '全流程到期日',
  closedAt: '办结时间',
  number: '申请编号',
};

function show(value: unknown): string {
  if (value === null || value === undefined) return '（无）';
  if (typeof value === 'string' && (STAGES as readonly string[]).includes(value)) return STAGE_LABELS[value as Stage];
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function label(field: string): string {
  return FIELD_LABELS[field] ?? fieldLabel(field.replace(/^record\./, ''));
}

/** 审计记录: every change to this application, who made it and what changed, field by field. */
export function AuditPanel({ entries }: { entries: AuditEntry[] }) {
  return (
    <Table<AuditEntry>
      size="small"
      rowKey="id"
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      dataSource={entries}
      data-testid="audit"
      columns={[
        { title: '时间', width: 150, render: (_, e) => formatDateTime(e.at) },
        { title: '操作人', width: 110, render: (_, e) => e.userName || e.userId },
        { title: '操作', width: 110, render: (_, e) => ACTION_LABELS[e.action] ?? e.action },
        {
          title: '变更内容',
          render: (_, e) => (
            <div
              style={{ maxHeight: 160, overflow: 'auto' }}
              tabIndex={0}
              role="region"
              aria-label={`变更内容 ${e.id}`}
            >
              {e.action === 'application.create'
                ? '新建申请记录（全部字段）'
                : Object.entries(e.diff).map(([field, change]) => (
                    <div key={field}>
                      {label(field)}：{show(change.before)} → {show(change.after)}
                    </div>
                  ))}
            </div>
          ),
        },
      ]}
    />
  );
}
