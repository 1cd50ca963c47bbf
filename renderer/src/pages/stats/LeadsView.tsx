import { App, Button, Segmented, Select, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import {
  SUGGESTION_KIND_LABELS,
  SUGGESTION_KINDS,
  SUGGESTION_STATUS_LABELS,
  SUGGESTION_STATUSES,
  type SuggestionKind,
  type SuggestionStatus,
} from '../../../../shared/api/portrait';
import { rateTable } from '../../../../shared/stats/portraitTables';
import { api } from '../../api';
import { LoadableView } from '../../components/LoadableView';
import { useLoaded } from '../../shell/useLoaded';
import { downloadFile } from '../application/downloadFile';
import { PlainTable } from './ProcessTab';
import { SuggestionTable } from './SuggestionTable';

const PAGE_SIZE = 10;
type StatusFilter = SuggestionStatus | 'all';

/** 建议与潜在客户 across the hall, with the acceptance rate per kind so the rules are judged on results. */
export function LeadsView() {
  const { message } = App.useApp();
  const [kind, setKind] = useState<SuggestionKind | undefined>(undefined);
  const [status, setStatus] = useState<StatusFilter>('open');
  const [current, setCurrent] = useState(1);
  const [page, reload] = useLoaded(
    () =>
      api.portrait.leads({
        ...(kind ? { kind } : {}),
        ...(status === 'all' ? {} : { status }),
        offset: (current - 1) * PAGE_SIZE,
        limit: PAGE_SIZE,
      }),
    `${kind}-${status}-${current}`,
  );
  const exportXlsx = async () => {
    const result = await api.portrait.exportXlsx({});
    if (!result.ok) return void message.error(result.error.message);
    downloadFile(result.value);
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Select<SuggestionKind>
          aria-label="建议类型"
          allowClear
          placeholder="全部建议类型"
          style={{ width: 240 }}
          value={kind}
          onChange={(value) => {
            setKind(value);
            setCurrent(1);
          }}
          options={SUGGESTION_KINDS.map((k) => ({ value: k, label: SUGGESTION_KIND_LABELS[k] }))}
        />
        <Segmented<StatusFilter>
          aria-label="跟进状态筛选"
          value={status}
          onChange={(value) => {
            setStatus(value);
            setCurrent(1);
          }}
          options={[
            ...SUGGESTION_STATUSES.map((s) => ({ value: s, label: SUGGESTION_STATUS_LABELS[s] })),
            { value: 'all' as const, label: '全部' },
          ]}
        />
        <Button icon={<DownloadOutlined />} onClick={() => void exportXlsx()}>
          导出 Excel
        </Button>
      </Space>
      <LoadableView value={page}>
        {(p) => (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <SuggestionTable
              items={p.items}
              testId="leads"
              pagination={{ current, pageSize: PAGE_SIZE, total: p.total, onChange: setCurrent }}
              onChanged={reload}
            />
            <Typography.Title level={5} style={{ margin: 0 }}>
              采纳情况（接受率 = 客户有意向 ÷ 已向客户推荐的建议）
            </Typography.Title>
            <PlainTable table={rateTable(p.rates)} testId="suggestion-rates" />
          </Space>
        )}
      </LoadableView>
    </Space>
  );
}
