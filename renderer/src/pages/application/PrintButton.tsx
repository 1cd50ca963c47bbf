import { App, Button, Space } from 'antd';
import { useState } from 'react';
import type { PrintPlan, PrintRecord, PrintTarget } from '../../../../shared/api/documents';
import type { Result } from '../../../../shared/api/result';
import { api, printsInShell } from '../../api';
import { downloadFile } from './downloadFile';

interface Props {
  target: PrintTarget;
  copies: number;
  label: string;
  onPrinted: (record: PrintRecord) => void;
  onError: (message: string | null) => void;
}

function unwrap<T>(result: Result<T>, onError: Props['onError']): T | null {
  if (result.ok) return result.value;
  onError(result.error.message);
  return null;
}

/**
 * 打印 a contract or scheme reply. The print log is written only once the paper is out: in Electron when the
 * system print dialog reports it printed; in the web harness, where a download replaces printing, when the
 * clerk confirms the downloaded file was printed.
 */
export function PrintButton({ target, copies, label, onPrinted, onError }: Props) {
  const { message } = App.useApp();
  const [pending, setPending] = useState<PrintPlan | null>(null);
  const [busy, setBusy] = useState(false);

  const printed = (record: PrintRecord) => {
    onError(null);
    setPending(null);
    message.success(`已打印并记录 ${record.copies} 份${record.copy ? '（副本）' : ''}`);
    onPrinted(record);
  };

  const start = async () => {
    setBusy(true);
    try {
      if (printsInShell) {
        const outcome = unwrap(await api.documents.print({ target, copies }), onError);
        if (outcome?.printed) printed(outcome.record);
        else if (outcome) message.info(outcome.reason);
        return;
      }
      const plan = unwrap(await api.documents.preparePrint({ target }), onError);
      const file = plan && unwrap(await api.documents.download({ sha256: plan.sha256 }), onError);
      if (!plan || !file) return;
      downloadFile(file);
      onError(null);
      setPending(plan);
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    if (!pending) return;
    const record = unwrap(await api.documents.confirmPrinted({ target, sha256: pending.sha256, copies }), onError);
    if (record) printed(record);
  };

  if (!pending) {
    return (
      <Button loading={busy} onClick={() => void start()}>
        {label}
      </Button>
    );
  }
  return (
    <Space data-testid="print-confirm">
      <span>
        已下载{pending.copy ? '副本' : ''}文件，打印 {copies} 份后请确认：
      </span>
      <Button type="primary" onClick={() => void confirm()}>
        确认已打印
      </Button>
      <Button onClick={() => setPending(null)}>未打印</Button>
    </Space>
  );
}
