import { Alert, App, Button, Card, Col, Row, Space, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import type { ProcessReport, StatsFilter } from '../../../../shared/api/stats';
import { connectionTable, percent, stageTable, type Table as TextTable } from '../../../../shared/stats/tables';
import { api } from '../../api';
import { LoadableView } from '../../components/LoadableView';
import { useLoaded } from '../../shell/useLoaded';
import { downloadFile } from '../application/downloadFile';
import { EChart } from './EChart';
import { processMapOption, stageDurationOption } from './processCharts';
import { SimulationPanel } from './SimulationPanel';
import { StatsFilterBar } from './StatsFilterBar';

/** A text table (the CLI's and the export's) as an antd table. */
export function PlainTable({ table, testId }: { table: TextTable; testId: string }) {
  const columns = table.headers.map((title, i) => ({ title, dataIndex: String(i), key: String(i) }));
  const rows = table.rows.map((cells, key) => ({ key, ...Object.fromEntries(cells.map((c, i) => [String(i), c])) }));
  return <Table size="small" pagination={false} columns={columns} dataSource={rows} data-testid={testId} />;
}

function Report({ report, filter }: { report: ProcessReport; filter: StatsFilter }) {
  const { message } = App.useApp();
  const map = useMemo(() => processMapOption(report), [report]);
  const durations = useMemo(() => stageDurationOption(report), [report]);
  const exportXlsx = async () => {
    const result = await api.stats.exportXlsx({ table: 'process', filter });
    if (!result.ok) return void message.error(result.error.message);
    downloadFile(result.value);
  };
  if (report.applications === 0) return <Alert type="info" showIcon title="所选范围内没有申请。" />;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {report.recalculating && (
        <Alert
          type="warning"
          showIcon
          data-testid="process-recalculating"
          title="按旧日历统计，正在按新的节假日日历重算"
          description="节假日日历已更改，下面的工作日仍按更改前的日历计算，且不含更改后办理的申请；重算在后台进行，完成后刷新即可。"
        />
      )}
      <Space wrap>
        <Typography.Text data-testid="process-summary">
          {`申请 ${report.applications} 件，曾退回 ${percent(report.returningShare)}。时长按工作日计；等待 = 挂起（客户原因，停表）的工作日。`}
        </Typography.Text>
        <Button icon={<DownloadOutlined />} onClick={() => void exportXlsx()}>
          导出 Excel
        </Button>
      </Space>
      <Card size="small">
        <EChart option={map} height={340} fileName="流程图" description="流程图：环节与流转次数" testId="process-map" />
      </Card>
      <Row gutter={16}>
        <Col span={12}>
          <Card size="small">
            <EChart
              option={durations}
              height={320}
              fileName="环节停留工作日"
              description="各环节停留工作日的中位数与 P90"
              testId="stage-chart"
            />
          </Card>
        </Col>
        <Col span={12}>
          <PlainTable table={stageTable(report)} testId="stage-table" />
        </Col>
      </Row>
      <Typography.Title level={5} style={{ margin: 0 }}>
        获得电力（新装、增容：受理至装表接电；供电企业时间不含客户环节与挂起，对照国家电网承诺）
      </Typography.Title>
      <PlainTable table={connectionTable(report)} testId="connection-table" />
    </Space>
  );
}

/** 流程分析: stage times, returns and paths from the stage-event log, the 获得电力 indicators, and 模拟分析. */
export function ProcessTab() {
  const [filter, setFilter] = useState<StatsFilter>({});
  const [report] = useLoaded(() => api.stats.process(filter), JSON.stringify(filter));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <StatsFilterBar value={filter} onChange={setFilter} />
      <LoadableView value={report}>{(r) => <Report report={r} filter={filter} />}</LoadableView>
      <SimulationPanel filter={filter} />
    </Space>
  );
}
