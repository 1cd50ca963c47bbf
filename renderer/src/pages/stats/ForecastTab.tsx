import { Alert, App, Button, Card, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useMemo } from 'react';
import type { ForecastReport } from '../../../../shared/api/stats';
import { FORECAST_GROUP_LABELS } from '../../../../shared/stats/forecast';
import { forecastTable } from '../../../../shared/stats/tables';
import { api } from '../../api';
import { LoadableView } from '../../components/LoadableView';
import { useLoaded } from '../../shell/useLoaded';
import { downloadFile } from '../application/downloadFile';
import { EChart, type ChartOption } from './EChart';
import { PlainTable } from './ProcessTab';

const COLORS = ['#0a6e5a', '#1677ff', '#d48806', '#722ed1', '#c0392b'];

/** History solid, forecast dashed from the last month of history on. */
function forecastOption(r: ForecastReport): ChartOption {
  const months = [...r.months, ...r.forecastMonths];
  const gap = r.months.length - 1;
  return {
    title: { text: '每月申请量与未来 3 个月预测（虚线）', textStyle: { fontSize: 14 }, left: 0 },
    tooltip: { trigger: 'axis' },
    legend: { top: 36, right: 60 },
    grid: { top: 70, left: 48, right: 24, bottom: 40 },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', name: '件' },
    series: r.groups.flatMap((g, i) => {
      const color = COLORS[i % COLORS.length];
      const name = FORECAST_GROUP_LABELS[g.group];
      const forecast = g.forecast.length
        ? months.map((_, m) => (m === gap ? g.history[gap] : m > gap ? g.forecast[m - gap - 1] : null))
        : [];
      return [
        { name, type: 'line', data: g.history, itemStyle: { color }, symbolSize: 4 },
        { name, type: 'line', data: forecast, itemStyle: { color }, lineStyle: { type: 'dashed' }, symbolSize: 4 },
      ];
    }),
  };
}

function Report({ report }: { report: ForecastReport }) {
  const { message } = App.useApp();
  const option = useMemo(() => forecastOption(report), [report]);
  const exportXlsx = async () => {
    const result = await api.stats.exportXlsx({ table: 'forecast' });
    if (!result.ok) return void message.error(result.error.message);
    downloadFile(result.value);
  };
  if (report.months.length === 0) return <Alert type="info" showIcon title="还没有完整月份的申请，无法预测。" />;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text>
          {`历史 ${report.months[0]} 至 ${report.months.at(-1)}（${report.months.length} 个月，本月未满不计）。每组按滚动起点回测（每次预测 3 个月）的 MAPE 较小者选用 Holt-Winters（加法）或季节朴素（去年同月）。`}
        </Typography.Text>
        <Button icon={<DownloadOutlined />} onClick={() => void exportXlsx()}>
          导出 Excel
        </Button>
      </Space>
      <Card size="small">
        <EChart
          option={option}
          height={360}
          fileName="业务量预测"
          description="各业务组每月申请量与预测"
          testId="forecast-chart"
        />
      </Card>
      <PlainTable table={forecastTable(report)} testId="forecast-table" />
    </Space>
  );
}

/** 预测: applications per business-type group for the next 3 months, with the back-test errors beside them. */
export function ForecastTab() {
  const [report] = useLoaded(() => api.stats.forecast({}), 'forecast');
  return <LoadableView value={report}>{(r) => <Report report={r} />}</LoadableView>;
}
