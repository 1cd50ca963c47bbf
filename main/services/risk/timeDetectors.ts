/**
 * 时限 slow handling (paper §3.1; REFERENCE.md §3.6): the deadline states the store already keeps
 * (shared/workflow/clock.ts, the same columns the 工作台 counts), and applications idle in one stage. The
 * clock stops while an application is suspended: suspended applications carry no deadline and are not idle.
 */
import { STAGE_LABELS, type Stage } from '../../../shared/domain/codes';
import { DEADLINE_STATE_LABELS, deadlineStates, type DeadlineState } from '../../../shared/workflow/clock';
import { CUSTOMER_TIME_STAGES } from '../../../shared/workflow/timeLimits';
import { prepared } from '../../db/statements';
import { appSubject, type DetectorInput, type HallDetector, type RiskFinding } from './detector';

const SECTION = '§3.1 流程规范（办理时限）；REFERENCE.md §3.6';

interface DeadlineRow {
  id: number;
  stage: Stage;
  stage_due: string | null;
  stage_warn: string | null;
  total_due: string | null;
  total_warn: string | null;
}

/** Active applications in a deadline state, judged on `today` exactly as lists and the 工作台 judge them. */
function inState({ db, today }: DetectorInput, state: DeadlineState): RiskFinding[] {
  const rows = prepared<[string], DeadlineRow>(
    db,
    `SELECT id, stage, stage_due, stage_warn, total_due, total_warn FROM applications
     WHERE status = 'ACTIVE' AND warn_date IS NOT NULL AND warn_date <= ?`,
  ).all(today);
  return rows.flatMap((row) => {
    const states = deadlineStates(
      { stageDue: row.stage_due, stageWarn: row.stage_warn, totalDue: row.total_due, totalWarn: row.total_warn },
      today,
    );
    if (states.overall !== state) return [];
    const parts = [
      states.stage === state ? `${STAGE_LABELS[row.stage]}环节 ${row.stage_due} 到期` : null,
      states.total === state ? `全流程 ${row.total_due} 到期` : null,
    ].filter((part) => part !== null);
    return [
      {
        subject: appSubject(row.id),
        summary: parts.join('，'),
        applicationIds: [row.id],
        values: {
          环节: STAGE_LABELS[row.stage],
          环节期限: row.stage_due,
          全流程期限: row.total_due,
          // Chinese in the evidence: the 风险 tab and the CLI show these values as they are.
          环节状态: DEADLINE_STATE_LABELS[states.stage],
          全流程状态: DEADLINE_STATE_LABELS[states.total],
        },
      },
    ];
  });
}

export const overdue: HallDetector = {
  id: 'RISK-TIME-01',
  name: '超期',
  explanation: '在办申请已超过环节时限或全流程时限（客户原因的挂起时间不计）。',
  stage: 'TIME',
  section: SECTION,
  severity: 'high',
  action: '督办经办人立即处理，并在申请中记录超期原因。',
  scope: 'hall',
  scan: (input) => inState(input, 'OVERDUE'),
};

export const dueSoon: HallDetector = {
  id: 'RISK-TIME-02',
  name: '临期',
  explanation: '在办申请已用去环节或全流程时限的大部分（临期阈值见时限设置）。',
  stage: 'TIME',
  section: SECTION,
  severity: 'low',
  action: '提醒经办人优先处理。',
  scope: 'hall',
  scan: (input) => inState(input, 'DUE_SOON'),
};

/** Applications in one hall stage for more than N working days (customer stages and suspensions excluded). */
export const idle: HallDetector = {
  id: 'RISK-TIME-03',
  name: '环节停滞',
  explanation: '在办申请在同一环节停留超过阈值个工作日（客户施工、缴费、签约等客户环节及挂起期间不计）。',
  stage: 'TIME',
  section: SECTION,
  severity: 'medium',
  action: '查明停滞原因；若为客户原因，应办理挂起并记录原因。',
  scope: 'hall',
  scan: ({ db, today, calendar, thresholds }) => {
    // Prefilter by calendar days: N working days take at least N calendar days.
    const before = new Date(Date.parse(`${today}T00:00:00Z`) - thresholds.idleWorkdays * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const rows = prepared<[string], { id: number; stage: Stage; stage_start_date: string; stage_paused_wd: number }>(
      db,
      `SELECT id, stage, stage_start_date, stage_paused_wd FROM applications
       WHERE status = 'ACTIVE' AND stage_start_date < ?`,
    ).all(before);
    return rows.flatMap((row): RiskFinding[] => {
      if (CUSTOMER_TIME_STAGES.has(row.stage)) return [];
      // A short walk forward (N + paused + 1 working days) decides, instead of counting the whole span.
      const over = calendar.addWorkdays(row.stage_start_date, thresholds.idleWorkdays + row.stage_paused_wd + 1);
      if (over > today) return [];
      return [
        {
          subject: appSubject(row.id),
          summary: `自 ${row.stage_start_date} 起停留在${STAGE_LABELS[row.stage]}环节超过 ${thresholds.idleWorkdays} 个工作日`,
          applicationIds: [row.id],
          values: { 环节: STAGE_LABELS[row.stage], 进入环节: row.stage_start_date },
        },
      ];
    });
  },
};
