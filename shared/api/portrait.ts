/**
 * 客户画像与交叉营销 (issue 15, the paper's §3.3): one customer's applications, accounts, capacity history,
 * contracts and risk flags, and the suggestions and leads the hall's own records support, each with its reason
 * and the data behind it. Only a suggestion's outcome is stored (what the customer answered), never a score.
 */
import { z } from 'zod';
import type { ApplicationStatus, BusinessType, CustomerClass, Stage } from '../domain/codes';
import type { RiskFlag } from './risk';

/** What is suggested; the first five are for a customer (or a site), the last three are leads (潜在客户). */
export const SUGGESTION_KINDS = [
  'HV_PLANNING',
  'ENERGY_SERVICE',
  'EV_PV',
  'PERMANENT_SUPPLY',
  'DEMAND_BILLING',
  'LEAD_LEGAL_REP',
  'LEAD_ADDRESS',
  'LEAD_INDUSTRY',
] as const;
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];

export const SUGGESTION_KIND_LABELS: Record<SuggestionKind, string> = {
  HV_PLANNING: '规划高压接入',
  ENERGY_SERVICE: '能效服务/需量管理',
  EV_PV: '充电桩/分布式光伏',
  PERMANENT_SUPPLY: '临时转正式用电',
  DEMAND_BILLING: '按需量计费建议',
  LEAD_LEGAL_REP: '潜在客户：同一法定代表人',
  LEAD_ADDRESS: '潜在客户：同一地址（园区/楼宇）',
  LEAD_INDUSTRY: '潜在客户：同一行业集群',
};

export const LEAD_KINDS: readonly SuggestionKind[] = ['LEAD_LEGAL_REP', 'LEAD_ADDRESS', 'LEAD_INDUSTRY'];

/**
 * 跟进状态: open until someone records what happened. 已推荐 = put to the customer, 客户有意向 = the customer
 * wants it, 不适用 = declined or not applicable (with the reason).
 */
export const SUGGESTION_STATUSES = ['open', 'contacted', 'accepted', 'declined'] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];
export const SUGGESTION_STATUS_LABELS: Record<SuggestionStatus, string> = {
  open: '待跟进',
  contacted: '已推荐',
  accepted: '客户有意向',
  declined: '不适用',
};

/** One suggestion or lead as derived from the records: what, for whom, why, and the figures behind the reason. */
export interface DerivedSuggestion {
  kind: SuggestionKind;
  /** Stable key within the kind: `customer:12`, `site:<address>`, `prefix:<address prefix>`, `rep:<ID>`, … */
  subject: string;
  /** The customers it concerns (for a lead: the potential customers first, then the applicants it comes from). */
  customers: { id: number; name: string }[];
  /** One Chinese sentence: the reason, naming the records and the values. */
  reason: string;
  /** What to offer or do. */
  action: string;
  /** Numbers of the applications behind the reason. */
  applications: string[];
  values: Record<string, string | number>;
}

/** A suggestion with the outcome staff recorded for it. */
export interface Suggestion extends DerivedSuggestion {
  status: SuggestionStatus;
  statusReason: string | null;
  statusBy: string | null;
  statusAt: string | null;
}

/** Acceptance per kind: of the suggestions put to customers (已推荐, 有意向, 不适用), the share with 有意向. */
export interface SuggestionKindRate {
  kind: SuggestionKind;
  open: number;
  contacted: number;
  accepted: number;
  declined: number;
  /** accepted ÷ (contacted + accepted + declined); null when none was put to a customer yet. */
  acceptanceRate: number | null;
}

export interface LeadsPage {
  items: Suggestion[];
  total: number;
  rates: SuggestionKindRate[];
}

export interface CustomerMatch {
  id: number;
  name: string;
  kind: 'PERSON' | 'ORG';
  idNumber: string;
  applications: number;
  latestNumber: string;
  latestAddress: string;
}

export interface PortraitApplication {
  number: string;
  businessType: BusinessType;
  customerClass: CustomerClass;
  stage: Stage;
  status: ApplicationStatus;
  applicationDate: string;
  acceptDate: string;
  closedAt: string | null;
  address: string;
  accountNo: string | null;
  capacity: { value: number; unit: 'kW' | 'kVA' } | null;
  /** Working days from acceptance to archiving (finished) or to today (open); null for a cancelled one. */
  workdays: number | null;
  /** Working days suspended (clock stopped, customer's cause). */
  pausedWorkdays: number;
  contract: { number: string; status: string; signedOn: string | null } | null;
}

/** The capacity in force after one application (new connection, increase, reduction, suspension, restoration). */
export interface CapacityPoint {
  date: string;
  number: string;
  businessType: BusinessType;
  unit: 'kW' | 'kVA';
  before: number | null;
  after: number;
}

export interface CustomerAccount {
  accountNo: string;
  address: string;
  applications: number;
  latestNumber: string;
}

export interface CustomerPortrait {
  customer: {
    id: number;
    name: string;
    kind: 'PERSON' | 'ORG';
    idType: string;
    idNumber: string;
    phone: string;
    legalRep: string | null;
    since: string;
  };
  /** From the newest application: tariff and industry as the hall last recorded them. */
  tariff: { category: string; structure: string | null; capacityChargeBasis: string | null };
  industryCode: string | null;
  accounts: CustomerAccount[];
  applications: PortraitApplication[];
  capacityHistory: CapacityPoint[];
  riskFlags: RiskFlag[];
  suggestions: Suggestion[];
}

const customerId = z.number().int().positive().describe('客户');
const subject = z.string().trim().min(3).max(600).describe('建议对象');

export const portraitInputs = {
  search: z
    .object({
      query: z.string().trim().min(1, '请输入户名、证件号码、户号或申请编号').max(100).describe('查询'),
    })
    .strict(),
  get: z.object({ customerId }).strict(),
  leads: z
    .object({
      kind: z.enum(SUGGESTION_KINDS).optional().describe('建议类型'),
      status: z.enum(SUGGESTION_STATUSES).optional().describe('跟进状态'),
      offset: z.number().int().min(0).max(1_000_000).default(0).describe('起始位置'),
      limit: z.number().int().min(1).max(500).default(100).describe('每页条数'),
    })
    .strict(),
  setStatus: z
    .object({
      kind: z.enum(SUGGESTION_KINDS).describe('建议类型'),
      subject,
      status: z.enum(SUGGESTION_STATUSES).describe('跟进状态'),
      reason: z.string().trim().max(500, '理由不超过 500 个字').optional().describe('理由'),
    })
    .strict()
    .refine((input) => input.status !== 'declined' || (input.reason?.length ?? 0) >= 2, {
      message: '标为“不适用”时须填写理由（至少 2 个字）',
      path: ['reason'],
    }),
  exportXlsx: z.object({ customerId: customerId.optional() }).strict(),
};
export type LeadsInput = z.output<typeof portraitInputs.leads>;
export type SuggestionStatusInput = z.output<typeof portraitInputs.setStatus>;
