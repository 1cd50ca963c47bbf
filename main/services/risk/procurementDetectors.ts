/**
 * 采购 risks: 三不指定 (the utility may not designate who designs, builds or equips the customer's receiving
 * works; REFERENCE.md §8 DESIGN / WORKS, R-GATE-05) and one company's concentration of the hall's works.
 * The parties are the record's `customerWorks` (设计单位, 施工单位, 主要设备供应商).
 */
import type { CustomerWorks, WorksPartyRole } from '../../../shared/domain/application';
import { WORKS_PARTY_ROLES } from '../../../shared/domain/application';
import { normalizeName } from '../../../shared/domain/normalize';
import { hallScanState } from '../../db/repositories/riskFlagRepo';
import { prepared } from '../../db/statements';
import { applicationDetector, type HallDetector } from './detector';
import { type FiringGroup, judgeGroups } from './groupScan';
import { ids } from './queries';

const SECTION = '§2 采购环节风险（设备质量）、§3.1；REFERENCE.md §8 DESIGN / WORKS';

const ROLE_LABELS: Record<WorksPartyRole, string> = {
  designer: '设计单位',
  contractor: '施工单位',
  equipmentSupplier: '主要设备供应商',
};

const WITH_WORKS = `json_extract(record_json, '$.customerWorks') IS NOT NULL AND status <> 'CANCELLED'`;

/** Receiving works whose parties are not all recorded as chosen by the customer. */
export const notCustomerChoice = applicationDetector(
  {
    id: 'RISK-PRC-02',
    name: '未记录为客户自主选择',
    explanation: '受电工程的设计单位、施工单位或主要设备供应商未记录为“客户自主选择”（三不指定：供电企业不得指定）。',
    stage: 'PROCUREMENT',
    section: `${SECTION}；R-GATE-05`,
    severity: 'high',
    evidence: [{ label: '单位' }],
    action: '向客户核实选择经过，取得客户自主选择的书面确认；如有指定行为，按规定处理。',
  },
  ({ db }) => ids(db, `SELECT id FROM applications WHERE ${WITH_WORKS}`),
  ({ db }, applicationId) => {
    const row = prepared<[number], { works: string | null }>(
      db,
      `SELECT json_extract(record_json, '$.customerWorks') AS works FROM applications WHERE id = ? AND ${WITH_WORKS}`,
    ).get(applicationId);
    if (!row?.works) return undefined;
    const works = JSON.parse(row.works) as CustomerWorks;
    const others = WORKS_PARTY_ROLES.flatMap((role) => {
      const party = works[role];
      return party && party.choice !== 'CUSTOMER_CHOICE' ? [`${ROLE_LABELS[role]} ${party.name}`] : [];
    });
    if (others.length === 0) return undefined;
    return {
      summary: `${others.join('、')} 未记录为客户自主选择`,
      applicationIds: [applicationId],
      values: { 单位: others.join('、') },
    };
  },
);

/** One company's share of the hall's receiving works in the period, per role, above the profile's fraction. */
export const concentration: HallDetector = {
  id: 'RISK-PRC-01',
  name: '工程单位集中',
  explanation:
    '同一设计单位、施工单位或主要设备供应商在统计期内承揽本厅受电工程的比例超过阈值，可能存在指定或变相指定（三不指定）。',
  stage: 'PROCUREMENT',
  section: SECTION,
  severity: 'medium',
  evidence: [{ label: '角色' }, { label: '单位' }, { label: '承揽数' }],
  action: '抽查该单位承揽的工程，向客户核实选择经过；检查营业人员是否推荐或指定。',
  scope: 'hall',
  scan: (input) => {
    const { db, today, thresholds } = input;
    const from = new Date(`${today}T00:00:00Z`);
    from.setUTCMonth(from.getUTCMonth() - thresholds.contractorSharePeriodMonths);
    const since = from.toISOString().slice(0, 10);
    // risk_works_counts (migration 0023): works per day, role and company name as written, kept by triggers.
    const rows = prepared<[string], { role: WorksPartyRole; name: string; n: number }>(
      db,
      `SELECT role, name, sum(n) AS n FROM risk_works_counts WHERE application_date >= ? GROUP BY role, name`,
    ).all(since);
    const firing: FiringGroup[] = [];
    for (const role of WORKS_PARTY_ROLES) {
      const byName = new Map<string, { n: number; written: string[] }>();
      let total = 0;
      for (const row of rows) {
        if (row.role !== role) continue;
        total += row.n;
        const name = normalizeName(row.name);
        const named = byName.get(name) ?? { n: 0, written: [] };
        named.n += row.n;
        named.written.push(row.name);
        byName.set(name, named);
      }
      if (total < thresholds.contractorShareMinWorks) continue;
      for (const [name, { n, written }] of byName) {
        const share = n / total;
        if (share <= thresholds.contractorShareFraction) continue;
        const subject = `${role}:${name}`;
        firing.push({
          subject,
          finding: () => ({
            subject,
            summary: `${ROLE_LABELS[role]} ${name} 承揽 ${since} 以来 ${total} 项工程中的 ${n} 项（${(share * 100).toFixed(1)}%，阈值 ${(thresholds.contractorShareFraction * 100).toFixed(0)}%）`,
            applicationIds: ids(
              db,
              `SELECT application_id AS id FROM risk_works_parties
               WHERE role = ? AND name IN (SELECT value FROM json_each(?)) AND application_date >= ?
               ORDER BY application_id`,
              role,
              JSON.stringify(written),
              since,
            ),
            values: { 角色: ROLE_LABELS[role], 单位: name, 承揽数: n },
          }),
        });
      }
    }
    // The period starts a day later each day: every flagged company's list is read again on a new day.
    const rescan = input.rescan || hallScanState(db).day !== today;
    return judgeGroups(input, concentration.id, firing, rescan, (key) => {
      const colon = key.indexOf(':');
      return `${key.slice(0, colon)}:${normalizeName(key.slice(colon + 1))}`;
    });
  },
};
