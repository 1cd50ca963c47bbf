/**
 * 时限 slow handling (paper §3.1; REFERENCE.md §3.6): the deadline states the store already keeps
 * (shared/workflow/clock.ts, the same columns the 工作台 counts), and applications idle in one stage. The
 * clock stops while an application is suspended: suspended applications carry no deadline and are not idle.
 */
import type { RiskEvidenceField } from '../../../shared/api/risk';
import type { DocumentCode } from '../../../shared/domain/application';
import { STAGE_LABELS, type Stage } from '../../../shared/domain/codes';
import { DOCUMENT_LABELS } from '../../../shared/rules';
import { DEADLINE_STATE_LABELS, deadlineStates, type DeadlineState } from '../../../shared/workflow/clock';
import { PAUSE_REASON_LABELS, type PauseReason } from '../../../shared/workflow/pauseReasons';
import type { DeferredCandidate } from '../../db/repositories/workbenchRepo';
import { DEADLINE_COLUMNS } from '../../db/migrations/0032_risk_deadline_indexes';
import { hallScanState } from '../../db/repositories/riskFlagRepo';
import { prepared } from '../../db/statements';
import { dueDeferred } from '../workstation/deferredDue';
import {
  applicationDetector,
  appSubject,
  type DetectorInput,
  type HallDetector,
  type HallScan,
  type RiskFinding,
} from './detector';
import { applicationsChanged, changedOnly, type FiringGroup, judgeGroups } from './groupScan';
import { rebuildIdleDays, refreshIdleDays } from './idleDays';
import { ids, percent, userNames } from './queries';

const SECTION = '§3.1 流程规范（办理时限）；REFERENCE.md §3.6';

/** The evidence of 超期 and 临期: each clock's state beside its due date. */
const DEADLINE_EVIDENCE: RiskEvidenceField[] = [
  { label: '环节' },
  { label: '环节状态' },
  { label: '环节期限', kind: 'date' },
  { label: '全流程状态' },
  { label: '全流程期限', kind: 'date' },
];

interface DeadlineRow {
  id: number;
  stage: Stage;
  stage_due: string | null;
  stage_warn: string | null;
  total_due: string | null;
  total_warn: string | null;
}

/**
 * The rows a date-driven scan judges: every matching application, or only the matching ones among the
 * `candidates` (dayCandidates), with the other stored flags left standing.
 */
function dateScan<Row extends { id: number }>(
  input: DetectorInput,
  detectorId: string,
  sql: string,
  param: string,
  judge: (rows: Row[]) => RiskFinding[],
  candidates: number[] | undefined,
): RiskFinding[] | HallScan {
  if (!candidates) return judge(prepared<[string], Row>(input.db, `SELECT * FROM (${sql})`).all(param));
  const rows = prepared<[string, string], Row>(
    input.db,
    `SELECT * FROM (${sql}) WHERE id IN (SELECT value FROM json_each(?))`,
  ).all(param, JSON.stringify(candidates));
  return changedOnly(input, detectorId, candidates, judge(rows));
}

/**
 * The applications a date-driven scan judges: those written since the last scan, and on a new day those whose
 * `crossing` day (found by index) lies between the last scan's day and today: a state changes only when the date
 * passes that day. Undefined: judge every application (a rescan, no scan yet, a clock set back).
 */
function dayCandidates(input: DetectorInput, crossing: (last: string) => number[]): number[] | undefined {
  const last = hallScanState(input.db).day;
  if (input.rescan || last === null || last > input.today) return undefined;
  const changed = applicationsChanged(input.db);
  if (last === input.today) return changed;
  return [...new Set([...changed, ...crossing(last)])];
}

/** 超期 and 临期 change when the date passes a stage or total warn or due day (indexed by migration 0032). */
const deadlineCandidates = (input: DetectorInput) =>
  dayCandidates(input, (last) =>
    ids(
      input.db,
      DEADLINE_COLUMNS.map(
        (column) =>
          `SELECT id FROM applications INDEXED BY applications_active_${column}
           WHERE status = 'ACTIVE' AND ${column} BETWEEN @last AND @today`,
      ).join(' UNION '),
      { last, today: input.today },
    ),
  );

/** Active applications in a deadline state, judged on `today` exactly as lists and the 工作台 judge them. */
function inState(input: DetectorInput, detectorId: string, state: DeadlineState): RiskFinding[] | HallScan {
  const { today } = input;
  const sql = `SELECT id, stage, stage_due, stage_warn, total_due, total_warn FROM applications
     WHERE status = 'ACTIVE' AND warn_date IS NOT NULL AND warn_date <= ?`;
  return dateScan<DeadlineRow>(
    input,
    detectorId,
    sql,
    today,
    (rows) =>
      rows.flatMap((row) => {
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
      }),
    deadlineCandidates(input),
  );
}

export const overdue: HallDetector = {
  id: 'RISK-TIME-01',
  name: '超期',
  explanation: '在办申请已超过环节时限或全流程时限（客户原因的挂起时间不计）。',
  stage: 'TIME',
  section: SECTION,
  severity: 'high',
  evidence: DEADLINE_EVIDENCE,
  action: '督办经办人立即处理，并在申请中记录超期原因。',
  scope: 'hall',
  scan: (input) => inState(input, 'RISK-TIME-01', 'OVERDUE'),
};

export const dueSoon: HallDetector = {
  id: 'RISK-TIME-02',
  name: '临期',
  explanation: '在办申请已用去环节或全流程时限的大部分（临期阈值见时限设置）。',
  stage: 'TIME',
  section: SECTION,
  severity: 'low',
  evidence: DEADLINE_EVIDENCE,
  action: '提醒经办人优先处理。',
  scope: 'hall',
  scan: (input) => inState(input, 'RISK-TIME-02', 'DUE_SOON'),
};

/** Applications in one hall stage for more than N working days (customer stages and suspensions excluded). */
export const idle: HallDetector = {
  id: 'RISK-TIME-03',
  name: '环节停滞',
  explanation: '在办申请在同一环节停留超过阈值个工作日（客户施工、缴费、签约等客户环节及挂起期间不计）。',
  stage: 'TIME',
  section: SECTION,
  severity: 'medium',
  evidence: [{ label: '环节' }, { label: '进入环节', kind: 'date' }],
  action: '查明停滞原因；若为客户原因，应办理挂起并记录原因。',
  scope: 'hall',
  scan: (input) => {
    const { db, today, thresholds } = input;
    // The idle days (migration 0034) are rebuilt when they may be stale (a rescan: the configuration may have
    // changed; no scan yet), otherwise kept for the applications written since the last scan.
    if (input.rescan || hallScanState(db).day === null) rebuildIdleDays(input);
    else refreshIdleDays(input, applicationsChanged(db));
    const sql = `SELECT a.id, a.stage, a.stage_start_date FROM risk_idle_days i JOIN applications a ON a.id = i.application_id
       WHERE i.idle_day <= ?`;
    type Row = { id: number; stage: Stage; stage_start_date: string };
    return dateScan<Row>(
      input,
      idle.id,
      sql,
      today,
      (rows) =>
        rows.map((row) => ({
          subject: appSubject(row.id),
          summary: `自 ${row.stage_start_date} 起停留在${STAGE_LABELS[row.stage]}环节超过 ${thresholds.idleWorkdays} 个工作日`,
          applicationIds: [row.id],
          values: { 环节: STAGE_LABELS[row.stage], 进入环节: row.stage_start_date },
        })),
      dayCandidates(input, (last) =>
        ids(db, 'SELECT application_id AS id FROM risk_idle_days WHERE idle_day > ? AND idle_day <= ?', last, today),
      ),
    );
  },
};

/**
 * 容缺 documents falling due (REFERENCE.md §4.1, §8 ACCEPT "documents never collected after 容缺"): a deferred
 * document that blocks the current stage or the next advance, exactly as the 工作台's 容缺资料临期 panel lists it.
 */
export const deferredDocumentsDue = applicationDetector(
  {
    id: 'RISK-TIME-04',
    name: '容缺资料临期',
    explanation:
      '容缺受理的资料已到补交环节（当前环节不补齐不能推进）或将在下一环节到期，客户仍未补交。容缺资料久拖不收，会卡住流程或形成资料缺失的档案。',
    stage: 'TIME',
    section: '§3.2 容缺受理（资料后置）；REFERENCE.md §4.1、§8 ACCEPT',
    severity: 'low',
    evidence: [{ label: '环节' }, { label: '资料' }, { label: '已到期', kind: 'yesNo' }],
    action: '通知客户在到期环节前补交资料；确实无法补交的，按规定办理挂起或终止。',
  },
  ({ db }) =>
    ids(
      db,
      `SELECT DISTINCT d.application_id AS id FROM required_documents d JOIN applications a ON a.id = d.application_id
       WHERE d.status = 'DEFERRED' AND a.status = 'ACTIVE'`,
    ),
  ({ db }, applicationId) => {
    const candidates = prepared<[number], DeferredCandidate>(
      db,
      `SELECT a.id, a.stage, a.business_type, a.customer_class, a.due_date, d.code, d.due_stage
       FROM applications a JOIN required_documents d ON d.application_id = a.id AND d.status = 'DEFERRED'
       WHERE a.id = ? AND a.status = 'ACTIVE' ORDER BY d.code`,
    ).all(applicationId);
    const due = dueDeferred(db, candidates)[0];
    if (!due) return undefined;
    const text = due.documents
      .map(
        (d) =>
          `${DOCUMENT_LABELS[d.code as DocumentCode]}（${STAGE_LABELS[d.dueStage]}前${d.when === 'now' ? '，已到期' : ''}）`,
      )
      .join('、');
    return {
      summary: `当前在${STAGE_LABELS[due.stage]}环节，容缺资料待补：${text}`,
      applicationIds: [applicationId],
      values: {
        环节: STAGE_LABELS[due.stage],
        资料: due.documents.map((d) => DOCUMENT_LABELS[d.code as DocumentCode]).join('、'),
        已到期: due.documents.some((d) => d.when === 'now'),
      },
    };
  },
);

/**
 * A clerk whose accepted applications are suspended (挂起) far more often than the other clerks' (REFERENCE.md
 * §8 Whole flow: "clock manipulated by unjustified pauses — pause reasons and their share per clerk"). A pause
 * stops the deadline clock, so unjustified ones hide slow handling. Clerks are compared by the applications they
 * accepted, as RISK-ACC-05 compares them.
 */
export const pauseShare: HallDetector = {
  id: 'RISK-TIME-05',
  name: '营业员挂起比例偏高',
  explanation: '某营业员受理的申请被挂起（暂停计时）的比例明显高于其他人。挂起只能因客户原因，滥用挂起会掩盖超期。',
  stage: 'TIME',
  section: `${SECTION}；REFERENCE.md §3.6、§8 Whole flow`,
  severity: 'medium',
  evidence: [{ label: '营业员' }, { label: '被挂起申请数' }],
  action: '抽查该营业员受理的被挂起申请及挂起原因、客户确认记录，确认挂起确因客户原因。',
  scope: 'hall',
  scan: (input) => {
    const { db, thresholds } = input;
    // Accepted and suspended applications per clerk (migration 0023), kept by triggers.
    const rows = prepared<[], { user_id: string; n: number; paused: number }>(
      db,
      'SELECT user_id, accepted AS n, paused FROM risk_clerk_counts',
    ).all();
    const total = rows.reduce((sum, row) => sum + row.n, 0);
    const paused = rows.reduce((sum, row) => sum + row.paused, 0);
    const names = userNames(db);
    const firing = rows.flatMap((row): FiringGroup[] => {
      const share = row.paused / row.n;
      const others = total - row.n > 0 ? (paused - row.paused) / (total - row.n) : share;
      if (row.n < thresholds.clerkRateMinApplications || row.paused === 0) return [];
      if (share < thresholds.pauseShareFactor * others) return [];
      const name = names.get(row.user_id) ?? row.user_id;
      const subject = `clerk:${row.user_id}`;
      const finding = (): RiskFinding => {
        const why = prepared<[string], { reason_code: string | null; n: number }>(
          db,
          `SELECT s.reason_code, count(*) AS n FROM risk_application_clerks c INDEXED BY risk_application_clerks_paused
           JOIN stage_events s INDEXED BY stage_events_suspend ON s.application_id = c.application_id AND s.action = 'suspend'
           WHERE c.user_id = ? AND paused GROUP BY s.reason_code ORDER BY n DESC, s.reason_code`,
        )
          .all(row.user_id)
          .map((r) => `${PAUSE_REASON_LABELS[r.reason_code as PauseReason] ?? r.reason_code ?? '—'} ${r.n} 次`)
          .join('、');
        return {
          subject,
          summary: `${name} 受理 ${row.n} 件，其中被挂起 ${row.paused} 件（${percent(share)}），其他人 ${percent(others)}；挂起原因：${why}`,
          applicationIds: ids(
            db,
            'SELECT application_id AS id FROM risk_application_clerks WHERE user_id = ? AND paused ORDER BY application_id',
            row.user_id,
          ),
          values: { 营业员: name, 被挂起申请数: row.paused },
        };
      };
      return [{ subject, finding }];
    });
    return judgeGroups(input, pauseShare.id, firing);
  },
};
