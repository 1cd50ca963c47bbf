/** 供电方案 risks (paper §2 方案环节: "随意变更" of routes and schemes to save cost; REFERENCE.md §6.3, §8). */
import { capacityEvidence } from '../../../shared/api/risk';
import type { SupplyScheme } from '../../../shared/domain/scheme';
import type { Db } from '../../db/connection';
import { prepared } from '../../db/statements';
import { expiringSchemes } from '../workstation/schemesExpiring';
import { appliedCapacity, approvedCapacity } from './capacities';
import { applicationDetector, appSubject, type HallDetector, type RiskFinding } from './detector';
import { applicationsChangedToday, changedOnly } from './groupScan';
import { ids, userNames } from './queries';

const SECTION = '§2 方案环节风险（随意变更）、§3.1';

interface IssuedVersion {
  version: number;
  content: SupplyScheme;
  changeReason: string | null;
  createdBy: string;
  approvedBy: string | null;
}

/** Approved and superseded versions of an application, in version order (drafts were never issued). */
function issuedVersions(db: Db, applicationId: number): IssuedVersion[] {
  return prepared<
    [number],
    {
      version: number;
      content_json: string;
      change_reason: string | null;
      created_by: string;
      approved_by: string | null;
    }
  >(
    db,
    `SELECT version, content_json, change_reason, created_by, approved_by FROM supply_scheme_versions
     WHERE application_id = ? AND status <> 'draft' ORDER BY version`,
  )
    .all(applicationId)
    .map((row) => ({
      version: row.version,
      content: JSON.parse(row.content_json) as SupplyScheme,
      changeReason: row.change_reason,
      createdBy: row.created_by,
      approvedBy: row.approved_by,
    }));
}

const WITH_ISSUED = (having: string) =>
  `SELECT application_id AS id FROM supply_scheme_versions WHERE status <> 'draft'
   GROUP BY application_id HAVING ${having}`;

const capacityOf = (scheme: SupplyScheme) =>
  scheme.approvedCapacityKva ?? scheme.sources.reduce((sum, source) => sum + source.capacityKva, 0);

/** Approved schemes changed afterwards, with their count and approvers. */
export const changedAfterApproval = applicationDetector(
  {
    id: 'RISK-SCH-01',
    name: '方案审批后变更',
    explanation: '供电方案审批后又出新版本（变更已审批方案）。列出变更次数、理由与各版本审批人。',
    stage: 'SCHEME',
    section: SECTION,
    severity: 'medium',
    evidence: [{ label: '变更次数' }, { label: '审批人' }, { label: '变更理由' }],
    action: '核对每次变更的理由与客户书面申请，确认不是为节省投资擅自改变线路或方案。',
  },
  ({ db }) => ids(db, WITH_ISSUED('count(*) >= 2')),
  ({ db }, applicationId) => {
    const versions = issuedVersions(db, applicationId);
    if (versions.length < 2) return undefined;
    const names = userNames(db);
    const changes = versions.slice(1);
    const approvers = [...new Set(versions.map((v) => v.approvedBy).filter((id) => id !== null))];
    return {
      summary: `方案审批后变更 ${changes.length} 次（共 ${versions.length} 版），审批人：${approvers.map((id) => names.get(id) ?? id).join('、')}`,
      applicationIds: [applicationId],
      values: {
        变更次数: changes.length,
        审批人: approvers.map((id) => names.get(id) ?? id).join('、'),
        变更理由: changes.map((v) => `第${v.version}版：${v.changeReason ?? '（未填）'}`).join('；'),
      },
    };
  },
);

/** A later version that lowers the capacity or drops a source (a standby source removed to save cost). */
export const capacityOrSourceDropped = applicationDetector(
  {
    id: 'RISK-SCH-02',
    name: '方案变更降低容量或取消备用电源',
    explanation:
      '变更后的方案核定容量减少或电源数量减少（如取消备用电源）。若非客户申请，可能是为节省投资降低了供电可靠性。',
    stage: 'SCHEME',
    section: SECTION,
    severity: 'high',
    evidence: [{ label: '变更' }, { label: '变更理由' }],
    action: '查验客户是否书面申请；重要用户须核对 GB/Z 29328 的电源配置要求。',
  },
  ({ db }) => ids(db, WITH_ISSUED('count(*) >= 2')),
  ({ db }, applicationId) => {
    const versions = issuedVersions(db, applicationId);
    const drops: string[] = [];
    for (let i = 1; i < versions.length; i++) {
      const before = versions[i - 1]!;
      const after = versions[i]!;
      if (capacityOf(after.content) < capacityOf(before.content)) {
        drops.push(`第${after.version}版容量 ${capacityOf(before.content)}→${capacityOf(after.content)} kVA`);
      }
      if (after.content.sources.length < before.content.sources.length) {
        drops.push(`第${after.version}版电源 ${before.content.sources.length}→${after.content.sources.length} 路`);
      }
    }
    if (drops.length === 0) return undefined;
    return {
      summary: drops.join('；'),
      applicationIds: [applicationId],
      values: {
        变更: drops.join('；'),
        变更理由:
          versions
            .map((v) => v.changeReason)
            .filter((r) => r !== null)
            .join('；') || '（未填）',
      },
    };
  },
);

/** The issued scheme's capacity differs from the applied one by more than the profile's fraction, no reason. */
export const capacityDiffersWithoutReason = applicationDetector(
  {
    id: 'RISK-SCH-03',
    name: '核定容量与申请容量不符且无理由',
    explanation: '现行方案的核定容量与申请容量相差超过阈值，且方案未记录变更理由。',
    stage: 'SCHEME',
    section: `${SECTION}；REFERENCE.md §8 SURVEY`,
    severity: 'medium',
    evidence: [
      { label: '方案版本' },
      { label: '申请容量', kind: 'capacity' },
      { label: '核定容量', kind: 'capacity' },
      { label: '相差' },
    ],
    action: '补记核定容量与申请容量不同的理由（勘查结论或客户确认）。',
  },
  ({ db }) => ids(db, WITH_ISSUED('1')),
  ({ db, thresholds }, applicationId) => {
    const current = issuedVersions(db, applicationId).at(-1);
    if (!current || current.changeReason) return undefined;
    const approved = approvedCapacity(current.content);
    if (!approved) return undefined;
    const applied = appliedCapacity(db, applicationId, approved.unit);
    if (!applied) return undefined;
    const deviation = Math.abs(approved.value - applied) / applied;
    if (deviation <= thresholds.capacityDeviationFraction) return undefined;
    return {
      summary: `第${current.version}版核定 ${approved.value} ${approved.unit}，申请 ${applied} ${approved.unit}，相差 ${(deviation * 100).toFixed(0)}%，未记录理由`,
      applicationIds: [applicationId],
      values: {
        方案版本: current.version,
        核定容量: capacityEvidence(approved.value, approved.unit),
        申请容量: capacityEvidence(applied, approved.unit),
        相差: `${(deviation * 100).toFixed(1)}%`,
      },
    };
  },
);

/** A version approved by the person who drafted it (no second pair of eyes). */
export const approvedByDrafter = applicationDetector(
  {
    id: 'RISK-SCH-04',
    name: '方案自拟自批',
    explanation: '供电方案由拟定人本人审批，缺少复核。',
    stage: 'SCHEME',
    section: SECTION,
    severity: 'medium',
    evidence: [{ label: '版本' }, { label: '拟定及审批人' }],
    action: '由另一名审核员复核该方案；营业厅可规定拟定与审批分离。',
  },
  ({ db }) =>
    ids(db, 'SELECT DISTINCT application_id AS id FROM supply_scheme_versions WHERE approved_by = created_by'),
  ({ db }, applicationId) => {
    const own = issuedVersions(db, applicationId).filter((v) => v.approvedBy === v.createdBy);
    if (own.length === 0) return undefined;
    const names = userNames(db);
    const who = [...new Set(own.map((v) => names.get(v.createdBy) ?? v.createdBy))].join('、');
    return {
      summary: `第 ${own.map((v) => v.version).join('、')} 版由拟定人 ${who} 本人审批`,
      applicationIds: [applicationId],
      values: { 版本: own.map((v) => v.version).join('、'), 拟定及审批人: who },
    };
  },
);

/**
 * An approved scheme of an open application, customer works not yet started, close to expiry or expired
 * (R-GATE-04: an expired scheme blocks the next move). The same list as the 工作台's 供电方案即将到期 panel.
 */
export const schemeExpiring: HallDetector = {
  id: 'RISK-SCH-05',
  name: '供电方案即将到期',
  explanation:
    '在办申请的供电方案已审批、客户尚未开工，方案有效期将在阈值天数内届满或已届满。方案过期后工程仍继续，或到期前不申请延期，均须重新答复方案。',
  stage: 'SCHEME',
  section: `${SECTION}；REFERENCE.md §3.3、§8 SCHEME；R-GATE-04`,
  severity: 'medium',
  evidence: [
    { label: '方案版本' },
    { label: '有效期至', kind: 'date' },
    { label: '已延期', kind: 'yesNo' },
    { label: '已到期', kind: 'yesNo' },
  ],
  action: '提醒客户在到期前至少 10 日申请延期，或重新拟定并审批方案。',
  scope: 'hall',
  scan: (input) => {
    const { db, today, thresholds } = input;
    // The date moves the schemes towards expiry: a new day judges every one; a later scan the same day only the
    // applications written since (their scheme versions too, migration 0030), the other flags standing.
    const changed = applicationsChangedToday(input);
    const findings = expiringSchemes(db, today, thresholds.schemeExpiringDays, changed).map(
      ({ row, validity, daysLeft }): RiskFinding => ({
        subject: appSubject(row.application_id),
        summary:
          daysLeft < 0
            ? `第 ${row.version} 版方案已于 ${validity.validUntil} 到期（已过 ${-daysLeft} 天）`
            : `第 ${row.version} 版方案 ${validity.validUntil} 到期，还剩 ${daysLeft} 天（阈值 ${thresholds.schemeExpiringDays} 天）`,
        applicationIds: [row.application_id],
        values: {
          方案版本: row.version,
          有效期至: validity.validUntil,
          已延期: validity.extendedUntil !== null,
          已到期: daysLeft < 0,
        },
      }),
    );
    return changed ? changedOnly(input, schemeExpiring.id, changed, findings) : findings;
  },
};
