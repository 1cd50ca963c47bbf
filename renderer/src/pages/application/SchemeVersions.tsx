import { Table, Tag } from 'antd';
import type { SchemeStatus, SchemeVersion } from '../../../../shared/api/schemes';
import { schemeDifferences } from '../../../../shared/domain/schemeDiff';
import { formatDateTime } from '../../format/dates';

const STATUS: Record<SchemeStatus, { label: string; color?: string }> = {
  draft: { label: '草稿', color: '#ad4e00' },
  approved: { label: '已审批', color: '#237804' },
  superseded: { label: '已被取代' },
};

/** Version history, each version compared side by side with the one before it. */
export function SchemeVersions({ versions }: { versions: SchemeVersion[] }) {
  return (
    <Table<SchemeVersion>
      size="small"
      rowKey="version"
      pagination={false}
      dataSource={[...versions].reverse()}
      data-testid="scheme-versions"
      expandable={{
        rowExpandable: (row) => row.version > 1,
        expandedRowRender: (row) => {
          const previous = versions.find((v) => v.version === row.version - 1);
          const differences = schemeDifferences(previous?.content, row.content);
          return (
            <Table
              size="small"
              rowKey="path"
              pagination={false}
              dataSource={differences}
              columns={[
                { title: '项目', dataIndex: 'label', width: '30%' },
                { title: `第 ${row.version - 1} 版`, dataIndex: 'before' },
                { title: `第 ${row.version} 版`, dataIndex: 'after' },
              ]}
            />
          );
        },
      }}
      columns={[
        { title: '版本', dataIndex: 'version', width: 70, render: (v: number) => `第 ${v} 版` },
        {
          title: '状态',
          width: 100,
          render: (_, row) => <Tag color={STATUS[row.status].color}>{STATUS[row.status].label}</Tag>,
        },
        { title: '拟定', render: (_, row) => `${row.createdByName ?? row.createdBy} ${formatDateTime(row.createdAt)}` },
        {
          title: '审批',
          render: (_, row) =>
            row.approvedBy ? `${row.approvedByName ?? row.approvedBy} ${formatDateTime(row.approvedAt ?? '')}` : '—',
        },
        {
          title: '有效期至',
          render: (_, row) =>
            row.status === 'draft' ? '—' : `${row.validUntil}${row.extendedUntil ? '（已延期）' : ''}`,
        },
        { title: '变更理由', dataIndex: 'changeReason', render: (v: string | null) => v ?? '—' },
      ]}
    />
  );
}
