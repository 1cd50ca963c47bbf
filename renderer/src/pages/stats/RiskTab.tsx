import { Alert, Segmented, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { RISK_STAGE_LABELS, type RiskFlagStatus } from '../../../../shared/api/risk';
import { api } from '../../api';
import { useLoaded } from '../../shell/useLoaded';
import { RiskFlagTable } from './RiskFlagTable';
import { RiskOverview } from './RiskOverview';

const PAGE_SIZE = 20;
type StatusFilter = RiskFlagStatus | 'all';

/**
 * 统计与风险 › 风险: the flags the detectors stored (main/services/risk, docs/risk.md), filtered by detector and
 * status, each with its evidence and links to the applications; a supervisor closes one with a reason.
 */
export function RiskTab() {
  const [detector, setDetector] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<StatusFilter>('open');
  const [current, setCurrent] = useState(1);
  const [page, reload] = useLoaded(
    () =>
      api.risk.list({
        ...(detector ? { detector } : {}),
        ...(status === 'all' ? {} : { status }),
        offset: (current - 1) * PAGE_SIZE,
        limit: PAGE_SIZE,
      }),
    `${detector}-${status}-${current}`,
  );
  const ready = page.state === 'ready' ? page.value : null;
  const openTotal = ready ? Object.values(ready.openByDetector).reduce((sum, n) => sum + n, 0) : null;
  const choose = (value: string | undefined) => {
    setDetector(value);
    setCurrent(1);
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {ready && <RiskOverview page={ready} selected={detector} onSelect={choose} />}
      <Space wrap>
        <Select
          aria-label="检测项"
          allowClear
          placeholder="全部检测项"
          style={{ width: 320 }}
          value={detector}
          onChange={choose}
          options={(ready?.detectors ?? []).map((d) => ({
            value: d.id,
            label: `${d.name}（${RISK_STAGE_LABELS[d.stage]}）${ready?.openByDetector[d.id] ? ` · ${ready.openByDetector[d.id]}` : ''}`,
          }))}
        />
        <Segmented<StatusFilter>
          aria-label="状态"
          value={status}
          onChange={(value) => {
            setStatus(value);
            setCurrent(1);
          }}
          options={[
            { value: 'open', label: '待处理' },
            { value: 'closed', label: '已关闭' },
            { value: 'all', label: '全部' },
          ]}
        />
        {openTotal !== null && (
          <Typography.Text type="secondary" data-testid="risk-open-total">
            待处理 {openTotal} 条
          </Typography.Text>
        )}
      </Space>
      {page.state === 'error' ? (
        <Alert type="error" showIcon title="风险标记读取失败" description={page.message} />
      ) : (
        <RiskFlagTable
          page={ready}
          loading={page.state === 'loading'}
          pagination={{ current, pageSize: PAGE_SIZE, onChange: setCurrent }}
          onChanged={reload}
        />
      )}
    </Space>
  );
}
