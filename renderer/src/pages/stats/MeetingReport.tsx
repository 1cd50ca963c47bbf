import { Alert, Button, Select, Space, Spin, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useState } from 'react';
import type { LeadsPage } from '../../../../shared/api/portrait';
import type { RiskFlagPage } from '../../../../shared/api/risk';
import { RISK_STAGE_LABELS } from '../../../../shared/api/risk';
import type { ForecastReport, ProcessReport } from '../../../../shared/api/stats';
import { rateTable } from '../../../../shared/stats/portraitTables';
import { connectionTable, forecastTable, percent, stageTable, type Table } from '../../../../shared/stats/tables';
import { api } from '../../api';
import type { Result } from '../../../../shared/api/result';
import { useLoaded } from '../../shell/useLoaded';
import { PlainTable } from './ProcessTab';

/** The shell (menu, header, footer) and the controls are left off the paper. */
const PRINT_CSS = `@media print {
  .ant-layout-sider, .ant-layout-header, .ant-layout-footer, .no-print { display: none !important; }
  .ant-layout, .ant-layout-content { padding: 0 !important; background: #fff !important; }
  .meeting-section { break-inside: avoid; }
}`;

interface MeetingData {
  risk: RiskFlagPage;
  process: ProcessReport;
  forecast: ForecastReport;
  leads: LeadsPage;
}

/** The last twelve whole months, newest first, as YYYY-MM. */
function recentMonths(today = new Date()): string[] {
  return Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1 - i, 1));
    return d.toISOString().slice(0, 7);
  });
}

function lastDay(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

async function meetingData(month: string): Promise<Result<MeetingData>> {
  const [risk, process, forecast, leads] = await Promise.all([
    api.risk.list({ status: 'open', limit: 1 }),
    api.stats.process({ from: `${month}-01`, to: lastDay(month) }),
    api.stats.forecast({}),
    api.portrait.leads({ limit: 1 }),
  ]);
  if (!risk.ok) return risk;
  if (!process.ok) return process;
  if (!forecast.ok) return forecast;
  if (!leads.ok) return leads;
  return {
    ok: true,
    value: { risk: risk.value, process: process.value, forecast: forecast.value, leads: leads.value },
  };
}

function riskTable(page: RiskFlagPage): Table {
  return {
    title: '待处理风险',
    headers: ['检测项', '名称', '环节', '待处理'],
    rows: page.detectors
      .filter((d) => (page.openByDetector[d.id] ?? 0) > 0)
      .map((d) => [d.id, d.name, RISK_STAGE_LABELS[d.stage], String(page.openByDetector[d.id])]),
  };
}

function Section({ title, table, testId }: { title: string; table: Table; testId: string }) {
  return (
    <div className="meeting-section">
      <Typography.Title level={5}>{title}</Typography.Title>
      <PlainTable table={table} testId={testId} />
    </div>
  );
}

/**
 * 例会打印视图 (issue 15: a print view for the monthly meeting): one month's process figures, the open risk flags
 * per detector, the forecast and the follow-up of suggestions on one printable page; 打印 uses the browser's or
 * the desktop's print dialog, the page's menus left off.
 */
export function MeetingReport({ onClose }: { onClose: () => void }) {
  const months = recentMonths();
  const [month, setMonth] = useState(months[0]!);
  const [data] = useLoaded(() => meetingData(month), month);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="meeting-report">
      <style>{PRINT_CSS}</style>
      <Space className="no-print" wrap>
        <Select
          aria-label="例会月份"
          style={{ width: 140 }}
          value={month}
          onChange={setMonth}
          options={months.map((m) => ({ value: m, label: m }))}
        />
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          打印
        </Button>
        <Button onClick={onClose}>返回统计与风险</Button>
      </Space>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {`${month} 月度例会：业扩报装统计与风险`}
      </Typography.Title>
      {data.state === 'loading' && <Spin description="正在读取…" />}
      {data.state === 'error' && <Alert type="error" showIcon title="读取失败" description={data.message} />}
      {data.state === 'ready' && (
        <>
          <Typography.Text data-testid="meeting-summary">
            {`本月受理 ${data.value.process.applications} 件，曾退回 ${percent(data.value.process.returningShare)}；待处理风险 ${Object.values(data.value.risk.openByDetector).reduce((a, b) => a + b, 0)} 条；营销建议 ${data.value.leads.total} 条。时长按工作日计。`}
          </Typography.Text>
          <Section
            title="获得电力（本月受理的新装、增容）"
            table={connectionTable(data.value.process)}
            testId="meeting-connection"
          />
          <Section title="各环节时长（本月受理）" table={stageTable(data.value.process)} testId="meeting-stages" />
          <Section title="待处理风险（按检测项）" table={riskTable(data.value.risk)} testId="meeting-risk" />
          <Section title="未来 3 个月业务量预测" table={forecastTable(data.value.forecast)} testId="meeting-forecast" />
          <Section title="营销建议采纳情况" table={rateTable(data.value.leads.rates)} testId="meeting-rates" />
        </>
      )}
    </Space>
  );
}
