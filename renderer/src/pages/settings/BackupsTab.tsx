import { App, Button, Card, Form, Input, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { BackupCheckView, BackupItem, BackupKind, BackupsView } from '../../../../shared/api/backups';
import { api } from '../../api';
import { LoadableView } from '../../components/LoadableView';
import { formatDateTime } from '../../format/dates';
import { useLoaded } from '../../shell/useLoaded';
import { useRestore } from './RestoreProgress';

const KIND_LABELS: Record<BackupKind, string> = {
  start: '启动时',
  daily: '每日',
  manual: '手动',
  'pre-migration': '升级前',
  'before-encryption': '加密前',
};

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function checkDetail(check: BackupCheckView): string {
  const audit = check.auditOk ? `审计链 ${check.auditChecked} 条通过` : `审计校验未通过：${check.auditMessage ?? ''}`;
  return `完整性检查：${check.integrity}；${audit}；校验于 ${formatDateTime(check.checkedAt)}`;
}

function CheckTag({ copy }: { copy: BackupItem }) {
  if (!copy.check) return <Tag>未校验</Tag>;
  return (
    <Tooltip title={checkDetail(copy.check)}>
      {copy.good ? <Tag color="#237804">校验通过</Tag> : <Tag color="#a8071a">校验未通过</Tag>}
    </Tooltip>
  );
}

/** 第二备份目录: a USB disk or a network share that receives a copy of every backup too (audited). */
function SecondFolderForm({ folder, onSaved }: { folder: string | null; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ folder: string }>();
  const save = async (next: string | null) => {
    const result = await api.backups.setSecondFolder({ folder: next });
    if (!result.ok) {
      form.setFields([{ name: 'folder', errors: [result.error.message] }]);
      return;
    }
    void message.success(next ? `第二备份目录已设为 ${next}` : '已取消第二备份目录');
    if (!next) form.resetFields();
    onSaved();
  };
  return (
    <Form
      form={form}
      layout="inline"
      initialValues={{ folder: folder ?? '' }}
      onFinish={({ folder: value }) => void save(value.trim())}
      data-testid="second-folder"
    >
      <Form.Item
        name="folder"
        label="第二备份目录"
        rules={[{ required: true, whitespace: true, message: '第二备份目录：请填写完整路径' }]}
        extra="每次备份后另复制一份到此目录（U 盘或网络共享），如 E:\营业厅备份。"
      >
        <Input maxLength={500} style={{ width: 420 }} placeholder="完整路径" />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit">
          保存目录
        </Button>
        {folder && <Button onClick={() => void save(null)}>取消第二备份目录</Button>}
      </Space>
    </Form>
  );
}

/**
 * 备份与恢复 (administrators): the copies with their checks, a copy now, the second folder, and a restore with
 * a progress bar. Automatic copies are made at start, daily and before every upgrade; 7 daily and 4 weekly kept.
 */
export function BackupsTab() {
  const { message, modal } = App.useApp();
  const [view, reload] = useLoaded(() => api.backups.list(), 'backups');
  const restore = useRestore(reload);

  const backupNow = async () => {
    const hide = message.loading('正在备份并校验…', 0);
    const result = await api.backups.create();
    hide();
    if (!result.ok) {
      void message.error(result.error.message);
      return;
    }
    if (result.value.good) void message.success(`已备份并校验通过：${result.value.file}`);
    else void message.warning(`已备份，但校验未通过：${result.value.file}`);
    reload();
  };

  const confirmRestore = (copy: BackupItem) => {
    modal.confirm({
      title: `恢复到 ${formatDateTime(copy.createdAt)} 的备份？`,
      content:
        '此后办理的业务将不在恢复后的数据中。当前数据库会另存为 yekuo.sqlite.before-restore，不会删除。恢复时其他客户端和命令行须已关闭。',
      okText: '恢复',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => restore.start(copy),
    });
  };

  return (
    <LoadableView value={view}>
      {(v: BackupsView) => (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Card title="备份" size="small">
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <Typography.Text type="secondary">
                每天第一次启动时和每日自动备份，升级前也会备份；保留最近 7 天的每日备份和最近 4
                周的每周备份。备份已加密，写入后用完整性检查和审计校验核对。备份目录：
                <Typography.Text code>{v.dir}</Typography.Text>
              </Typography.Text>
              <Button type="primary" onClick={() => void backupNow()} style={{ alignSelf: 'flex-start' }}>
                立即备份
              </Button>
              <SecondFolderForm folder={v.secondFolder} onSaved={reload} />
            </Space>
          </Card>
          <Card title="备份列表" size="small">
            <Table
              data-testid="backup-table"
              size="small"
              rowKey="file"
              dataSource={v.backups}
              pagination={{ pageSize: 10, showSizeChanger: false }}
              locale={{ emptyText: '还没有备份：请点“立即备份”。' }}
              columns={[
                { title: '备份时间', dataIndex: 'createdAt', render: (at: string) => formatDateTime(at) },
                {
                  title: '类型',
                  dataIndex: 'kind',
                  render: (kind: BackupKind | undefined) => (kind ? KIND_LABELS[kind] : '其他'),
                },
                { title: '大小', dataIndex: 'size', render: (size: number) => sizeText(size) },
                { title: '校验', key: 'check', render: (_: unknown, copy: BackupItem) => <CheckTag copy={copy} /> },
                {
                  title: '第二备份目录',
                  key: 'second',
                  render: (_: unknown, copy: BackupItem) =>
                    !copy.secondCopy ? (
                      '—'
                    ) : copy.secondCopy.ok ? (
                      '已复制'
                    ) : (
                      <Tooltip title={copy.secondCopy.message}>
                        <Tag color="#ad4e00">复制失败</Tag>
                      </Tooltip>
                    ),
                },
                {
                  title: '文件',
                  dataIndex: 'file',
                  render: (file: string) => <Typography.Text code>{file}</Typography.Text>,
                },
                {
                  title: '操作',
                  key: 'actions',
                  render: (_: unknown, copy: BackupItem) => (
                    <Button
                      size="small"
                      danger
                      // A copy put here by hand is unchecked: the restore checks it first. One that failed its check is not offered.
                      disabled={copy.check !== undefined && !copy.good}
                      onClick={() => confirmRestore(copy)}
                      aria-label={`恢复 ${formatDateTime(copy.createdAt)} 的备份`}
                    >
                      恢复
                    </Button>
                  ),
                },
              ]}
            />
          </Card>
          {restore.modal}
        </Space>
      )}
    </LoadableView>
  );
}
