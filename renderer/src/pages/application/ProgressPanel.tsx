import { Steps, Timeline, Tooltip, Typography } from 'antd';
import type { ApplicationDetail, PlanStepState } from '../../../../shared/api/applications';
import type { AuditEntry } from '../../../../shared/api/audit';
import { STAGE_LABELS } from '../../../../shared/domain/codes';
import { STAGE_EVENT_LABELS } from '../../../../shared/workflow/stageEventLabels';
import { PAUSE_REASON_LABELS, type PauseReason } from '../../../../shared/workflow/pauseReasons';
import { formatDateTime } from '../../format/dates';

const STEP_STATUS: Record<PlanStepState, 'finish' | 'process' | 'wait'> = {
  done: 'finish',
  current: 'process',
  skipped: 'wait',
  pending: 'wait',
  optional: 'wait',
};

type PlanStep = ApplicationDetail['plan'][number];

const OPTIONAL_NOTE = '可选环节：不需要时，用“跳过…并推进”写明理由即可跳过';

function StepNote({ step }: { step: PlanStep }) {
  if (step.state !== 'skipped' && step.state !== 'optional') return null;
  return (
    <Tooltip title={step.state === 'skipped' ? (step.note ?? '已跳过') : OPTIONAL_NOTE}>
      <span style={{ whiteSpace: 'nowrap', fontSize: 12 }}>{step.state === 'skipped' ? '跳过' : '可选'}</span>
    </Tooltip>
  );
}

/** Why each skipped stage is (or will be) skipped, in words under the bar. */
function SkippedStages({ plan }: { plan: PlanStep[] }) {
  const skipped = plan.filter((step) => step.state === 'skipped');
  if (skipped.length === 0) return null;
  return (
    <Typography.Paragraph type="secondary" data-testid="skipped-stages">
      {skipped.map((step) => `${STAGE_LABELS[step.stage]}：跳过（${step.note ?? '未写明理由'}）`).join('；')}
    </Typography.Paragraph>
  );
}

/**
 * 办理进度: the plan of stages for this type and class, and who moved it when. A move writes its stage events and
 * its audit entry in one transaction at one instant, so the audit entry of the same instant names the user.
 */
export function ProgressPanel({ detail, audit }: { detail: ApplicationDetail; audit: AuditEntry[] }) {
  const current = detail.plan.findIndex((step) => step.state === 'current');
  const names = new Map(audit.map((entry) => [entry.at, entry.userName] as const));
  return (
    <div>
      <Steps
        size="small"
        titlePlacement="vertical"
        current={current}
        data-testid="stage-bar"
        items={detail.plan.map((step) => ({
          // A stage name never wraps: eleven stages share 1366 px in the compact vertical style.
          title: <span style={{ whiteSpace: 'nowrap', fontSize: 13 }}>{STAGE_LABELS[step.stage]}</span>,
          status: STEP_STATUS[step.state],
          description: <StepNote step={step} />,
        }))}
        style={{ marginBottom: 16 }}
      />
      <SkippedStages plan={detail.plan} />
      <Typography.Title level={5}>办理记录</Typography.Title>
      <Timeline
        data-testid="stage-events"
        items={detail.events.map((event) => ({
          content: (
            <span>
              {formatDateTime(event.at)} · {names.get(event.at) || '（未记录）'} ·{' '}
              {STAGE_EVENT_LABELS[event.action] ?? '办理'}
              {event.toStage ? ` → ${STAGE_LABELS[event.toStage]}` : ''}
              {event.reasonCode
                ? `（${PAUSE_REASON_LABELS[event.reasonCode as PauseReason] ?? event.reasonCode}）`
                : ''}
              {event.reason ? `：${event.reason}` : ''}
            </span>
          ),
        }))}
      />
    </div>
  );
}
