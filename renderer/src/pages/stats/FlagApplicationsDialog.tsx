import { Alert, Modal, Table } from 'antd';
import { useState } from 'react';
import type { RiskFlag } from '../../../../shared/api/risk';
import { api } from '../../api';
import { hashOf } from '../../shell/routes';
import { useLoaded } from '../../shell/useLoaded';

const PAGE_SIZE = 50;

/**
 * 全部申请 of a flag whose evidence lists only its first applications (a company's share of the hall's works names
 * tens of thousands): every one, a page at a time (risk.applications), each a link to its detail.
 */
export function FlagApplicationsDialog({ flag, onClose }: { flag: RiskFlag | null; onClose: () => void }) {
  const [current, setCurrent] = useState(1);
  const [page] = useLoaded(
    () =>
      flag
        ? api.risk.applications({ id: flag.id, offset: (current - 1) * PAGE_SIZE, limit: PAGE_SIZE })
        : Promise.resolve({ ok: true as const, value: { numbers: [], total: 0 } }),
    `${flag?.id}-${current}`,
  );
  return (
    <Modal
      open={flag !== null}
      title={flag ? `${flag.detectorName}：全部 ${flag.applicationCount} 项申请` : ''}
      footer={null}
      onCancel={() => {
        setCurrent(1);
        onClose();
      }}
      destroyOnHidden
    >
      {page.state === 'error' ? (
        <Alert type="error" showIcon title="申请列表读取失败" description={page.message} />
      ) : (
        <Table<{ number: string }>
          size="small"
          rowKey="number"
          data-testid="risk-flag-applications"
          loading={page.state === 'loading'}
          dataSource={page.state === 'ready' ? page.value.numbers.map((number) => ({ number })) : []}
          columns={[
            {
              title: '申请编号',
              key: 'number',
              render: (_, row) => <a href={hashOf({ key: 'application', number: row.number })}>{row.number}</a>,
            },
          ]}
          pagination={{
            current,
            pageSize: PAGE_SIZE,
            total: page.state === 'ready' ? page.value.total : 0,
            showSizeChanger: false,
            showTotal: (total) => `共 ${total} 项`,
            onChange: setCurrent,
          }}
        />
      )}
    </Modal>
  );
}
