/** 业务受理 risks (paper §2 受理: misunderstood needs, wrong handling of increases, non-standard procedure). */
import { CAPACITY_GROUP_KEY } from '../../db/migrations/0027_risk_capacity_dirty_groups';
import { subjectsOfDetector } from '../../db/repositories/riskFlagRepo';
import { prepared } from '../../db/statements';
import { appSubject, applicationDetector, type HallDetector, type RiskFinding } from './detector';
import { dirtySubjects, type FiringGroup, judgeGroups } from './groupScan';
import { ids, percent, userNames } from './queries';
import { quantileOfCounts } from '../../../shared/stats/quantile';

const SECTION = '§2 受理环节风险、§3.1 流程规范';

/** Returns to 业务受理 of one application. */
export const repeatedReturns = applicationDetector(
  {
    id: 'RISK-ACC-02',
    name: '多次退回受理',
    explanation: '同一申请被多次退回业务受理环节，说明受理时需求理解有误或资料反复不全。',
    stage: 'ACCEPT',
    section: SECTION,
    severity: 'medium',
    evidence: [{ label: '退回次数' }, { label: '退回理由' }],
    action: '核对受理记录与退回理由，必要时对经办营业员进行一次性告知培训。',
  },
  ({ db, thresholds }) =>
    ids(
      db,
      `SELECT application_id AS id FROM stage_events WHERE action = 'return' AND to_stage = 'ACCEPT'
       GROUP BY application_id HAVING count(*) >= ?`,
      thresholds.returnsToAcceptMin,
    ),
  ({ db, thresholds }, applicationId) => {
    const rows = prepared<[number], { reason: string | null; at: string }>(
      db,
      `SELECT reason, at FROM stage_events WHERE application_id = ? AND action = 'return' AND to_stage = 'ACCEPT'
       ORDER BY id`,
    ).all(applicationId);
    if (rows.length < thresholds.returnsToAcceptMin) return undefined;
    return {
      summary: `退回受理 ${rows.length} 次（阈值 ${thresholds.returnsToAcceptMin} 次）`,
      applicationIds: [applicationId],
      values: { 退回次数: rows.length, 退回理由: rows.map((r) => r.reason ?? '（未填）').join('；') },
    };
  },
);

const IDENTITY_CHANGED = `json_extract(l.diff_json, '$."correction.identityChanged".after') = 1`;

/** Customer identity corrected after acceptance (the correction feature's audit marker). */
export const identityCorrected = applicationDetector(
  {
    id: 'RISK-ACC-03',
    name: '受理后更改客户身份',
    explanation:
      '申请受理后更改了户名或证件（更正申请信息时记录的 correction.identityChanged 标记）。业务类型受理后不可更改，须终止重办。',
    stage: 'ACCEPT',
    section: SECTION,
    severity: 'high',
    evidence: [{ label: '更正次数' }, { label: '办理人' }, { label: '更正理由' }],
    action: '核对更正理由与身份证明原件，确认不是借名办电或冒名过户。',
  },
  ({ db }) =>
    ids(
      db,
      `SELECT DISTINCT a.id AS id FROM audit_log l JOIN applications a ON a.number = l.entity_id
       WHERE l.entity = 'application' AND ${IDENTITY_CHANGED}`,
    ),
  ({ db }, applicationId) => {
    const rows = prepared<[number], { user_name: string; at: string; reason: string | null }>(
      db,
      `SELECT l.user_name, l.at, json_extract(l.diff_json, '$."correction.reason".after') AS reason
       FROM applications a JOIN audit_log l ON l.entity = 'application' AND l.entity_id = a.number
       WHERE a.id = ? AND ${IDENTITY_CHANGED} ORDER BY l.id`,
    ).all(applicationId);
    if (rows.length === 0) return undefined;
    return {
      summary: `受理后更改客户身份 ${rows.length} 次，最近一次由 ${rows.at(-1)!.user_name} 办理`,
      applicationIds: [applicationId],
      values: {
        更正次数: rows.length,
        办理人: [...new Set(rows.map((r) => r.user_name))].join('、'),
        更正理由: rows.map((r) => r.reason ?? '（未填）').join('；'),
      },
    };
  },
);

/** A clerk's acknowledgements of one rule, against the hall's share. */
export const acknowledgedWarnings: HallDetector = {
  id: 'RISK-ACC-01',
  name: '确认警告偏多',
  explanation: '营业员保存申请时确认（放行）某条警告的比例明显高于全厅，可能存在规避规则、资料把关不严。',
  stage: 'ACCEPT',
  section: SECTION,
  severity: 'medium',
  evidence: [{ label: '营业员' }, { label: '规则' }, { label: '确认次数' }],
  action: '抽查该营业员确认该警告的申请及确认理由，必要时收紧该规则或开展培训。',
  scope: 'hall',
  scan: (input) => {
    const { db, thresholds } = input;
    // Per-clerk and per-clerk-and-rule counts (migration 0023), kept by triggers.
    const perClerk = prepared<[], { user_id: string; accepted: number }>(
      db,
      'SELECT user_id, accepted FROM risk_clerk_counts',
    ).all();
    const acks = prepared<[], { user_id: string; rule: string; n: number }>(
      db,
      'SELECT user_id, rule_id AS rule, n FROM risk_clerk_rule_counts',
    ).all();
    const total = perClerk.reduce((sum, row) => sum + row.accepted, 0);
    const applications = new Map(perClerk.map((row) => [row.user_id, row.accepted]));
    const perRule = new Map<string, number>();
    for (const row of acks) perRule.set(row.rule, (perRule.get(row.rule) ?? 0) + row.n);
    const names = userNames(db);
    const firing: FiringGroup[] = [];
    for (const row of acks) {
      const clerkApps = applications.get(row.user_id) ?? 0;
      const clerkShare = row.n / clerkApps;
      const hallShare = perRule.get(row.rule)! / total;
      if (row.n < thresholds.acknowledgedMinCount || clerkShare < thresholds.acknowledgedShareFactor * hallShare) {
        continue;
      }
      const name = names.get(row.user_id) ?? row.user_id;
      firing.push({
        subject: `clerk:${row.user_id}:${row.rule}`,
        finding: () => ({
          subject: `clerk:${row.user_id}:${row.rule}`,
          summary: `${name} 确认警告 ${row.rule} ${row.n} 次，占其受理 ${percent(clerkShare)}，全厅 ${percent(hallShare)}`,
          applicationIds: ids(
            db,
            `SELECT k.application_id AS id FROM risk_acknowledgements k INDEXED BY risk_acknowledgements_rule
             JOIN risk_application_clerks c ON c.application_id = k.application_id
             WHERE k.rule_id = ? AND c.user_id = ? ORDER BY k.application_id`,
            row.rule,
            row.user_id,
          ),
          values: { 营业员: name, 规则: row.rule, 确认次数: row.n },
        }),
      });
    }
    return judgeGroups(input, acknowledgedWarnings.id, firing);
  },
};

/** A clerk's share of accepted applications later returned or corrected, against the hall's. */
export const clerkReturnRate: HallDetector = {
  id: 'RISK-ACC-05',
  name: '营业员退回/更正率偏高',
  explanation: '某营业员受理的申请被退回或受理后更正的比例明显高于全厅。',
  stage: 'ACCEPT',
  section: SECTION,
  severity: 'low',
  evidence: [{ label: '营业员' }, { label: '退回或更正数' }],
  action: '复核该营业员近期受理的申请，针对常见差错开展培训。',
  scope: 'hall',
  scan: (input) => {
    const { db, thresholds } = input;
    // Accepted and returned-or-corrected applications per clerk (migration 0023), kept by triggers.
    const rows = prepared<[], { user_id: string; n: number; bad: number }>(
      db,
      'SELECT user_id, accepted AS n, bad FROM risk_clerk_counts',
    ).all();
    const total = rows.reduce((sum, row) => sum + row.n, 0);
    const bad = rows.reduce((sum, row) => sum + row.bad, 0);
    const names = userNames(db);
    const firing = rows.flatMap((row): FiringGroup[] => {
      const rate = row.bad / row.n;
      const others = total - row.n > 0 ? (bad - row.bad) / (total - row.n) : rate;
      if (row.n < thresholds.clerkRateMinApplications || row.bad === 0 || rate < thresholds.clerkRateFactor * others) {
        return [];
      }
      const name = names.get(row.user_id) ?? row.user_id;
      const subject = `clerk:${row.user_id}`;
      return [
        {
          subject,
          finding: () => ({
            subject,
            summary: `${name} 受理 ${row.n} 件，被退回或更正 ${row.bad} 件（${percent(rate)}），其他人 ${percent(others)}`,
            applicationIds: ids(
              db,
              `SELECT application_id AS id FROM risk_application_clerks WHERE user_id = ? AND (returned OR corrected)
               ORDER BY application_id`,
              row.user_id,
            ),
            values: { 营业员: name, 退回或更正数: row.bad },
          }),
        },
      ];
    });
    return judgeGroups(input, clerkReturnRate.id, firing);
  },
};

/** Applied capacity far outside its class and industry (modified z-score on the hall's own history). */
export const capacityOutlier: HallDetector = {
  id: 'RISK-ACC-04',
  name: '申请容量异常',
  explanation:
    '新装/增容申请的容量远离本厅同一用户分类、同一行业的历史水平（稳健 z 分数 = 0.6745 × 偏差 ÷ 中位数绝对偏差）。可能是单位填错（kW/kVA）、需求理解有误或虚报容量。',
  stage: 'ACCEPT',
  section: SECTION,
  severity: 'low',
  evidence: [{ label: '申请容量' }, { label: '用户分类', kind: 'customerClass' }, { label: '行业' }],
  action: '与客户核实用电设备清单和申请容量，确认单位与数值。',
  scope: 'hall',
  scan: (input) => {
    const { db, thresholds } = input;
    const dirty = input.rescan ? undefined : dirtySubjects(db, capacityOutlier.id);
    // No group's members changed since the last scan: every stored flag stands, as its group's counts do. Judging
    // them anyway looked up each flagged application's facts (3,625 at 1,000,000: 181 ms on a cold cache).
    if (dirty?.size === 0) return { findings: [], unchanged: new Set(subjectsOfDetector(db, capacityOutlier.id)) };
    // risk_capacity_counts (migration 0023): how many applications applied for each capacity, per class and
    // industry, kept by triggers from risk_application_facts (0019). The median and the MAD come from these
    // counts; only the outlying capacities' applications are read, and only in the groups whose members changed
    // since the last scan (migration 0027) unless every group is judged again (input.rescan).
    const rows = prepared<[], { grp: string; cls: string; industry: string | null; kva: number; n: number }>(
      db,
      `SELECT ${CAPACITY_GROUP_KEY('risk_capacity_counts')} AS grp, customer_class AS cls, industry, kva, n
       FROM risk_capacity_counts`,
    ).all();
    const groups = new Map<string, typeof rows>();
    for (const row of rows) {
      if (dirty && !dirty.has(row.grp)) continue;
      const group = groups.get(row.grp) ?? [];
      group.push(row);
      groups.set(row.grp, group);
    }
    const findings: RiskFinding[] = [];
    for (const group of groups.values()) {
      if (group.reduce((sum, row) => sum + row.n, 0) < thresholds.capacityGroupMin) continue;
      const median = quantileOfCounts(
        group.map((row) => ({ value: row.kva, n: row.n })),
        0.5,
      );
      const mad = quantileOfCounts(
        group.map((row) => ({ value: Math.abs(row.kva - median), n: row.n })),
        0.5,
      );
      if (mad === 0) continue;
      for (const row of group) {
        const z = (0.6745 * (row.kva - median)) / mad;
        if (Math.abs(z) <= thresholds.capacityRobustZ) continue;
        const industry = String(row.industry ?? '—');
        const applicationIds = ids(
          db,
          `SELECT application_id AS id FROM risk_application_facts
           WHERE customer_class = ? AND industry IS ? AND kva = ? AND kva IS NOT NULL`,
          row.cls,
          row.industry,
          row.kva,
        );
        for (const id of applicationIds) {
          findings.push({
            subject: appSubject(id),
            summary: `申请容量 ${row.kva}，同类（${row.cls}，行业 ${industry}）中位数 ${median}，稳健 z 分数 ${z.toFixed(1)}`,
            applicationIds: [id],
            values: { 申请容量: row.kva, 用户分类: row.cls, 行业: industry },
          });
        }
      }
    }
    if (!dirty) return findings;
    // The stored flags judged again: those of an application now in a changed group or in no group (an
    // application that left a group left a changed one, so one now in an unchanged group was there before).
    const judged = new Set(
      prepared<[string, string], { subject_key: string }>(
        db,
        `SELECT f.subject_key FROM risk_flags f
         LEFT JOIN risk_application_facts a ON a.application_id = CAST(substr(f.subject_key, 5) AS INTEGER)
           AND a.kva IS NOT NULL
         WHERE f.detector_id = ? AND (a.application_id IS NULL OR ${CAPACITY_GROUP_KEY('a')}
           IN (SELECT value FROM json_each(?)))`,
      )
        .all(capacityOutlier.id, JSON.stringify([...dirty]))
        .map((row) => row.subject_key),
    );
    return {
      findings,
      unchanged: new Set(subjectsOfDetector(db, capacityOutlier.id).filter((subject) => !judged.has(subject))),
    };
  },
};
