import { App, Button, Space, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { api } from '../../api';

/**
 * After the merged replies were downloaded (the web harness's stand-in for printing): the clerk prints the
 * file, then confirms (确认已打印, as for a single document), and only then are the replies entered in the print log.
 */
export function PrintConfirm({ documents }: { documents: string[] }) {
  const { message } = App.useApp();
  const [state, setState] = useState<'idle' | 'busy' | 'logged'>('idle');
  const confirm = async () => {
    setState('busy');
    const result = await api.documents.batchPrinted({ documents });
    if (!result.ok) {
      setState('idle');
      message.error(result.error.message);
      return;
    }
    setState('logged');
    message.success(`已记入打印记录 ${result.value.logged} 份`);
  };
  return (
    <Space style={{ marginTop: 12 }} wrap>
      <Button
        icon={<PrinterOutlined />}
        loading={state === 'busy'}
        disabled={state === 'logged'}
        onClick={() => void confirm()}
      >
        {state === 'logged' ? '已记入打印记录' : '确认已打印'}
      </Button>
      <Typography.Text type="secondary">打印出纸后再确认，确认后记入打印记录；未打印的不要确认。</Typography.Text>
    </Space>
  );
}
