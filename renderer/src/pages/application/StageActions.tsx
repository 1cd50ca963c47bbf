import { Alert, Button, Input, Modal, Select, Space, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import type { ApplicationDetail } from '../../../../shared/api/applications';
import type { ApiError, Result } from '../../../../shared/api/result';
import { roleAtLeast, STAGE_LABELS, type Stage } from '../../../../shared/domain/codes';
import { MOVE_ROLES, SUPERVISOR_EXIT_STAGES, type Move } from '../../../../shared/workflow/moves';
import { PAUSE_REASON_LABELS, type PauseReason } from '../../../../shared/workflow/pauseReasons';
import { stagePlan } from '../../../../shared/workflow/stagePlans';
import { api } from '../../api';
import { ProblemList } from '../../forms/ProblemList';
import { AcknowledgeWarnings, onlyWarnings } from './AcknowledgeWarnings';
import { optionsOf } from '../../forms/options';
import { useSessionRole } from '../../shell/SessionContext';

type Dialog = null | 'return' | 'suspend' | 'cancel' | 'skip';

/**
 * The stage moves my role may make on this application. The main process decides (and refuses with the same
 * Chinese message as the CLI); the buttons only spare clerks a pointless click.
 */
export function StageActions({
  detail,
  onMoved,
  children,
}: {
  detail: ApplicationDetail;
  onMoved: () => Promise<void>;
  /** Progress the stage records beside its moves (the completion check). */
  children?: ReactNode;
}) {
  const role = useSessionRole();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [target, setTarget] = useState<Stage>();
  const [reasonCode, setReasonCode] = useState<PauseReason>();
  const [reason, setReason] = useState('');
  /** The forward move last tried, repeated with acknowledgements when only warnings refused it. */
  const [forward, setForward] = useState<'advance' | 'archive'>('advance');

  const may = (move: Move) => roleAtLeast(role, MOVE_ROLES[move]);
  const active = detail.status === 'ACTIVE';
  const earlier = detail.plan
    .slice(
      0,
      detail.plan.findIndex((step) => step.state === 'current'),
    )
    .filter((step) => step.state === 'done')
    .map((step) => step.stage);
  /**
   * The next step the application would enter, when it is optional and left to the user (no data decide it, as
   * 电网配套工程 of a 低压居民 connection): it may be skipped with a reason.
   */
  const current = detail.plan.findIndex((step) => step.state === 'current');
  const next = detail.plan.slice(current + 1).find((step) => step.state !== 'skipped');
  const userDecides = stagePlan(detail.businessType, detail.customerClass).some(
    (step) => step.stage === next?.stage && step.optional && !step.optional.appliesWhen,
  );
  const skippable = active && next?.state === 'optional' && userDecides ? next.stage : undefined;

  const run = async (call: () => Promise<Result<unknown>>) => {
    setBusy(true);
    const result = await call();
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(null);
    setDialog(null);
    setReason('');
    await onMoved();
  };
  const number = detail.number;

  return (
    <div>
      <Space wrap>
        {active && detail.stage !== 'ARCHIVE' && may('advance') && (
          <Button
            type="primary"
            loading={busy}
            disabled={SUPERVISOR_EXIT_STAGES.has(detail.stage) && !roleAtLeast(role, 'supervisor')}
            onClick={() => {
              setForward('advance');
              void run(() => api.applications.advance({ number }));
            }}
          >
            {SUPERVISOR_EXIT_STAGES.has(detail.stage) ? '审批通过并推进' : '推进到下一环节'}
          </Button>
        )}
        {skippable && may('advance') && !SUPERVISOR_EXIT_STAGES.has(detail.stage) && (
          <Button onClick={() => setDialog('skip')}>跳过“{STAGE_LABELS[skippable]}”并推进</Button>
        )}
        {active && detail.stage === 'ARCHIVE' && may('archive') && (
          <Button
            type="primary"
            loading={busy}
            onClick={() => {
              setForward('archive');
              void run(() => api.applications.archive({ number }));
            }}
          >
            归档
          </Button>
        )}
        {active && earlier.length > 0 && may('return') && <Button onClick={() => setDialog('return')}>退回</Button>}
        {active && detail.stage !== 'ARCHIVE' && may('suspend') && (
          <Button onClick={() => setDialog('suspend')}>挂起</Button>
        )}
        {detail.status === 'SUSPENDED' && may('resume') && (
          <Button type="primary" loading={busy} onClick={() => void run(() => api.applications.resume({ number }))}>
            恢复办理
          </Button>
        )}
        {(active || detail.status === 'SUSPENDED') && may('cancel') && (
          <Button danger onClick={() => setDialog('cancel')}>
            终止
          </Button>
        )}
        {children}
        {active && SUPERVISOR_EXIT_STAGES.has(detail.stage) && !roleAtLeast(role, 'supervisor') && (
          <Typography.Text type="secondary" data-testid="approval-hint">
            供电方案须经班长/审核员审批并由其推进；请在“供电方案”页起草方案，保存草稿后交班长审批。
          </Typography.Text>
        )}
      </Space>
      {error && !dialog && error.code === 'RULE_VIOLATION' && onlyWarnings(error.problems) ? (
        <AcknowledgeWarnings
          key={error.problems.map((p) => p.ruleId).join()}
          warnings={error.problems}
          actionLabel={forward === 'archive' ? '确认并归档' : '确认并推进'}
          busy={busy}
          onConfirm={(acknowledgements) =>
            void run(() =>
              forward === 'archive'
                ? api.applications.archive({ number, acknowledgements })
                : api.applications.advance({ number, acknowledgements }),
            )
          }
        />
      ) : (
        error && !dialog && <MoveError error={error} />
      )}

      <Modal
        open={dialog !== null}
        title={
          dialog === 'return'
            ? '退回到之前的环节'
            : dialog === 'suspend'
              ? '挂起（客户原因，时限暂停）'
              : dialog === 'skip' && skippable
                ? `跳过可选环节“${STAGE_LABELS[skippable]}”`
                : '终止申请'
        }
        okText="确定"
        cancelText="取消"
        confirmLoading={busy}
        okButtonProps={{ disabled: dialog === 'suspend' && reasonCode === undefined }}
        onCancel={() => {
          setDialog(null);
          setError(null);
        }}
        onOk={() => {
          if (dialog === 'suspend' && !reasonCode) return;
          void run(() =>
            dialog === 'return'
              ? api.applications.return({ number, to: target ?? earlier[earlier.length - 1] ?? 'ACCEPT', reason })
              : dialog === 'suspend' && reasonCode
                ? api.applications.suspend({ number, reasonCode, note: reason })
                : dialog === 'skip' && skippable
                  ? api.applications.advance({ number, skip: { stages: [skippable], reason } })
                  : api.applications.cancel({ number, reason }),
          );
        }}
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          {dialog === 'skip' && (
            <Typography.Text>
              本申请不需要此环节时，写明理由后直接推进到其后的环节；理由记入办理记录与审计日志。
            </Typography.Text>
          )}
          {dialog === 'return' && (
            <Select<Stage>
              aria-label="退回到"
              style={{ width: '100%' }}
              value={target ?? earlier[earlier.length - 1]}
              options={earlier.map((stage) => ({ value: stage, label: STAGE_LABELS[stage] }))}
              onChange={setTarget}
            />
          )}
          {dialog === 'suspend' && (
            <Select<PauseReason>
              aria-label="挂起原因"
              style={{ width: '100%' }}
              placeholder="请选择挂起原因（必选）"
              value={reasonCode}
              options={optionsOf(PAUSE_REASON_LABELS)}
              onChange={setReasonCode}
            />
          )}
          <Input.TextArea
            aria-label={dialog === 'suspend' ? '说明' : '理由'}
            placeholder={dialog === 'suspend' ? '说明（可选）' : '理由（必填，记入审计日志）'}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            rows={3}
          />
          {error && <MoveError error={error} />}
        </Space>
      </Modal>
    </div>
  );
}

function MoveError({ error }: { error: ApiError }) {
  const listed = error.problems && error.problems.length > 1 ? error.problems : undefined;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginTop: 12 }}
      // With the problems listed below, the title says what happened and how many, not every message twice.
      title={listed ? `${error.message.split('：')[0]}（共 ${listed.length} 处）：` : error.message}
      description={listed ? <ProblemList problems={listed} testId="move-problems" /> : undefined}
      data-testid="move-error"
    />
  );
}
