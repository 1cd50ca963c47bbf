import { Alert, App, Button, Card, Descriptions, Progress, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import {
  DELIVERY_STATE_LABELS,
  type ExportBatchInfo,
  type ExportProgress,
  type ExportSettings,
  type ExportStatus,
} from '../../../../shared/api/export';
import { roleAtLeast } from '../../../../shared/domain/codes';
import { ExportSettingsModal } from './ExportSettingsModal';
import { api } from '../../api';
import { LoadableView } from '../../components/LoadableView';
import { formatDateTime } from '../../format/dates';
import { useSessionRole } from '../../shell/SessionContext';
import { useLoaded } from '../../shell/useLoaded';

/** Dark enough for AA contrast (axe in the e2e run found antd's preset green too light). */
const DELIVERY_COLORS = { RECEIPTED: '#237804', IN_FOLDER: 'blue', PENDING: '#ad4e00' } as const;

function scheduleText(settings: ExportSettings): string {
  const s = settings.schedule;
  if (s.kind === 'daily') return `每日 ${s.at}`;
  if (s.kind === 'signOut') return '当日最后一位用户签退时';
  return '未开启（手动导出）';
}

const rowsOf = (batch: ExportBatchInfo) => Object.values(batch.rows).reduce((a, b) => a + b, 0);
const sizeText = (bytes: number) =>
  bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;

/** HQ's receipt time, or why sending failed and when it is retried. */
function ReceiptCell({ batch }: { batch: ExportBatchInfo }) {
  if (batch.receiptAt) return <>{formatDateTime(batch.receiptAt)}</>;
  if (!batch.lastSendError) return <>—</>;
  return (
    <Tooltip title={batch.lastSendError}>
      <Typography.Text type="danger" data-testid={`send-error-${batch.batch}`}>
        发送失败 {batch.sendAttempts} 次{batch.nextSendAt ? `，${formatDateTime(batch.nextSendAt)} 重试` : ''}
      </Typography.Text>
    </Tooltip>
  );
}

const PROGRESS_POLL_MS = 300;

/** The bar's share of the whole run: reading the tables is the first half, packing them the second. */
function progressPercent(p: ExportProgress | null): number {
  if (!p || p.phase === 'deliver') return p ? 100 : 0;
  const share = p.tables ? p.tablesDone / p.tables : 0;
  return Math.round((p.phase === 'read' ? share : 1 + share) * 50);
}

function progressText(p: ExportProgress | null): string {
  if (!p) return '正在准备导出…';
  if (p.phase === 'deliver') return '正在写入导出文件夹并发送总部…';
  const verb = p.phase === 'read' ? '读取变更' : '写入数据包';
  return `正在${verb}：${p.tablesDone}/${p.tables} 张表，${p.rows.toLocaleString('zh-CN')} 行`;
}

/** The running export's progress, polled while `running`. */
function useExportProgress(running: boolean): ExportProgress | null {
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  useEffect(() => {
    if (!running) return;
    let stopped = false;
    const poll = async () => {
      const result = await api.export.progress({});
      if (stopped) return;
      if (result.ok && result.value) setProgress(result.value);
      timer = setTimeout(() => void poll(), PROGRESS_POLL_MS);
    };
    let timer = setTimeout(() => void poll(), PROGRESS_POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
      setProgress(null);
    };
  }, [running]);
  return progress;
}

/** 数据导出: the batch history, 立即导出 with its progress, 重新发送, and where bundles go. */
export function ExportPage() {
  const { message } = App.useApp();
  const role = useSessionRole();
  const mayExport = roleAtLeast(role, 'supervisor');
  const mayConfigure = roleAtLeast(role, 'admin');
  const [configuring, setConfiguring] = useState(false);
  const [status, reload] = useLoaded(() => api.export.status({}), 'export');
  const [running, setRunning] = useState(false);
  const progress = useExportProgress(running);
  const [problem, setProblem] = useState<string | null>(null);

  const run = async () => {
    setRunning(true);
    setProblem(null);
    const result = await api.export.run({});
    setRunning(false);
    if (!result.ok) return setProblem(result.error.message);
    const { created, sent, sendError } = result.value;
    void message.success(
      (created ? `已生成第 ${created.batch} 批（${rowsOf(created)} 行）` : '自上一批以来没有新的变更，未生成新批次') +
        (sent.length ? `；第 ${sent.join('、')} 批已送达总部` : ''),
    );
    if (sendError) setProblem(`未能送达总部：${sendError}`);
    reload();
  };
  const resend = async (batch: number) => {
    const result = await api.export.resend({ batch });
    if (!result.ok) return setProblem(result.error.message);
    void message.success(`已重新发送第 ${batch} 批（与原文件逐字节相同）`);
    reload();
  };

  return (
    <>
      <Typography.Title level={3} data-testid="page-title" style={{ marginTop: 0 }}>
        数据导出
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        按变更序号向总部增量导出已签名的数据包（格式见随附文档《导出数据包格式》），写入导出文件夹。
      </Typography.Paragraph>
      <LoadableView value={status}>
        {(s: ExportStatus) => (
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <Card
              title="导出设置"
              size="small"
              extra={
                mayConfigure ? (
                  <Button size="small" onClick={() => setConfiguring(true)}>
                    修改设置
                  </Button>
                ) : (
                  <Typography.Text type="secondary">由系统管理员设置</Typography.Text>
                )
              }
            >
              <Descriptions bordered column={2} size="small" data-testid="export-settings">
                <Descriptions.Item label="总部接收地址">{s.settings.hqUrl || '未设置'}</Descriptions.Item>
                <Descriptions.Item label="总部公钥指纹">
                  <Typography.Text style={{ fontSize: 12 }} data-testid="hq-key">
                    {s.hqKeyFingerprint ? `${s.hqKeyFingerprint.slice(0, 16)}…` : '未登记'}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label="导出文件夹">{s.settings.folder || '未设置'}</Descriptions.Item>
                <Descriptions.Item label="导出计划">{scheduleText(s.settings)}</Descriptions.Item>
                <Descriptions.Item label="下次计划导出">
                  {s.nextRun ? formatDateTime(s.nextRun) : '—'}
                </Descriptions.Item>
                <Descriptions.Item label="个人信息">
                  {s.settings.privacy === 'masked' ? '脱敏导出' : '完整导出'}
                </Descriptions.Item>
                <Descriptions.Item label="待导出变更">{s.currentSeq - s.watermark} 次</Descriptions.Item>
              </Descriptions>
              {!s.settings.folder && !s.settings.hqUrl && (
                <Alert
                  type="info"
                  showIcon
                  style={{ marginTop: 12 }}
                  data-testid="export-nowhere"
                  title={
                    '未设置导出文件夹和总部接收地址：数据包只保存在数据目录的 exports 文件夹中（待送达）。' +
                    (mayConfigure ? '请点“修改设置”指定去向。' : '请联系系统管理员设置去向。')
                  }
                />
              )}
              <ExportSettingsModal
                settings={s.settings}
                open={configuring}
                onClose={() => setConfiguring(false)}
                onSaved={() => {
                  setConfiguring(false);
                  void message.success('导出设置已保存');
                  reload();
                }}
              />
            </Card>
            <Space>
              <Button type="primary" disabled={!mayExport} loading={running} onClick={() => void run()}>
                立即导出
              </Button>
              {running && (
                <Space data-testid="export-progress">
                  <Progress
                    percent={progressPercent(progress)}
                    status="active"
                    showInfo={false}
                    style={{ width: 240 }}
                    aria-label="导出进度"
                  />
                  <Typography.Text type="secondary">{progressText(progress)}</Typography.Text>
                </Space>
              )}
              {!mayExport && <Typography.Text type="secondary">导出与重新发送需班长或系统管理员。</Typography.Text>}
            </Space>
            {problem && <Alert type="error" showIcon title={problem} closable onClose={() => setProblem(null)} />}
            <Table<ExportBatchInfo>
              data-testid="export-history"
              rowKey="batch"
              size="small"
              pagination={{ pageSize: 20 }}
              dataSource={s.batches}
              locale={{ emptyText: '尚无导出批次：点击“立即导出”生成第 1 批。' }}
              columns={[
                { title: '批次', dataIndex: 'batch', width: 70 },
                { title: '变更序号', render: (_, b) => `${b.fromSeq}–${b.toSeq}` },
                { title: '行数', render: (_, b) => rowsOf(b).toLocaleString('zh-CN') },
                { title: '大小', render: (_, b) => sizeText(b.size) },
                { title: '生成时间', render: (_, b) => formatDateTime(b.createdAt) },
                {
                  title: '送达状态',
                  render: (_, b) => <Tag color={DELIVERY_COLORS[b.delivery]}>{DELIVERY_STATE_LABELS[b.delivery]}</Tag>,
                },
                { title: '回执', render: (_, b) => <ReceiptCell batch={b} /> },
                {
                  title: '操作',
                  render: (_, b) => (
                    <Button size="small" disabled={!mayExport} onClick={() => void resend(b.batch)}>
                      重新发送
                    </Button>
                  ),
                },
              ]}
            />
          </Space>
        )}
      </LoadableView>
    </>
  );
}
