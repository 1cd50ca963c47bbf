/**
 * 环节序列 stage sequence per business type and customer class (REFERENCE.md §3.2), as data.
 * Change-of-use flows in §3.2 name field steps (加封, 启封, 计费变更, 合同变更) that are not stages of their own;
 * they are mapped onto the stage vocabulary of §3.1 (docs/workflow.md lists the mapping).
 */
import type { BusinessType, CustomerClass, Stage } from '../domain/codes';
import type { ApplicationInput } from '../domain/application';
import type { SupplyScheme } from '../domain/scheme';

/** An optional stage: skipped by data when `appliesWhen` says no, or by a user with a reason. */
export interface OptionalRule {
  /** Chinese explanation shown when the stage is skipped by data. */
  note: string;
  /**
   * When absent the stage applies unless a user skips it with a reason. `scheme`: the approved supply scheme in
   * force, null before one is approved.
   */
  appliesWhen?: (app: ApplicationInput, scheme: SupplyScheme | null) => boolean;
}

export interface StageStep {
  stage: Stage;
  optional?: OptionalRule;
}

/** 重要用户 (importance 01–04) or first-grade load (REFERENCE.md §5.3.4). */
export function isImportantCustomer(app: Pick<ApplicationInput, 'importance' | 'loadGrade'>): boolean {
  const important = app.importance !== undefined && app.importance !== '05';
  return important || app.loadGrade === 'FIRST' || app.loadGrade === 'FIRST_SPECIAL';
}

/**
 * Whether the customer is important as the approved scheme grades it (the scheme fixes 负荷等级 and 拟定客户分级,
 * and may grade otherwise than the application asked); until a scheme is approved the application forecasts it.
 */
const importantAsApproved = (app: ApplicationInput, scheme: SupplyScheme | null): boolean =>
  isImportantCustomer(scheme ?? app);

/**
 * 高可靠性供电费 (§3.1) is due for more than one supply source as the approved scheme fixes them (the scheme may
 * add or drop a source the customer asked for); until a scheme is approved the application's supplies forecast it.
 */
const hasSeveralSources = (app: ApplicationInput, scheme: SupplyScheme | null): boolean =>
  (scheme ? scheme.sources.length : (app.supplies?.length ?? 0)) >= 2;

/** HV motors (as the approved scheme's 受电系统 lists them, else as applied for) or a large welder. */
const hasSpecialLoad = (app: ApplicationInput, scheme: SupplyScheme | null): boolean =>
  ((scheme ? scheme.receiving?.hvMotorKw : app.hvMotorKw) ?? 0) > 0 || (app.maxSingleWelderKw ?? 0) > 0;

/** Without a supply scheme (低压居民) the clerk decides at the move whether grid works are needed. */
const GRID_WORKS: StageStep = {
  stage: 'GRID_WORKS',
  optional: { note: '无需电网配套工程' },
};
/** After a supply scheme, grid works are what the approved scheme lists (its 电网配套工程 lines). */
const GRID_WORKS_BY_SCHEME: StageStep = {
  stage: 'GRID_WORKS',
  optional: {
    note: '批准的供电方案未列电网配套工程',
    appliesWhen: (_app, scheme) => scheme === null || scheme.gridWorks.length > 0,
  },
};

const steps = (...items: (Stage | StageStep)[]): readonly StageStep[] =>
  items.map((item) => (typeof item === 'string' ? { stage: item } : item));

const LVR_NEW = steps('ACCEPT', GRID_WORKS, 'METER_CONNECT', 'ARCHIVE');
const LVN_NEW = steps('ACCEPT', 'SURVEY', 'SCHEME', GRID_WORKS_BY_SCHEME, 'METER_CONNECT', 'ARCHIVE');
const HV_NEW = steps(
  'ACCEPT',
  'SURVEY',
  'SCHEME',
  { stage: 'FEE', optional: { note: '不涉及高可靠性供电费', appliesWhen: hasSeveralSources } },
  {
    stage: 'DESIGN_REVIEW',
    optional: {
      note: '非重要用户且无特殊负荷，免设计审查',
      appliesWhen: (app, scheme) => importantAsApproved(app, scheme) || hasSpecialLoad(app, scheme),
    },
  },
  'CUSTOMER_WORKS',
  { stage: 'MID_INSPECTION', optional: { note: '非重要用户，免中间检查', appliesWhen: importantAsApproved } },
  'COMPLETION_CHECK',
  'CONTRACT',
  'METER_CONNECT',
  'ARCHIVE',
);
/** 暂停/减容: verify, seal or swap the transformer and change billing (METER_CONNECT), amend the contract. */
const SEAL_FLOW = steps('ACCEPT', 'SURVEY', 'METER_CONNECT', 'CONTRACT', 'ARCHIVE');
/** Restorations: unseal or reinstate and change billing (METER_CONNECT). */
const RESTORE_FLOW = steps('ACCEPT', 'METER_CONNECT', 'ARCHIVE');
/** 暂换: inspection of the temporary unit (COMPLETION_CHECK), billing at the temporary capacity (METER_CONNECT). */
const TTX_FLOW = steps('ACCEPT', 'SURVEY', 'COMPLETION_CHECK', 'METER_CONNECT', 'ARCHIVE');
const HOLDER_CHANGE_FLOW = steps('ACCEPT', 'CONTRACT', 'ARCHIVE');
const SPLIT_MERGE_FLOW = steps(
  'ACCEPT',
  'SURVEY',
  'SCHEME',
  { stage: 'COMPLETION_CHECK', optional: { note: '无新装受电设施，免竣工检验' } },
  'METER_CONNECT',
  'CONTRACT',
  'ARCHIVE',
);
/** 销户: final reading and removal of meter and service drop (METER_CONNECT), contract termination. */
const CLOSE_FLOW = steps('ACCEPT', 'METER_CONNECT', 'CONTRACT', 'ARCHIVE');
const WORK_ORDER_FLOW = steps('ACCEPT', 'SURVEY', 'METER_CONNECT', 'ARCHIVE');
const TARIFF_FLOW = steps('ACCEPT', 'SURVEY', 'METER_CONNECT', 'CONTRACT', 'ARCHIVE');

/** The permanent new-connection flow of a class; temporary supply and relocation follow it (§3.2). */
const NEW_FLOW_BY_CLASS: Record<CustomerClass, readonly StageStep[]> = { LVR: LVR_NEW, LVN: LVN_NEW, HV: HV_NEW };

const PLANS: Record<BusinessType, (cls: CustomerClass) => readonly StageStep[]> = {
  NEW_LVR: () => LVR_NEW,
  INC_LVR: () => LVR_NEW,
  NEW_LVN: () => LVN_NEW,
  INC_LVN: () => LVN_NEW,
  NEW_HV: () => HV_NEW,
  INC_HV: () => HV_NEW,
  // 小区新装: the HV estate flow, then a batch of residential meters at METER_CONNECT, for both classes.
  NEW_BATCH: () => HV_NEW,
  NEW_TEMP: (cls) => NEW_FLOW_BY_CLASS[cls],
  TEMP_EXTEND: (cls) => NEW_FLOW_BY_CLASS[cls],
  // 迁址 = 销户 at the old site + 新装 at the new site; this application carries the new-site flow.
  RELOC: (cls) => NEW_FLOW_BY_CLASS[cls],
  SUS: () => SEAL_FLOW,
  RED: () => SEAL_FLOW,
  SUS_RESTORE: () => RESTORE_FLOW,
  RED_RESTORE: () => RESTORE_FLOW,
  TTX_RESTORE: () => RESTORE_FLOW,
  TTX: () => TTX_FLOW,
  RENAME: () => HOLDER_CHANGE_FLOW,
  TRANSFER: () => HOLDER_CHANGE_FLOW,
  SPLIT: () => SPLIT_MERGE_FLOW,
  MERGE: () => SPLIT_MERGE_FLOW,
  CLOSE: () => CLOSE_FLOW,
  METER_MOVE: () => WORK_ORDER_FLOW,
  TMR: () => WORK_ORDER_FLOW,
  TMR_RESTORE: () => WORK_ORDER_FLOW,
  VOLT_CHANGE: () => HV_NEW,
  TARIFF_CHANGE: () => TARIFF_FLOW,
};

/** The stages of an application of this type and class, in order. */
export function stagePlan(type: BusinessType, cls: CustomerClass): readonly StageStep[] {
  return PLANS[type](cls);
}

/** Position of a stage in a plan, or -1 when the plan does not contain it. */
export function stageIndex(plan: readonly StageStep[], stage: Stage): number {
  return plan.findIndex((step) => step.stage === stage);
}
