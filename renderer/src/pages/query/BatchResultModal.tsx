import { Modal, Table, Typography } from 'antd';
import type { BatchOutcome } from '../../../../shared/api/batch';
import { STAGE_LABELS } from '../../../../shared/domain/codes';

export interface BatchReport {
  /** 推进 or 分派: the verb of the summary line. */
  verb: string;
  outcomes: BatchOutcome[];
}

type Done = Extract<BatchOutcome, { ok: true }>;
type Refusal = Extract<BatchOutcome, { ok: false }>;

/** The outcome of a batch: how many were done, and every refused application with its reason. */
export function BatchResultModal({ report, onClose }: { report: BatchReport | null; onClose: () => void }) {
  const done = report?.outcomes.filter((o): o is Done => o.ok) ?? [];
  const refused = report?.outcomes.filter((o): o is Refusal => !o.ok) ?? [];
  return (
    <Modal
      title={`批量${report?.verb ?? ''}结果`}
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
      {done.length > 0 && report?.verb === '推进' && (
        <Typography.Paragraph type="secondary">
          {done.map((o) => `${o.number} → ${STAGE_LABELS[o.stage]}`).join('；')}
        </Typography.Paragraph>
      )}
      {refused.length > 0 && (
        <Table<Refusal>
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
    </Modal>
  );
}
