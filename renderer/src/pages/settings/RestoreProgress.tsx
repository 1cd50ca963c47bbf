import { Alert, Button, Modal, Progress, Typography } from 'antd';
import { useState } from 'react';
import type { BackupItem, RestoreOutcome } from '../../../../shared/api/backups';
import { api } from '../../api';
import { formatDateTime } from '../../format/dates';

type Step =
  | { state: 'checking' }
  | { state: 'restoring' }
  | { state: 'done'; outcome: RestoreOutcome }
  | { state: 'failed'; message: string; during: '校验备份' | '恢复数据库' };

/**
 * The restore's two calls, each a step of the bar: the copy is checked again (integrity_check, audit verify,
 * same hall), then the database is replaced, reopened and verified. A refusal at either step leaves the hall's
 * database as it was. After a restore every screen shows stale data, so the client is loaded again.
 */
export function useRestore(onFinished: () => void) {
  const [target, setTarget] = useState<BackupItem | null>(null);
  const [step, setStep] = useState<Step>({ state: 'checking' });

  const start = async (copy: BackupItem) => {
    setTarget(copy);
    setStep({ state: 'checking' });
    const checked = await api.backups.check({ file: copy.file });
    if (!checked.ok) {
      setStep({ state: 'failed', message: checked.error.message, during: '校验备份' });
      return;
    }
    setStep({ state: 'restoring' });
    const restored = await api.backups.restore({ file: copy.file });
    setStep(
      restored.ok
        ? { state: 'done', outcome: restored.value }
        : { state: 'failed', message: restored.error.message, during: '恢复数据库' },
    );
  };

  const close = () => {
    setTarget(null);
    onFinished();
  };

  const modal = (
    <Modal
      open={target !== null}
      title={target ? `从备份恢复：${formatDateTime(target.createdAt)}` : ''}
      closable={step.state === 'failed'}
      maskClosable={false}
      keyboard={false}
      onCancel={close}
      footer={
        step.state === 'done' ? (
          <Button type="primary" onClick={() => window.location.reload()}>
            重新载入客户端
          </Button>
        ) : step.state === 'failed' ? (
          <Button onClick={close}>关闭</Button>
        ) : null
      }
      destroyOnHidden
    >
      <div data-testid="restore-progress">
        <Progress
          percent={{ checking: 30, restoring: 70, done: 100, failed: 100 }[step.state]}
          status={step.state === 'failed' ? 'exception' : step.state === 'done' ? 'success' : 'active'}
        />
        {step.state === 'checking' && <Typography.Paragraph>第 1 步，共 2 步：正在重新校验备份…</Typography.Paragraph>}
        {step.state === 'restoring' && (
          <Typography.Paragraph>第 2 步，共 2 步：正在替换数据库并重新打开，请勿关闭客户端…</Typography.Paragraph>
        )}
        {step.state === 'failed' && (
          <Alert
            type="error"
            showIcon
            title={`${step.during}未通过，数据库未作改动`}
            description={step.message}
            data-testid="restore-failed"
          />
        )}
        {step.state === 'done' && (
          <Alert
            type={step.outcome.auditOk ? 'success' : 'warning'}
            showIcon
            data-testid="restore-done"
            title="已从备份恢复"
            description={
              <>
                <div>
                  恢复后审计校验：
                  {step.outcome.auditOk ? `通过（${step.outcome.auditChecked} 条）` : '未通过，请联系技术支持'}
                </div>
                <div>原数据库已另存为 {step.outcome.before}</div>
                <div>备份之后办理的业务不在恢复后的数据中，请核对后补录。请点“重新载入客户端”。</div>
              </>
            }
          />
        )}
      </div>
    </Modal>
  );
  return { start: (copy: BackupItem) => void start(copy), modal };
}
