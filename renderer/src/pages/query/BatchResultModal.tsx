import { Modal, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { BatchRefusal } from '../../../../shared/api/batch';

export interface BatchReport {
  /** 推进, 分派 or 生成: the verb of the summary line. */
  verb: string;
  /** The dialog's title when it is not 批量<verb>结果. */
  title?: string;
  outcomes: ({ number: string; ok: true } | BatchRefusal)[];
  /** What became of the ones done (where they moved, the file made). */
  done?: ReactNode;
  /** A follow-up action on the ones done (confirming a print). */
  footer?: ReactNode;
}

/** The outcome of a batch: how many were done, and every refused application with its reason. */
export function BatchResultModal({ report, onClose }: { report: BatchReport | null; onClose: () => void }) {
  const done = report?.outcomes.filter((o) => o.ok) ?? [];
  const refused = report?.outcomes.filter((o): o is BatchRefusal => !o.ok) ?? [];
  return (
    <Modal
      title={report?.title ?? `批量${report?.verb ?? ''}结果`}
      open={report !== null}
      onOk={onClose}
      onCancel={onClose}
      okText="知道了"
      cancelButtonProps={{ style: { display: 'none' } }}
      width={760}
    >
      <Typography.Paragraph strong data-testid="batch-summary">
        {`已${report?.verb ?? ''} ${done.length} 件，未${report?.verb ?? ''} ${refused.length} 件`}
      </Typography.Paragraph>
      {done.length > 0 && report?.done}
      {refused.length > 0 && (
        <Table<BatchRefusal>
          size="small"
          rowKey="number"
          pagination={false}
          scroll={{ y: 360 }}
          data-testid="batch-refusals"
          dataSource={refused}
          columns={[
            { title: '申请编号', dataIndex: 'number', width: 190 },
            {
              title: '未办理原因',
              render: (_, row) => (
                <>
                  <div>{row.message}</div>
                  {row.problems?.map((p) => (
                    <div key={`${p.ruleId}-${p.field}`}>{`· ${p.message}`}</div>
                  ))}
                </>
              ),
            },
          ]}
        />
      )}
      {done.length > 0 && report?.footer}
    </Modal>
  );
}
