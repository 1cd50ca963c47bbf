import { Alert, Button } from 'antd';
import { api } from '../../api';
import { useLoaded } from '../../shell/useLoaded';
import { navigate } from '../../shell/useHashRoute';

/**
 * 工作台 warning: batches HQ has not receipted within the setting's working days, or changes waiting too long
 * for an export. Nothing shows while everything is delivered (or when the status cannot be read).
 */
export function ExportWarning({ revision }: { revision: number }) {
  const [status] = useLoaded(() => api.export.status({}), `export-${revision}`);
  if (status.state !== 'ready') return null;
  const { overdueReceipts, exportOverdue, settings } = status.value;
  if (overdueReceipts.length === 0 && !exportOverdue) return null;
  const parts = [
    overdueReceipts.length > 0 &&
      `第 ${overdueReceipts.join('、')} 批超过 ${settings.receiptWorkdays} 个工作日未收到总部回执（未送达总部）`,
    exportOverdue && `已有 ${settings.receiptWorkdays} 个工作日以上的变更尚未导出`,
  ].filter(Boolean);
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="export-warning"
      title="向总部的数据导出逾期"
      description={`${parts.join('；')}。请班长在“数据导出”中立即导出或重新发送，并检查总部接收地址与网络。`}
      action={<Button onClick={() => navigate({ key: 'export' })}>打开数据导出</Button>}
      style={{ marginBottom: 16 }}
    />
  );
}
