/** 供用电合同 risks (paper §2 合同环节; REFERENCE.md §7, §8 CONTRACT). */
import { capacityEvidence } from '../../../shared/api/risk';
import type { SupplyScheme } from '../../../shared/domain/scheme';
import defaults from '../../../shared/rules/profile/defaults.json';
import { prepared } from '../../db/statements';
import { addDays } from '../../../shared/calendar/calendar';
import { daysBetween } from '../../../shared/calendar/isoDate';
import { shanghaiDate } from '../clock';
import { appliedCapacity, approvedCapacity } from './capacities';
import { applicationDetector, type HallDetector } from './detector';
import { ids } from './queries';

const SECTION = '§2 合同环节风险';

/** A signed contract on a scheme version that is no longer the approved one (R-GATE-03 makes it impossible now). */
export const signedOnSuperseded = applicationDetector(
  {
    id: 'RISK-CON-02',
    name: '合同依据已被取代的方案版本',
    explanation:
      '已签合同所依据的供电方案版本已被新版本取代。本系统已禁止这种情况（签约锁定方案），此项用于发现旧数据或导入数据中的问题。',
    stage: 'CONTRACT',
    section: `${SECTION}；R-GATE-03`,
    severity: 'high',
    evidence: [{ label: '合同' }, { label: '方案版本' }],
    action: '按现行方案重新签订合同，或作废后重签，并查明旧合同的来历。',
  },
  ({ db }) =>
    ids(
      db,
      `SELECT DISTINCT c.application_id AS id FROM contracts c JOIN supply_scheme_versions v ON v.id = c.scheme_version_id
       WHERE c.status = 'signed' AND v.status = 'superseded'`,
    ),
  ({ db }, applicationId) => {
    const rows = prepared<[number], { number: string; version: number }>(
      db,
      `SELECT c.number, v.version FROM contracts c JOIN supply_scheme_versions v ON v.id = c.scheme_version_id
       WHERE c.application_id = ? AND c.status = 'signed' AND v.status = 'superseded' ORDER BY c.id`,
    ).all(applicationId);
    if (rows.length === 0) return undefined;
    return {
      summary: rows.map((r) => `合同 ${r.number} 依据已被取代的第 ${r.version} 版方案`).join('；'),
      applicationIds: [applicationId],
      values: { 合同: rows.map((r) => r.number).join('、'), 方案版本: rows.map((r) => r.version).join('、') },
    };
  },
);

/** Copies printed of signed contracts (副本): each one is legitimate alone; a count is worth a look. */
export const signedReprints = applicationDetector(
  {
    id: 'RISK-CON-03',
    name: '已签合同重复打印',
    explanation: '已签订的合同又打印了副本。副本本身合规，但多次打印可能用于替换或伪造签字页。',
    stage: 'CONTRACT',
    section: SECTION,
    severity: 'low',
    evidence: [{ label: '打印次数' }, { label: '份数' }, { label: '打印人' }],
    action: '核对打印记录与用途，确认副本已登记领取人。',
  },
  ({ db }) =>
    ids(
      db,
      `SELECT DISTINCT d.application_id AS id FROM print_log p JOIN documents d ON d.id = p.document_id
       WHERE p.is_copy = 1 AND d.application_id IS NOT NULL`,
    ),
  ({ db }, applicationId) => {
    const rows = prepared<[number], { copies: number; at: string; user_id: string }>(
      db,
      `SELECT p.copies, p.at, p.user_id FROM print_log p JOIN documents d ON d.id = p.document_id
       WHERE d.application_id = ? AND p.is_copy = 1 ORDER BY p.id`,
    ).all(applicationId);
    if (rows.length === 0) return undefined;
    const copies = rows.reduce((sum, r) => sum + r.copies, 0);
    return {
      summary: `已签合同打印副本 ${rows.length} 次共 ${copies} 份，最近一次 ${shanghaiDate(new Date(rows.at(-1)!.at))}`,
      applicationIds: [applicationId],
      values: { 打印次数: rows.length, 份数: copies, 打印人: [...new Set(rows.map((r) => r.user_id))].join('、') },
    };
  },
);

/** The capacity now approved or applied for exceeds the capacity of the signed contract's scheme. */
export const capacityAboveContract = applicationDetector(
  {
    id: 'RISK-CON-05',
    name: '在用容量超过合同容量',
    explanation: '现行方案核定容量或申请容量大于已签合同所依据方案的容量，合同未随容量变更。',
    stage: 'CONTRACT',
    section: `${SECTION}；REFERENCE.md §8 私增容量`,
    severity: 'high',
    evidence: [{ label: '合同' }, { label: '合同容量', kind: 'capacity' }, { label: '现行容量', kind: 'capacity' }],
    action: '签订补充协议或重签合同；核查是否存在私增容量。',
  },
  ({ db }) => ids(db, "SELECT DISTINCT application_id AS id FROM contracts WHERE status = 'signed'"),
  ({ db }, applicationId) => {
    const row = prepared<[number], { number: string; contract_json: string; current_json: string | null }>(
      db,
      `SELECT c.number, v.content_json AS contract_json,
         (SELECT content_json FROM supply_scheme_versions WHERE application_id = c.application_id AND status = 'approved'
          ORDER BY version DESC LIMIT 1) AS current_json
       FROM contracts c JOIN supply_scheme_versions v ON v.id = c.scheme_version_id
       WHERE c.application_id = ? AND c.status = 'signed' ORDER BY c.id DESC LIMIT 1`,
    ).get(applicationId);
    if (!row) return undefined;
    const contracted = approvedCapacity(JSON.parse(row.contract_json) as SupplyScheme);
    if (!contracted) return undefined;
    const current = row.current_json ? approvedCapacity(JSON.parse(row.current_json) as SupplyScheme) : undefined;
    const inForce = Math.max(
      current?.unit === contracted.unit ? current.value : 0,
      appliedCapacity(db, applicationId, contracted.unit) ?? 0,
    );
    if (inForce <= contracted.value) return undefined;
    const unit = contracted.unit;
    return {
      summary: `合同 ${row.number} 容量 ${contracted.value} ${unit}，现行 ${inForce} ${unit}`,
      applicationIds: [applicationId],
      values: {
        合同: row.number,
        合同容量: capacityEvidence(contracted.value, unit),
        现行容量: capacityEvidence(inForce, unit),
      },
    };
  },
);

/** Printed contracts the customer has not signed after N working days (a date-dependent scan). */
export const printedNotSigned: HallDetector = {
  id: 'RISK-CON-01',
  name: '合同打印后久未签订',
  explanation:
    '合同已打印交客户，超过阈值个工作日仍未签订。客户签约时间不计入供电企业时限，但久拖可能已先行送电或合同内容有争议。',
  stage: 'CONTRACT',
  section: `${SECTION}；R-GATE-01`,
  severity: 'medium',
  evidence: [{ label: '合同' }, { label: '打印日期', kind: 'date' }],
  action: '联系客户确认签约时间；核查是否已先行送电。',
  scope: 'hall',
  scan: ({ db, thresholds, today, calendar }) =>
    prepared<[], { id: number; application_id: number; number: string; updated_at: string }>(
      db,
      "SELECT id, application_id, number, updated_at FROM contracts WHERE status = 'printed'",
    )
      .all()
      .flatMap((row) => {
        const printed = shanghaiDate(new Date(row.updated_at));
        const waited = calendar.workdaysBetween(printed, today);
        if (waited <= thresholds.contractUnsignedWorkdays) return [];
        return [
          {
            subject: `contract:${row.id}`,
            summary: `合同 ${row.number} 于 ${printed} 打印，已 ${waited} 个工作日未签订（阈值 ${thresholds.contractUnsignedWorkdays}）`,
            applicationIds: [row.application_id],
            values: { 合同: row.number, 打印日期: printed },
          },
        ];
      }),
};

/** Contract term in years per customer class (REFERENCE.md §7.4; residential contracts run until 销户). */
const TERM_YEARS = JSON.stringify(
  Object.fromEntries(
    Object.entries(defaults.contracts.termYears).flatMap(([cls, t]) => (t.value ? [[cls, t.value]] : [])),
  ),
);

/**
 * Signed contracts that end within N days (or have ended) while supply goes on: no 销户 of the customer at the
 * address and no later signed contract there since. The end is the printed one: signing date plus the class's
 * term, the day before (contractTerms.ts termEnd); a temporary supply's contract ends with its period.
 */
export const contractExpiring: HallDetector = {
  id: 'RISK-CON-04',
  name: '合同即将到期仍在供电',
  explanation:
    '已签合同将在阈值天数内到期或已经到期，而该客户在该地址仍在用电（未销户、未重签）。合同过期后继续供电，双方权利义务缺少依据。',
  stage: 'CONTRACT',
  section: `${SECTION}；REFERENCE.md §7.4、§8 CONTRACT`,
  severity: 'medium',
  evidence: [
    { label: '合同' },
    { label: '签订日期', kind: 'date' },
    { label: '到期日', kind: 'date' },
    { label: '已到期', kind: 'yesNo' },
  ],
  action: '通知客户续签合同（到期前 60 日、30 日各提醒一次）；临时用电到期须办理延期或转为正式用电。',
  scope: 'hall',
  scan: ({ db, thresholds, today }) =>
    prepared<
      [{ terms: string; horizon: string }],
      { id: number; application_id: number; number: string; signed_on: string; end_date: string }
    >(
      db,
      `SELECT * FROM (
         SELECT c.id, c.application_id, c.number, c.signed_on, a.customer_id, a.address,
           CASE WHEN a.business_type IN ('NEW_TEMP', 'TEMP_EXTEND') THEN json_extract(a.record_json, '$.endDate')
             ELSE date(c.signed_on, '+' || (SELECT value FROM json_each(@terms) WHERE key = a.customer_class) || ' years', '-1 day')
           END AS end_date
         FROM contracts c JOIN applications a ON a.id = c.application_id
         WHERE c.status = 'signed' AND c.signed_on IS NOT NULL AND a.status <> 'CANCELLED') s
       WHERE s.end_date IS NOT NULL AND s.end_date <= @horizon
         AND NOT EXISTS (SELECT 1 FROM applications x WHERE x.customer_id = s.customer_id AND x.address = s.address
           AND x.business_type = 'CLOSE' AND x.status <> 'CANCELLED' AND x.application_date >= s.signed_on)
         AND NOT EXISTS (SELECT 1 FROM contracts n JOIN applications y ON y.id = n.application_id
           WHERE n.status = 'signed' AND n.signed_on > s.signed_on AND y.customer_id = s.customer_id AND y.address = s.address)
       ORDER BY s.id`,
    )
      .all({ terms: TERM_YEARS, horizon: addDays(today, thresholds.contractExpiringDays) })
      .map((row) => {
        const left = daysBetween(today, row.end_date);
        return {
          subject: `contract:${row.id}`,
          summary:
            left < 0
              ? `合同 ${row.number}（${row.signed_on} 签订）已于 ${row.end_date} 到期 ${-left} 天，仍在供电`
              : `合同 ${row.number}（${row.signed_on} 签订）${row.end_date} 到期，还剩 ${left} 天（阈值 ${thresholds.contractExpiringDays} 天）`,
          applicationIds: [row.application_id],
          values: { 合同: row.number, 签订日期: row.signed_on, 到期日: row.end_date, 已到期: left < 0 },
        };
      }),
};
