import { Button, Table, Tag } from 'antd';
import type { ReactNode } from 'react';
import type { ApplicationDetail } from '../../../../shared/api/applications';
import { STAGE_LABELS } from '../../../../shared/domain/codes';
import type { DocumentEntry } from '../../../../shared/domain/application';
import { requiredDocuments, type RequiredDocument } from '../../../../shared/rules';
import { useProfileInForce } from '../../shell/useProfileInForce';

const STATUS_TAGS: Record<DocumentEntry['status'], ReactNode> = {
  RECEIVED: <Tag color="#237804">已收</Tag>,
  DEFERRED: <Tag color="#ad4e00">容缺</Tag>,
  WAIVED: <Tag>免交</Tag>,
};

/**
 * 资料清单: each needed document with its state; a deferred one says by which stage it is due. Receiving a
 * document later is an update of the record, checked by the rules and audited like any other change.
 */
export function DocumentsPanel({
  detail,
  onReceive,
}: {
  detail: ApplicationDetail;
  onReceive: (code: RequiredDocument['code']) => void;
}) {
  const r = detail.record;
  const profile = useProfileInForce();
  const rows = requiredDocuments(r.businessType, r.customerClass, r, profile).filter((item) => item.applies !== false);
  const entryOf = (code: RequiredDocument['code']) => r.documents.find((d) => d.code === code);
  return (
    <Table<RequiredDocument>
      size="small"
      rowKey="code"
      pagination={false}
      dataSource={rows}
      data-testid="documents"
      columns={[
        { title: '资料', dataIndex: 'label' },
        { title: '须在此前收齐', render: (_, row) => STAGE_LABELS[row.due] },
        {
          title: '操作',
          width: 110,
          render: (_, row) =>
            entryOf(row.code)?.status === 'RECEIVED' ? null : (
              <Button size="small" onClick={() => onReceive(row.code)} aria-label={`登记已收 ${row.label}`}>
                登记已收
              </Button>
            ),
        },
        {
          title: '状态',
          render: (_, row) => {
            const entry = entryOf(row.code);
            if (!entry) return <Tag color="#a8071a">未登记</Tag>;
            return (
              <span>
                {STATUS_TAGS[entry.status]}
                {entry.status === 'DEFERRED' && entry.dueStage ? `${STAGE_LABELS[entry.dueStage]}前补交` : ''}
                {entry.status === 'WAIVED' && entry.reason ? `理由：${entry.reason}` : ''}
              </span>
            );
          },
        },
      ]}
    />
  );
}
