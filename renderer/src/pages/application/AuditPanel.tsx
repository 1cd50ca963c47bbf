import { Table } from 'antd';
import type { AuditEntry } from '../../../../shared/api/audit';
import { auditActionLabel, auditFieldLabel, auditValueLabel } from '../../../../shared/domain/auditLabels';
import type { Acknowledgement } from '../../../../shared/domain/application';
import { RULES_BY_ID } from '../../../../shared/rules';
import { formatDateTime } from '../../format/dates';

/** The warnings confirmed when the record was created, each with its rule's title and the clerk's reason. */
function acknowledgedAtCreation(entry: AuditEntry): Acknowledgement[] {
  const record = entry.diff.record?.after as { acknowledgements?: Acknowledgement[] } | undefined;
  return record?.acknowledgements ?? [];
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
        { title: '操作', width: 110, render: (_, e) => auditActionLabel(e.action) },
        {
          title: '变更内容',
          render: (_, e) => (
            <div
              style={{ maxHeight: 160, overflow: 'auto' }}
              tabIndex={0}
              role="region"
              aria-label={`变更内容 ${e.id}`}
            >
              {e.action === 'application.create' ? (
                <>
                  <div>新建申请记录（全部字段）</div>
                  {acknowledgedAtCreation(e).map((a) => (
                    <div key={a.ruleId}>
                      确认警告 {a.ruleId}（{RULES_BY_ID.get(a.ruleId)?.title ?? '规则'}）：{a.reason}
                    </div>
                  ))}
                </>
              ) : (
                Object.entries(e.diff).map(([field, change]) => (
                  <div key={field}>
                    {auditFieldLabel(field)}：{auditValueLabel(change.before)} → {auditValueLabel(change.after)}
                  </div>
                ))
              )}
            </div>
          ),
        },
      ]}
    />
  );
}
