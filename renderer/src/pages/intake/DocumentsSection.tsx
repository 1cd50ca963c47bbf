import { Form, Input, Radio, Select, Table, Tag } from 'antd';
import { STAGE_LABELS, STAGES, type Stage } from '../../../../shared/domain/codes';
import type { DocumentEntry } from '../../../../shared/domain/application';
import type { RequiredDocument } from '../../../../shared/rules';
import { ProblemList } from '../../forms/ProblemList';
import { useFieldProblems } from '../../forms/ProblemContext';

const NEED_TAGS = { R: <Tag color="#a8071a">必备</Tag>, D: <Tag color="#ad4e00">可容缺</Tag>, C: <Tag>视情况</Tag> };

/**
 * 资料清单: each needed document is received, deferred (容缺, until a stage no later than the matrix allows)
 * or waived (with a reason). `entries` is the record's documents list, for finding each row's problems.
 */
export function DocumentsSection({
  items,
  entries,
  flow,
}: {
  items: RequiredDocument[];
  entries: DocumentEntry[];
  /** The application's own stages: a paper is deferred until one of them, never one its flow skips. */
  flow: readonly Stage[];
}) {
  const listProblems = useFieldProblems('documents');
  const shown = items.filter((item) => item.applies !== false);
  return (
    <div data-testid="section-documents" style={{ marginBottom: 12 }}>
      <Table<RequiredDocument>
        size="small"
        title={() => <strong>资料清单</strong>}
        pagination={false}
        rowKey="code"
        dataSource={shown}
        columns={[
          { title: '资料', dataIndex: 'label', width: '28%' },
          {
            title: '要求',
            width: 170,
            render: (_, row) => (
              <span>
                {NEED_TAGS[row.need]}
                {row.due !== 'ACCEPT' && <span>{STAGE_LABELS[row.due]}前</span>}
              </span>
            ),
          },
          {
            title: '状态',
            render: (_, row) => (
              <DocumentStatus row={row} index={entries.findIndex((entry) => entry.code === row.code)} flow={flow} />
            ),
          },
        ]}
      />
      <ProblemList problems={listProblems} testId="problems-documents" />
    </div>
  );
}

function DocumentStatus({ row, index, flow }: { row: RequiredDocument; index: number; flow: readonly Stage[] }) {
  const problems = useFieldProblems(`documents.${index}`);
  const status = Form.useWatch(['docs', row.code, 'status']) as DocumentEntry['status'] | undefined;
  const latest = row.deferrableUntil ? STAGES.indexOf(row.deferrableUntil) : 0;
  const dueOptions = flow.filter((stage) => stage !== 'ACCEPT' && STAGES.indexOf(stage) <= latest);
  return (
    <div>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
        <Form.Item name={['docs', row.code, 'status']} noStyle>
          <Radio.Group
            aria-label={`${row.label} 状态`}
            options={[
              { value: 'RECEIVED', label: '已收' },
              { value: 'DEFERRED', label: '容缺', disabled: !row.deferrableUntil },
              { value: 'WAIVED', label: '免交' },
            ]}
          />
        </Form.Item>
        {status === 'DEFERRED' && (
          <Form.Item name={['docs', row.code, 'dueStage']} noStyle>
            <Select<Stage>
              aria-label={`${row.label} 补交期限`}
              style={{ width: 150 }}
              options={dueOptions.map((stage) => ({ value: stage, label: `${STAGE_LABELS[stage]}前` }))}
            />
          </Form.Item>
        )}
        {status === 'WAIVED' && (
          <Form.Item name={['docs', row.code, 'reason']} noStyle>
            <Input aria-label={`${row.label} 免交理由`} placeholder="免交理由" style={{ width: 240 }} />
          </Form.Item>
        )}
      </div>
      <ProblemList problems={index >= 0 ? problems : []} />
    </div>
  );
}
