/**
 * Stable codes shared by the database, the CLI, the export and the docs (REFERENCE.md §2, §3.1).
 * Never rename a code: HQ readers depend on them.
 */

/** 用户分类 customer class (REFERENCE.md §2.1). */
export const CUSTOMER_CLASSES = ['LVR', 'LVN', 'HV'] as const;
export type CustomerClass = (typeof CUSTOMER_CLASSES)[number];

export const CUSTOMER_CLASS_LABELS: Record<CustomerClass, string> = {
  LVR: '低压居民',
  LVN: '低压非居民',
  HV: '高压',
};

/** Time-limit class: HV splits by number of supply sources (REFERENCE.md §2.1). */
export const TIME_LIMIT_CLASSES = ['LVR', 'LVN', 'HV_SINGLE', 'HV_DUAL'] as const;
export type TimeLimitClass = (typeof TIME_LIMIT_CLASSES)[number];

export const TIME_LIMIT_CLASS_LABELS: Record<TimeLimitClass, string> = {
  LVR: '低压居民',
  LVN: '低压非居民',
  HV_SINGLE: '高压单电源',
  HV_DUAL: '高压双电源',
};

/** 业务类型 business type (REFERENCE.md §2.2). */
export const BUSINESS_TYPES = [
  'NEW_LVR',
  'NEW_LVN',
  'NEW_HV',
  'NEW_BATCH',
  'NEW_TEMP',
  'INC_LVR',
  'INC_LVN',
  'INC_HV',
  'RED',
  'RED_RESTORE',
  'SUS',
  'SUS_RESTORE',
  'TTX',
  'TTX_RESTORE',
  'RELOC',
  'METER_MOVE',
  'TMR',
  'TMR_RESTORE',
  'RENAME',
  'TRANSFER',
  'SPLIT',
  'MERGE',
  'CLOSE',
  'VOLT_CHANGE',
  'TARIFF_CHANGE',
  'TEMP_EXTEND',
] as const;
export type BusinessType = (typeof BUSINESS_TYPES)[number];

export interface BusinessTypeInfo {
  label: string;
  /** Customer classes this type is offered for. */
  classes: readonly CustomerClass[];
  /** Changes to an existing service need the account number (户号). */
  needsAccount: boolean;
  /** SG186 APP_TYPE_CODE where public code shows it; informational only. */
  sg186Code?: string;
}

const ALL: readonly CustomerClass[] = CUSTOMER_CLASSES;
const NON_RES: readonly CustomerClass[] = ['LVN', 'HV'];

export const BUSINESS_TYPE_INFO: Record<BusinessType, BusinessTypeInfo> = {
  NEW_LVR: { label: '低压居民新装', classes: ['LVR'], needsAccount: false, sg186Code: '101' },
  NEW_LVN: { label: '低压非居民新装', classes: ['LVN'], needsAccount: false, sg186Code: '102' },
  NEW_HV: { label: '高压新装', classes: ['HV'], needsAccount: false, sg186Code: '104' },
  NEW_BATCH: { label: '小区新装/批量新装', classes: ['LVR', 'HV'], needsAccount: false, sg186Code: '103' },
  NEW_TEMP: { label: '临时用电', classes: NON_RES, needsAccount: false },
  INC_LVR: { label: '低压居民增容', classes: ['LVR'], needsAccount: true, sg186Code: '109' },
  INC_LVN: { label: '低压非居民增容', classes: ['LVN'], needsAccount: true, sg186Code: '110' },
  INC_HV: { label: '高压增容', classes: ['HV'], needsAccount: true, sg186Code: '111' },
  RED: { label: '减容', classes: NON_RES, needsAccount: true },
  RED_RESTORE: { label: '减容恢复', classes: NON_RES, needsAccount: true },
  SUS: { label: '暂停', classes: NON_RES, needsAccount: true },
  SUS_RESTORE: { label: '暂停恢复', classes: NON_RES, needsAccount: true },
  TTX: { label: '暂换', classes: ['HV'], needsAccount: true },
  TTX_RESTORE: { label: '暂换恢复', classes: ['HV'], needsAccount: true },
  RELOC: { label: '迁址', classes: ALL, needsAccount: true },
  METER_MOVE: { label: '移表', classes: ALL, needsAccount: true },
  TMR: { label: '暂拆', classes: ['LVR', 'LVN'], needsAccount: true },
  TMR_RESTORE: { label: '复装', classes: ['LVR', 'LVN'], needsAccount: true },
  RENAME: { label: '更名', classes: ALL, needsAccount: true },
  TRANSFER: { label: '过户', classes: ALL, needsAccount: true },
  SPLIT: { label: '分户', classes: NON_RES, needsAccount: true },
  MERGE: { label: '并户', classes: NON_RES, needsAccount: true },
  CLOSE: { label: '销户', classes: ALL, needsAccount: true },
  VOLT_CHANGE: { label: '改压', classes: NON_RES, needsAccount: true },
  TARIFF_CHANGE: { label: '改类', classes: ALL, needsAccount: true },
  TEMP_EXTEND: { label: '临时用电延期', classes: NON_RES, needsAccount: true },
};

/**
 * A new connection of one service: the marketing system issues its 户号 when the meter is connected, and the hall
 * records it then (a 小区/批量新装 has an account per household, kept in the marketing system only).
 */
export function issuesNewAccount(type: BusinessType): boolean {
  return !BUSINESS_TYPE_INFO[type].needsAccount && type !== 'NEW_BATCH';
}

/** Workflow stages (REFERENCE.md §3.1), in their canonical order. */
export const STAGES = [
  'ACCEPT',
  'SURVEY',
  'SCHEME',
  'FEE',
  'DESIGN_REVIEW',
  'CUSTOMER_WORKS',
  'GRID_WORKS',
  'MID_INSPECTION',
  'COMPLETION_CHECK',
  'CONTRACT',
  'METER_CONNECT',
  'ARCHIVE',
] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  ACCEPT: '业务受理',
  SURVEY: '现场勘查',
  SCHEME: '供电方案',
  FEE: '业务收费',
  DESIGN_REVIEW: '设计审查',
  CUSTOMER_WORKS: '受电工程施工',
  GRID_WORKS: '电网配套工程',
  MID_INSPECTION: '中间检查',
  COMPLETION_CHECK: '竣工检验',
  CONTRACT: '签订合同',
  METER_CONNECT: '装表接电',
  ARCHIVE: '归档',
};

/** Control status of an application; the stage says where it is, the status whether it moves. */
export const APPLICATION_STATUSES = ['ACTIVE', 'SUSPENDED', 'CANCELLED', 'ARCHIVED'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  ACTIVE: '办理中',
  SUSPENDED: '挂起',
  CANCELLED: '已终止',
  ARCHIVED: '已归档',
};

/** User roles, least to most privileged. */
export const ROLES = ['clerk', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = { clerk: '营业员', supervisor: '班长/审核员', admin: '系统管理员' };

export function roleAtLeast(role: Role, minimum: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(minimum);
}
