/**
 * 采购 risks: 三不指定 (the utility may not designate who designs, builds or equips the customer's receiving
 * works; REFERENCE.md §8 DESIGN / WORKS, R-GATE-05) and one company's concentration of the hall's works.
 * The parties are the record's `customerWorks` (设计单位, 施工单位, 主要设备供应商).
 */
import type { CustomerWorks, WorksPartyRole } from '../../../shared/domain/application';
import { WORKS_PARTY_ROLES } from '../../../shared/domain/application';
import { normalizeName } from '../../../shared/domain/normalize';
import { prepared } from '../../db/statements';
import { applicationDetector, type HallDetector, type RiskFinding } from './detector';
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
  action: '抽查该单位承揽的工程，向客户核实选择经过；检查营业人员是否推荐或指定。',
  scope: 'hall',
  scan: ({ db, today, thresholds }) => {
    const from = new Date(`${today}T00:00:00Z`);
    from.setUTCMonth(from.getUTCMonth() - thresholds.contractorSharePeriodMonths);
    const since = from.toISOString().slice(0, 10);
    // risk_application_facts (migration 0019): the works of non-cancelled applications, indexed by date.
    const rows = prepared<[string], { id: number; works: string }>(
      db,
      `SELECT application_id AS id, works FROM risk_application_facts
       WHERE works IS NOT NULL AND application_date >= ? ORDER BY application_id`,
    ).all(since);
    const works = rows.map((row) => ({ id: row.id, works: JSON.parse(row.works) as CustomerWorks }));
    const findings: RiskFinding[] = [];
    for (const role of WORKS_PARTY_ROLES) {
      const byName = new Map<string, number[]>();
      let total = 0;
      for (const row of works) {
        const party = row.works[role];
        if (!party) continue;
        total++;
        const name = normalizeName(party.name);
        const named = byName.get(name);
        if (named) named.push(row.id);
        else byName.set(name, [row.id]);
      }
      if (total < thresholds.contractorShareMinWorks) continue;
      for (const [name, applicationIds] of byName) {
        const share = applicationIds.length / total;
        if (share <= thresholds.contractorShareFraction) continue;
        findings.push({
          subject: `${role}:${name}`,
          summary: `${ROLE_LABELS[role]} ${name} 承揽 ${since} 以来 ${total} 项工程中的 ${applicationIds.length} 项（${(share * 100).toFixed(1)}%，阈值 ${(thresholds.contractorShareFraction * 100).toFixed(0)}%）`,
          applicationIds,
          values: { 角色: ROLE_LABELS[role], 单位: name, 承揽数: applicationIds.length },
        });
      }
    }
    return findings;
  },
};
