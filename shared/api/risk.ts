/**
 * 风险识别: the stored risk flags crossing the boundary (IPC, CLI, the 统计与风险 page's 风险 tab). The detectors
 * themselves are main/services/risk; docs/risk.md lists them with their thresholds.
 */
import { z } from 'zod';
import { shanghaiDateTime } from '../calendar/shanghaiTime';
import { CUSTOMER_CLASS_LABELS, type CustomerClass } from '../domain/codes';

/** 严重程度. */
export const RISK_SEVERITIES = ['high', 'medium', 'low'] as const;
export type RiskSeverity = (typeof RISK_SEVERITIES)[number];
export const RISK_SEVERITY_LABELS: Record<RiskSeverity, string> = { high: '高', medium: '中', low: '低' };

/** The stages of the seed paper's risk list (受理, 供电方案, 采购, 合同), plus theft, time limits and integrity. */
export const RISK_STAGES = ['ACCEPT', 'SCHEME', 'PROCUREMENT', 'CONTRACT', 'THEFT', 'TIME', 'INTEGRITY'] as const;
export type RiskStage = (typeof RISK_STAGES)[number];
export const RISK_STAGE_LABELS: Record<RiskStage, string> = {
  ACCEPT: '业务受理',
  SCHEME: '供电方案',
  PROCUREMENT: '采购（三不指定）',
  CONTRACT: '供用电合同',
  THEFT: '窃电与违约用电',
  TIME: '办理时限',
  INTEGRITY: '流程完整性',
};

export const RISK_FLAG_STATUSES = ['open', 'closed'] as const;
export type RiskFlagStatus = (typeof RISK_FLAG_STATUSES)[number];
export const RISK_FLAG_STATUS_LABELS: Record<RiskFlagStatus, string> = { open: '待处理', closed: '已关闭' };

/**
 * How one evidence value reads: as stored (text, counts), a capacity, a date (YYYY-MM-DD in Asia/Shanghai), 是/否,
 * or a customer class code by its name. A capacity is stored as a number of kVA (high voltage) or as text carrying
 * its unit ("160 kW", low voltage): kVA stays a bare number so the evidence of flags stored before low voltage was
 * judged keeps its hash (a closed flag reopens only when its evidence changes).
 */
export type RiskEvidenceKind = 'text' | 'capacity' | 'date' | 'yesNo' | 'customerClass';

/** One value of a detector's evidence: its key in the flag's `values`, which is its Chinese label, and how it reads. */
export interface RiskEvidenceField {
  label: string;
  kind?: RiskEvidenceKind;
}

/** A detector as the UI and the CLI describe it. */
export interface RiskDetectorInfo {
  id: string;
  name: string;
  explanation: string;
  stage: RiskStage;
  section: string;
  severity: RiskSeverity;
  action: string;
  /** The values of its flags' evidence, in the order they are shown (the stored values have no order). */
  evidence: readonly RiskEvidenceField[];
}

/** One stored flag with its evidence. */
export interface RiskFlag {
  id: number;
  detectorId: string;
  detectorName: string;
  stage: RiskStage;
  severity: RiskSeverity;
  action: string;
  subject: string;
  summary: string;
  /**
   * Numbers of the applications behind the flag (links to their detail): the first 20 when there are more
   * (`risk.applications` pages them all).
   */
  applications: string[];
  /** How many applications are behind the flag. */
  applicationCount: number;
  values: Record<string, string | number | boolean | null>;
  status: RiskFlagStatus;
  closedBy: string | null;
  closeReason: string | null;
  closedAt: string | null;
  firstSeenAt: string;
  updatedAt: string;
}

type EvidenceValue = RiskFlag['values'][string];

/** A capacity as a flag's evidence stores it (see `RiskEvidenceKind`). */
export const capacityEvidence = (value: number, unit: 'kVA' | 'kW'): number | string =>
  unit === 'kVA' ? value : `${value} ${unit}`;

function evidenceText(value: EvidenceValue, kind: RiskEvidenceKind = 'text'): string {
  if (value === null || value === '') return '—';
  if (kind === 'yesNo') return value ? '是' : '否';
  if (kind === 'capacity') return typeof value === 'number' ? `${value} kVA` : String(value);
  if (kind === 'date' && typeof value === 'string' && value.includes('T')) return shanghaiDateTime(value).slice(0, 10);
  if (kind === 'customerClass') return CUSTOMER_CLASS_LABELS[value as CustomerClass] ?? String(value);
  return String(value);
}

/**
 * A flag's evidence values as label and text, in the order its detector declares them; values it does not declare
 * (stored by an older version) follow in stored order, so nothing stored is hidden.
 */
export function evidenceEntries(
  fields: readonly RiskEvidenceField[],
  values: RiskFlag['values'],
): { label: string; text: string }[] {
  const declared = new Set(fields.map((f) => f.label));
  return [
    ...fields
      .filter((f) => f.label in values)
      .map((f) => ({ label: f.label, text: evidenceText(values[f.label]!, f.kind) })),
    ...Object.entries(values)
      .filter(([label]) => !declared.has(label))
      .map(([label, value]) => ({ label, text: evidenceText(value) })),
  ];
}

/** A page of the applications behind one flag, by id. */
export interface RiskFlagApplications {
  numbers: string[];
  total: number;
}

export interface RiskFlagPage {
  items: RiskFlag[];
  total: number;
  /** Open flags per detector id (for the tab's filter and the workbench count). */
  openByDetector: Record<string, number>;
  detectors: RiskDetectorInfo[];
}

const detectorId = z
  .string()
  .trim()
  .regex(/^RISK-[A-Z]+-\d{2}$/, '检测项编号格式应为 RISK-XXX-00')
  .describe('检测项');

export const riskInputs = {
  list: z
    .object({
      detector: detectorId.optional(),
      status: z.enum(RISK_FLAG_STATUSES).optional().describe('状态'),
      application: z.string().trim().min(1).max(40).optional().describe('申请编号'),
      offset: z.number().int().min(0).max(1_000_000).default(0).describe('起始位置'),
      limit: z.number().int().min(1).max(200).default(50).describe('每页条数'),
    })
    .strict(),
  applications: z
    .object({
      id: z.number().int().positive().describe('风险记录'),
      offset: z.number().int().min(0).max(1_000_000).default(0).describe('起始位置'),
      limit: z.number().int().min(1).max(200).default(50).describe('每页条数'),
    })
    .strict(),
  close: z
    .object({
      id: z.number().int().positive().describe('风险记录'),
      reason: z.string().trim().min(2, '关闭理由至少 2 个字').max(500, '关闭理由不超过 500 个字').describe('关闭理由'),
    })
    .strict(),
};
export type RiskListInput = z.output<typeof riskInputs.list>;
export type RiskApplicationsInput = z.output<typeof riskInputs.applications>;
