/**
 * 挂起原因 reason codes for suspending an application. Only customer-caused states stop the clock
 * (REFERENCE.md §3.6.3, SG186 KPI exclusions); each pause carries one of these codes and is audited.
 */
export const PAUSE_REASONS = [
  'WAITING_DEFERRED_DOCUMENTS',
  'CUSTOMER_CONSTRUCTION',
  'CUSTOMER_NOT_READY_FOR_INSPECTION',
  'CUSTOMER_NOT_SIGNING_OR_PAYING',
  'CUSTOMER_REQUESTED_POSTPONEMENT',
  'ACCESS_SYSTEM_DESIGN',
] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

export const PAUSE_REASON_LABELS: Record<PauseReason, string> = {
  WAITING_DEFERRED_DOCUMENTS: '等待客户补交容缺资料',
  CUSTOMER_CONSTRUCTION: '客户受电工程施工中',
  CUSTOMER_NOT_READY_FOR_INSPECTION: '客户未具备检验条件',
  CUSTOMER_NOT_SIGNING_OR_PAYING: '客户未签约或未缴费',
  CUSTOMER_REQUESTED_POSTPONEMENT: '客户要求缓办',
  ACCESS_SYSTEM_DESIGN: '110千伏及以上客户委托接入系统设计',
};
