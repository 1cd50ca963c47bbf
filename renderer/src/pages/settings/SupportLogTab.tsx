import { Alert, Button, Space, Table, Tag, Typography } from 'antd';
import type { SupportLogView } from '../../../../shared/api/backups';
import { supportLogEventLabel } from '../../../../shared/api/supportLogEvents';
import { api } from '../../api';
import { LoadableView } from '../../components/LoadableView';
import { formatDateTime, todayInShanghai } from '../../format/dates';
import { useLoaded } from '../../shell/useLoaded';
import { saveBlob } from '../application/downloadFile';

interface LogLine {
  key: number;
  time: string;
  level: number;
  event: string;
  text: string;
}

const LEVELS: Record<number, { label: string; color?: string }> = {
  30: { label: '信息' },
  40: { label: '警告', color: '#ad4e00' },
  50: { label: '错误', color: '#a8071a' },
  60: { label: '严重', color: '#a8071a' },
};

/** What a line says besides its time, level and event: the message and its few plain fields. */
function detailOf(line: Record<string, unknown>): string {
  const { time: _t, level: _l, pid: _p, event: _e, msg, err, ...rest } = line;
  const fields = Object.entries(rest)
    .filter(([, value]) => typeof value !== 'object')
    .map(([key, value]) => `${key}=${String(value)}`);
  const error = err && typeof err === 'object' && 'message' in err ? `：${String(err.message)}` : '';
  return [`${String(msg ?? '')}${error}`, ...fields].join('  ');
}

/** The log's JSON lines, newest first; a line that is not JSON is shown as it is. */
function linesOf(text: string): LogLine[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((raw, key) => {
      try {
        const line = JSON.parse(raw) as Record<string, unknown>;
        return {
          key,
          time: typeof line.time === 'string' ? formatDateTime(line.time) : '',
          level: typeof line.level === 'number' ? line.level : 30,
          event: typeof line.event === 'string' ? line.event : '',
          text: detailOf(line),
        };
      } catch {
        return { key, time: '', level: 30, event: '', text: raw };
      }
    })
    .reverse();
}

function saveCopy(log: SupportLogView): void {
  saveBlob(new Blob([log.text], { type: 'text/plain;charset=utf-8' }), `yekuo-support-log-${todayInShanghai()}.log`);
}

/**
 * 运行日志 (administrators): the support log of this data folder, for the help desk. It holds events and
 * failures only; ID numbers and phones were masked before they were written.
 */
export function SupportLogTab() {
  const [log, reload] = useLoaded(() => api.supportLog.view(), 'support-log');
  return (
    <LoadableView value={log}>
      {(view: SupportLogView) => (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            启动、升级、备份、导出、登录失败、内部错误和耗时超过 500 ms
            的操作记录在此，供技术支持排查问题；证件号码和电话已隐去。日志文件：
            <Typography.Text code>{view.file}</Typography.Text>
          </Typography.Text>
          {view.truncated && <Alert type="info" showIcon title="只显示最近 256 KB 的记录；保存副本也只含这些记录。" />}
          <Space>
            <Button type="primary" onClick={() => saveCopy(view)} disabled={view.text === ''}>
              保存副本
            </Button>
            <Button onClick={reload}>刷新</Button>
          </Space>
          <Table
            data-testid="support-log"
            size="small"
            rowKey="key"
            dataSource={linesOf(view.text)}
            pagination={{ pageSize: 50, showSizeChanger: false }}
            locale={{ emptyText: '日志为空。' }}
            columns={[
              { title: '时间', dataIndex: 'time', width: 150 },
              {
                title: '级别',
                dataIndex: 'level',
                width: 70,
                render: (level: number) => {
                  const shown = LEVELS[level] ?? { label: String(level) };
                  return <Tag color={shown.color}>{shown.label}</Tag>;
                },
              },
              {
                title: '事件',
                dataIndex: 'event',
                width: 150,
                // The Chinese label; the log's own event name (what the help desk searches for) on hover.
                render: (event: string) => <span title={event}>{supportLogEventLabel(event)}</span>,
              },
              {
                title: '内容',
                dataIndex: 'text',
                render: (text: string) => <span style={{ wordBreak: 'break-all' }}>{text}</span>,
              },
            ]}
          />
        </Space>
      )}
    </LoadableView>
  );
}
