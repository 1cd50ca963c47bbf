/**
 * 流程完整性 process integrity (REFERENCE.md §8 Data: tampering, back-dating; paper §3.1 规范流程). Timestamps
 * come from the machine's clock: one that runs backwards or ahead, or moves at night, deserve a look.
 */
import { shanghaiDateTime } from '../../../shared/calendar/shanghaiTime';
import { STAGE_LABELS, type Stage } from '../../../shared/domain/codes';
import { stageEventLabel } from '../../../shared/workflow/stageEventLabels';
import type { AuditedTable } from '../../db/rowStates';
import { subjectsOfDetector } from '../../db/repositories/riskFlagRepo';
import { prepared } from '../../db/statements';
import { verifyAudit } from '../audit';
import { applicationDetector, appSubject, type HallDetector, type RiskFinding } from './detector';
import { applicationsChangedSinceScan } from './groupScan';
import { ids, userNames } from './queries';

const SECTION = '§3.1 流程规范；REFERENCE.md §8 Data';

interface EventRow {
  id: number;
  action: string;
  to_stage: string | null;
  user_id: string;
  at: string;
}

const eventsOf = (db: Parameters<typeof prepared>[0], applicationId: number) =>
  prepared<[number], EventRow>(
    db,
    'SELECT id, action, to_stage, user_id, at FROM stage_events WHERE application_id = ? ORDER BY id',
  ).all(applicationId);

/** A stage event recorded earlier than the one before it (the machine's clock was set back). */
export const timestampsBackwards = applicationDetector(
  {
    id: 'RISK-INT-01',
    name: '环节时间倒流',
    explanation: '同一申请的环节记录按登记顺序排列时，后一条的时间早于前一条，说明电脑时钟被回拨（可能是倒签时间）。',
    stage: 'INTEGRITY',
    section: SECTION,
    severity: 'high',
    evidence: [{ label: '次数' }, { label: '记录' }],
    action: '核对该工作站时钟与审计日志，确认实际办理时间。',
  },
  ({ db }) =>
    ids(
      db,
      `SELECT DISTINCT e.application_id AS id FROM stage_events e
       JOIN stage_events p ON p.application_id = e.application_id
         AND p.id = (SELECT max(id) FROM stage_events WHERE application_id = e.application_id AND id < e.id)
       WHERE e.at < p.at`,
    ),
  ({ db }, applicationId) => {
    const events = eventsOf(db, applicationId);
    const back = events.flatMap((event, i) => (i > 0 && event.at < events[i - 1]!.at ? [[events[i - 1]!, event]] : []));
    if (back.length === 0) return undefined;
    return {
      summary: back
        .map(
          ([before, after]) =>
            `${stageEventLabel(after!.action)} 记于 ${shanghaiDateTime(after!.at)}，早于前一条 ${shanghaiDateTime(before!.at)}`,
        )
        .join('；'),
      applicationIds: [applicationId],
      values: { 次数: back.length, 记录: back.map(([, after]) => after!.id).join('、') },
    };
  },
);

const localTime = (at: string) => shanghaiDateTime(at).slice(11);

/**
 * Moves recorded outside the hall's working hours. The time of day only: many halls open at weekends, so a move
 * on a Saturday is no sign in itself.
 */
export const outsideWorkingHours = applicationDetector(
  {
    id: 'RISK-INT-02',
    name: '非工作时间办理',
    explanation:
      '环节操作发生在营业厅营业时间以外（按时段判断；许多营业厅周末照常营业，故不看星期）。可能是加班，也可能是补录、代办或在无人监督时操作。',
    stage: 'INTEGRITY',
    section: SECTION,
    severity: 'low',
    evidence: [{ label: '次数' }, { label: '记录' }],
    action: '核实操作人当时是否在岗及操作原因。',
  },
  ({ db }) => ids(db, 'SELECT DISTINCT application_id AS id FROM stage_events'),
  ({ db, thresholds }, applicationId) => {
    const { start, end } = thresholds.workHours;
    const outside = eventsOf(db, applicationId).filter((event) => {
      const time = localTime(event.at);
      return time < start || time >= end;
    });
    if (outside.length === 0) return undefined;
    const names = userNames(db);
    return {
      summary: outside
        .map((e) => `${shanghaiDateTime(e.at)} ${names.get(e.user_id) ?? e.user_id} ${stageEventLabel(e.action)}`)
        .join('；'),
      applicationIds: [applicationId],
      values: { 次数: outside.length, 记录: outside.map((e) => e.id).join('、') },
    };
  },
);

/** The user who accepted the application also approved its scheme by moving it out of 供电方案. */
export const acceptedAndApprovedBySame = applicationDetector(
  {
    id: 'RISK-INT-03',
    name: '受理与审批同一人',
    explanation: '同一用户既受理了申请，又以离开“供电方案”环节的方式审批通过（受理与审批未分离）。',
    stage: 'INTEGRITY',
    section: SECTION,
    severity: 'medium',
    evidence: [{ label: '用户' }, { label: '次数' }],
    action: '由另一名审核员复核该申请的方案与资料。',
  },
  ({ db }) =>
    ids(
      db,
      `SELECT DISTINCT c.application_id AS id FROM stage_events c JOIN stage_events a
         ON a.application_id = c.application_id AND a.user_id = c.user_id
       WHERE c.action = 'create' AND a.action = 'advance' AND a.from_stage = 'SCHEME'`,
    ),
  ({ db }, applicationId) => {
    const events = eventsOf(db, applicationId);
    const creator = events.find((e) => e.action === 'create')?.user_id;
    const approvals = prepared<[number, string], { id: number; to_stage: Stage | null }>(
      db,
      `SELECT id, to_stage FROM stage_events WHERE application_id = ? AND action = 'advance' AND from_stage = 'SCHEME'
         AND user_id = ? ORDER BY id`,
    ).all(applicationId, creator ?? '');
    if (!creator || approvals.length === 0) return undefined;
    const name = userNames(db).get(creator) ?? creator;
    return {
      summary: `${name} 受理本申请，又审批通过供电方案（转入${approvals.map((a) => (a.to_stage ? STAGE_LABELS[a.to_stage] : '—')).join('、')}）`,
      applicationIds: [applicationId],
      values: { 用户: name, 次数: approvals.length },
    };
  },
);

/** Records stamped later than now: the clock of the machine that wrote them ran ahead. */
export const timestampsInFuture: HallDetector = {
  id: 'RISK-INT-04',
  name: '记录时间晚于当前时间',
  explanation: '环节记录或申请的时间晚于当前时间，说明写入时电脑时钟被调快（可能是预签时间）。',
  stage: 'INTEGRITY',
  section: SECTION,
  severity: 'high',
  evidence: [{ label: '最晚记录时间' }],
  action: '核对该工作站时钟与审计日志，更正时钟后复查该申请。',
  scope: 'hall',
  scan: (input) => {
    const { db, at } = input;
    const rows = prepared<[string, string], { id: number; latest: string }>(
      db,
      `SELECT id, max(latest) AS latest FROM (
         SELECT application_id AS id, at AS latest FROM stage_events WHERE at > ?
         UNION ALL SELECT id, updated_at FROM applications WHERE updated_at > ?)
       GROUP BY id`,
    ).all(at, at);
    const finding = (row: { id: number; latest: string }): RiskFinding => ({
      subject: appSubject(row.id),
      summary: `记录时间 ${shanghaiDateTime(row.latest)} 晚于当前时间`,
      applicationIds: [row.id],
      values: { 最晚记录时间: shanghaiDateTime(row.latest) },
    });
    // A later scan, the same day or not: a found application already flagged and not written since has the same
    // latest record, so its flag stands; the others are judged (a flagged one no longer found is dropped).
    const changed = applicationsChangedSinceScan(input);
    if (!changed) return rows.map(finding);
    const written = new Set(changed);
    const stored = new Set(subjectsOfDetector(db, timestampsInFuture.id));
    const unchanged = new Set<string>();
    const findings: RiskFinding[] = [];
    for (const row of rows) {
      const subject = appSubject(row.id);
      if (stored.has(subject) && !written.has(row.id)) unchanged.add(subject);
      else findings.push(finding(row));
    }
    return { findings, unchanged };
  },
};

/** The application an audit entry or row names by number (an application or a contract number). */
const applicationsNamed = (db: Parameters<typeof prepared>[0], label: string | undefined) =>
  label
    ? ids(
        db,
        'SELECT id FROM applications WHERE number = ? UNION SELECT application_id FROM contracts WHERE number = ?',
        label,
        label,
      )
    : [];

/** The audited tables as the 风险 tab names them (the evidence shows no table identifiers). */
const TABLE_LABELS: Record<AuditedTable, string> = {
  applications: '申请',
  customers: '客户',
  supply_scheme_versions: '供电方案',
  contracts: '合同',
  documents: '文书',
  users: '用户',
  suggestion_outcomes: '营销建议跟进',
};

/**
 * `audit verify` problems as flags: a break in the hash chain, rows changed outside the app, signed chain heads
 * the chain no longer reaches. Scanned once a day (the whole chain is walked); signatures are checked by
 * `yekuo audit verify`, which has the hall's keys.
 */
export const auditProblems: HallDetector = {
  id: 'RISK-INT-05',
  name: '审计日志校验问题',
  explanation:
    '审计日志校验（yekuo audit verify）发现问题：哈希链断裂、数据行与审计记录不符（在本系统之外被改动）或已签名的链头不再可达。说明数据库文件被改动过。',
  stage: 'INTEGRITY',
  section: `${SECTION}；DESIGN.md 审计日志`,
  severity: 'high',
  evidence: [{ label: '审计记录' }, { label: '链头' }, { label: '数据' }, { label: '行' }, { label: '问题' }],
  action: '立即运行 yekuo audit verify 查看详情，用备份核对被改动的记录，并查明改动来源。',
  scope: 'hall',
  cadence: 'daily',
  scan: ({ db }) => {
    const result = verifyAudit(db);
    const findings: RiskFinding[] = [];
    if (result.firstBad) {
      const bad = result.firstBad;
      findings.push({
        subject: 'audit:chain',
        summary: `第 ${bad.id} 条审计记录${bad.at ? `（${shanghaiDateTime(bad.at)} ${bad.action}）` : ''}：${bad.problem}`,
        applicationIds: bad.entity === 'application' ? applicationsNamed(db, bad.entityId) : [],
        values: { 审计记录: bad.id, 问题: bad.problem },
      });
    }
    for (const row of result.rows?.problems ?? []) {
      const table = TABLE_LABELS[row.table as AuditedTable] ?? row.table;
      findings.push({
        subject: `audit:row:${row.table}:${row.key}`,
        summary: `${table} ${row.label ?? row.key}：${row.problem}`,
        applicationIds: applicationsNamed(db, row.label),
        values: { 数据: table, 行: row.key, 问题: row.problem },
      });
    }
    for (const anchor of result.anchors?.problems ?? []) {
      findings.push({
        subject: `audit:anchor:${anchor.anchorId}`,
        summary: `签名链头 ${anchor.anchorId}（第 ${anchor.entryId} 条）：${anchor.problem}`,
        applicationIds: [],
        values: { 链头: anchor.anchorId, 审计记录: anchor.entryId, 问题: anchor.problem },
      });
    }
    return findings;
  },
};
