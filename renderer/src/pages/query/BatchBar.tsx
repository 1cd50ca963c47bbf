import { App, Button, Progress, Space, Typography } from 'antd';
import { useState } from 'react';
import type { BatchOutcome, ReplyOutcome } from '../../../../shared/api/batch';
import type { SavedQuery } from '../../../../shared/api/savedFilters';
import { roleAtLeast, STAGE_LABELS } from '../../../../shared/domain/codes';
import { MOVE_ROLES } from '../../../../shared/workflow/moves';
import { api } from '../../api';
import { useSessionRole } from '../../shell/SessionContext';
import { downloadFile } from '../application/downloadFile';
import { AssignModal } from './AssignModal';
import { BatchResultModal, type BatchReport } from './BatchResultModal';
import { PrintConfirm } from './PrintConfirm';

/** Applications per call of a batch: few enough that the bar moves, each a whole rule check or a PDF. */
const CHUNK = 5;

/**
 * Batch actions on the selected rows (推进, 分派, 打印答复单) and the export of the whole current list: what clerks
 * scripted with RPA click by click. Each button shows only to roles the main process will accept.
 */
export function BatchBar({
  selected,
  query,
  onChanged,
}: {
  selected: string[];
  query: SavedQuery;
  onChanged: () => void;
}) {
  const role = useSessionRole();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<'advance' | 'assign' | 'print' | 'export' | null>(null);
  const [assigning, setAssigning] = useState(false);
  const [report, setReport] = useState<BatchReport | null>(null);
  const [progress, setProgress] = useState<{ verb: string; done: number; total: number } | null>(null);

  /**
   * Runs a batch a few applications per call, so the bar can say how far it got; stops at a refused call (its
   * message shown) and returns the outcomes so far.
   */
  const inChunks = async <T,>(
    verb: string,
    call: (numbers: string[]) => Promise<{ ok: true; value: T[] } | { ok: false; error: { message: string } }>,
  ): Promise<T[]> => {
    const outcomes: T[] = [];
    setProgress({ verb, done: 0, total: selected.length });
    for (let start = 0; start < selected.length; start += CHUNK) {
      const result = await call(selected.slice(start, start + CHUNK));
      if (!result.ok) {
        message.error(result.error.message);
        break;
      }
      outcomes.push(...result.value);
      setProgress({ verb, done: Math.min(start + CHUNK, selected.length), total: selected.length });
    }
    setProgress(null);
    return outcomes;
  };

  const advance = async () => {
    setBusy('advance');
    const outcomes = await inChunks<BatchOutcome>('推进', (numbers) => api.applications.advanceMany({ numbers }));
    setBusy(null);
    if (outcomes.length === 0) return;
    const moved = outcomes.flatMap((o) => (o.ok ? [`${o.number} → ${STAGE_LABELS[o.stage]}`] : []));
    setReport({
      verb: '推进',
      outcomes,
      done: <Typography.Paragraph type="secondary">{moved.join('；')}</Typography.Paragraph>,
    });
    onChanged();
  };

  const assign = async (assignee: string | null) => {
    setAssigning(false);
    setBusy('assign');
    const result = await api.applications.assign({ numbers: selected, assignee });
    setBusy(null);
    if (!result.ok) message.error(result.error.message);
    else {
      setReport({ verb: '分派', outcomes: result.value });
      onChanged();
    }
  };

  /**
   * The replies generated a few at a time (the bar counts them), then joined into one PDF to print in one go (a
   * download in the web harness), and why the others are missing.
   */
  const printReplies = async () => {
    setBusy('print');
    const outcomes = await inChunks<ReplyOutcome>('生成答复单', (numbers) =>
      api.documents.batchSchemeReplies({ numbers }),
    );
    const printed = outcomes.flatMap((o) => (o.ok ? [o] : []));
    const merged =
      printed.length > 0 ? await api.documents.mergeSchemeReplies({ documents: printed.map((o) => o.sha256) }) : null;
    setBusy(null);
    if (merged && !merged.ok) message.error(merged.error.message);
    if (outcomes.length === 0) return;
    const file = merged?.ok ? merged.value : null;
    if (file) downloadFile(file);
    setReport({
      // Generated, not yet printed: the clerk prints the file and then confirms.
      verb: '生成',
      title: '批量打印答复单',
      outcomes,
      done: file && (
        <Typography.Paragraph data-testid="batch-print-file">
          {`已生成 ${printed.length} 份供电方案答复单，合并为一个 PDF（${file.fileName}，共 ${file.pageCount} 页），请用 PDF 阅读器一次打印。`}
        </Typography.Paragraph>
      ),
      footer: <PrintConfirm documents={printed.map((o) => o.sha256)} />,
    });
  };

  const exportList = async () => {
    setBusy('export');
    const result = await api.applications.exportXlsx(query);
    setBusy(null);
    if (!result.ok) {
      message.error(result.error.message);
      return;
    }
    downloadFile(result.value);
    const { rows, truncated } = result.value;
    if (truncated) message.warning(`列表过长，只导出了前 ${rows} 条：请缩小筛选范围后分批导出。`);
    else message.success(`已导出 ${rows} 条`);
  };

  const none = selected.length === 0;
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <Typography.Text data-testid="selection-count">{`已选 ${selected.length} 件`}</Typography.Text>
      {roleAtLeast(role, MOVE_ROLES.advance) && (
        <Button type="primary" disabled={none} loading={busy === 'advance'} onClick={() => void advance()}>
          批量推进
        </Button>
      )}
      {progress && (
        <Space data-testid="batch-progress">
          <Progress
            percent={Math.round((progress.done / progress.total) * 100)}
            size="small"
            status="active"
            showInfo={false}
            style={{ width: 160 }}
            aria-label={`批量${progress.verb}进度`}
          />
          <Typography.Text type="secondary">{`${progress.verb}：已处理 ${progress.done}/${progress.total} 件`}</Typography.Text>
        </Space>
      )}
      <Button disabled={none} loading={busy === 'print'} onClick={() => void printReplies()}>
        批量打印答复单
      </Button>
      {roleAtLeast(role, 'supervisor') && (
        <Button disabled={none} loading={busy === 'assign'} onClick={() => setAssigning(true)}>
          分派经办人
        </Button>
      )}
      <Button loading={busy === 'export'} onClick={() => void exportList()}>
        导出 Excel
      </Button>
      <AssignModal
        open={assigning}
        count={selected.length}
        onAssign={(assignee) => void assign(assignee)}
        onClose={() => setAssigning(false)}
      />
      <BatchResultModal report={report} onClose={() => setReport(null)} />
    </Space>
  );
}
