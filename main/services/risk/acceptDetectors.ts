/** 业务受理 risks (paper §2 受理: misunderstood needs, wrong handling of increases, non-standard procedure). */
import { prepared } from '../../db/statements';
import { appSubject, applicationDetector, type HallDetector, type RiskFinding } from './detector';
import { CREATORS, ids, percent, userNames } from './queries';

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
  action: '抽查该营业员确认该警告的申请及确认理由，必要时收紧该规则或开展培训。',
  scope: 'hall',
  scan: ({ db, thresholds }) => {
    const perClerk = prepared<[], { user_id: string; n: number }>(
      db,
      `SELECT user_id, count(*) AS n FROM (${CREATORS}) GROUP BY user_id`,
    ).all();
    // risk_acknowledgements (migration 0019) holds each application's acknowledged warnings.
    const acks = prepared<[], { user_id: string; rule: string; n: number; ids: string }>(
      db,
      `SELECT c.user_id, k.rule_id AS rule, count(*) AS n, json_group_array(k.application_id) AS ids
       FROM risk_acknowledgements k JOIN (${CREATORS}) c ON c.application_id = k.application_id
       GROUP BY c.user_id, rule`,
    ).all();
    const total = perClerk.reduce((sum, row) => sum + row.n, 0);
    const applications = new Map(perClerk.map((row) => [row.user_id, row.n]));
    const perRule = new Map<string, number>();
    for (const row of acks) perRule.set(row.rule, (perRule.get(row.rule) ?? 0) + row.n);
    const names = userNames(db);
    const findings: RiskFinding[] = [];
    for (const row of acks) {
      const clerkApps = applications.get(row.user_id) ?? 0;
      const clerkShare = row.n / clerkApps;
      const hallShare = perRule.get(row.rule)! / total;
      if (row.n < thresholds.acknowledgedMinCount || clerkShare < thresholds.acknowledgedShareFactor * hallShare) {
        continue;
      }
      const name = names.get(row.user_id) ?? row.user_id;
      findings.push({
        subject: `clerk:${row.user_id}:${row.rule}`,
        summary: `${name} 确认警告 ${row.rule} ${row.n} 次，占其受理 ${percent(clerkShare)}，全厅 ${percent(hallShare)}`,
        applicationIds: (JSON.parse(row.ids) as number[]).sort((a, b) => a - b),
        values: { 营业员: name, 规则: row.rule, 确认次数: row.n },
      });
    }
    return findings;
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
  action: '复核该营业员近期受理的申请，针对常见差错开展培训。',
  scope: 'hall',
  scan: ({ db, thresholds }) => {
    // Returned or corrected applications first (two partial indexes), then one pass over the creators.
    const rows = prepared<[], { user_id: string; n: number; bad: number; ids: string }>(
      db,
      `WITH bad(application_id) AS MATERIALIZED (
         SELECT application_id FROM stage_events WHERE action = 'return'
         UNION SELECT a.id FROM audit_log l INDEXED BY audit_log_application_update JOIN applications a ON a.number = l.entity_id
           WHERE l.entity = 'application' AND l.action = 'application.update'
             AND json_extract(l.diff_json, '$."correction.reason".after') IS NOT NULL)
       SELECT c.user_id, count(*) AS n, count(b.application_id) AS bad, json_group_array(b.application_id) AS ids
       FROM (${CREATORS}) c LEFT JOIN bad b ON b.application_id = c.application_id
       GROUP BY c.user_id`,
    ).all();
    const total = rows.reduce((sum, row) => sum + row.n, 0);
    const bad = rows.reduce((sum, row) => sum + row.bad, 0);
    const names = userNames(db);
    return rows.flatMap((row): RiskFinding[] => {
      const rate = row.bad / row.n;
      const others = total - row.n > 0 ? (bad - row.bad) / (total - row.n) : rate;
      if (row.n < thresholds.clerkRateMinApplications || row.bad === 0 || rate < thresholds.clerkRateFactor * others) {
        return [];
      }
      const name = names.get(row.user_id) ?? row.user_id;
      const applicationIds = (JSON.parse(row.ids) as (number | null)[]).filter((id): id is number => id !== null);
      return [
        {
          subject: `clerk:${row.user_id}`,
          summary: `${name} 受理 ${row.n} 件，被退回或更正 ${row.bad} 件（${percent(rate)}），其他人 ${percent(others)}`,
          applicationIds: applicationIds.sort((a, b) => a - b),
          values: { 营业员: name, 退回或更正数: row.bad },
        },
      ];
    });
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
  action: '与客户核实用电设备清单和申请容量，确认单位与数值。',
  scope: 'hall',
  scan: ({ db, thresholds }) => {
    // risk_application_facts (migration 0019) holds the positive applied capacity of every non-cancelled new or
    // increase application, in an index by class and industry.
    const rows = prepared<[], { id: number; cls: string; industry: string | null; kva: number }>(
      db,
      `SELECT application_id AS id, customer_class AS cls, industry, kva FROM risk_application_facts
       WHERE kva IS NOT NULL`,
    ).all();
    const groups = new Map<string, { id: number; kva: number }[]>();
    for (const row of rows) {
      const key = `${row.cls}|${row.industry ?? '—'}`;
      const group = groups.get(key) ?? [];
      group.push({ id: row.id, kva: row.kva });
      groups.set(key, group);
    }
    const findings: RiskFinding[] = [];
    for (const [key, group] of groups) {
      if (group.length < thresholds.capacityGroupMin) continue;
      const median = medianOf(group.map((g) => g.kva));
      const mad = medianOf(group.map((g) => Math.abs(g.kva - median)));
      if (mad === 0) continue;
      const [cls, industry] = key.split('|');
      for (const { id, kva } of group) {
        const z = (0.6745 * (kva - median)) / mad;
        if (Math.abs(z) <= thresholds.capacityRobustZ) continue;
        findings.push({
          subject: appSubject(id),
          summary: `申请容量 ${kva}，同类（${cls}，行业 ${industry}）中位数 ${median}，稳健 z 分数 ${z.toFixed(1)}`,
          applicationIds: [id],
          values: { 申请容量: kva, 用户分类: cls!, 行业: industry! },
        });
      }
    }
    return findings;
  },
};

function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
