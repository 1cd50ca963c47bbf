/**
 * THE place that turns what the audit log stores (actions, field paths, coded values) into the Chinese a clerk
 * reads: the audit trail, the progress timeline and any screen showing history use it, so no `scheme.draft`,
 * `scheme.approvedCapacityKva`, `TWO_PART` or `DEFERRED` reaches a user.
 */
import { shanghaiDateTime } from '../calendar/shanghaiTime';
import { schemaPathLabel } from '../api/schemaLabels';
import { DOCUMENT_LABELS } from '../rules/documents/labels';
import { PAUSE_REASON_LABELS } from '../workflow/pauseReasons';
import { applicationInputSchema } from './application';
import {
  APPLICATION_STATUS_LABELS,
  BUSINESS_TYPE_INFO,
  BUSINESS_TYPES,
  CUSTOMER_CLASS_LABELS,
  ROLE_LABELS,
  STAGE_LABELS,
} from './codes';
import {
  CAPACITY_CHARGE_BASIS_LABELS,
  ID_TYPE_LABELS,
  LOAD_GRADE_LABELS,
  POWER_FACTOR_LABELS,
  SUPPLY_NATURE_LABELS,
  TARIFF_CATEGORY_LABELS,
  TARIFF_STRUCTURE_LABELS,
  VOLTAGE_LABELS,
} from './labels';
import { supplySchemeSchema } from './scheme';

const ACTION_LABELS: Record<string, string> = {
  'application.create': '受理申请',
  'application.update': '修改申请信息',
  'application.advance': '推进环节',
  'application.return': '退回',
  'application.suspend': '挂起',
  'application.resume': '恢复办理',
  'application.cancel': '终止',
  'application.archive': '归档',
  'application.assign': '分派经办人',
  'scheme.draft': '拟定供电方案',
  'scheme.edit': '修改供电方案草稿',
  'scheme.change': '变更已审批的供电方案',
  'scheme.approve': '审批供电方案',
  'contracts.generate': '生成供用电合同',
  'contracts.print': '打印供用电合同',
  'contracts.setDetails': '填写合同条款',
  'contracts.sign': '签订供用电合同',
  'contracts.void': '作废供用电合同',
  'documents.schemeReply': '生成供电方案答复单',
  'documents.workSheet': '生成装表接电工作单',
  'documents.schemeReply.print': '打印供电方案答复单',
  'documents.settings': '设置文书抬头',
  'hall.init': '初始化营业厅',
  'hall.update': '修改营业厅信息',
  'settings.loadProfile': '载入省级参数',
  'settings.loadHolidays': '载入节假日表',
  'user.create': '新增用户',
  'filter.save': '保存查询条件',
  'filter.delete': '删除查询条件',
  'suggestion.status': '记录营销建议跟进结果',
  'scheme.extend': '延长供电方案有效期',
  'risk.close': '关闭风险标记',
  'risk.recompute': '重新计算风险标记',
  'export.settings': '修改导出设置',
  'settings.idleLock': '设置无操作锁屏时间',
  'settings.backupSecondFolder': '设置第二备份目录',
  'backup.secondFolder': '设置第二备份目录',
  'auth.signIn': '登录',
  'auth.signOut': '换班退出',
  'auth.signInFailed': '登录失败',
  'auth.accountLocked': '账号锁定',
  'auth.lock': '锁屏',
  'auth.unlock': '解锁',
  'auth.passwordChanged': '修改密码',
  'auth.passwordReset': '重置密码',
};

/** Paths the services write beside the record's own fields. */
const FIELD_LABELS: Record<string, string> = {
  number: '申请编号',
  stage: '办理环节',
  status: '状态',
  stageStartDate: '环节开始日期',
  stageDue: '环节到期日',
  totalDue: '全流程到期日',
  suspendedSince: '挂起日期',
  pauseReason: '挂起原因',
  closedAt: '办结时间',
  assignee: '经办人',
  relocation: '所属迁址申请',
  'correction.reason': '更正理由',
  'correction.afterScheme': '供电方案审批后更正',
  'correction.identityChanged': '更改客户身份',
  schemeVersion: '供电方案版本',
  approvedWithWarnings: '审批时确认的警告',
  schemeReply: '供电方案答复单（编号、文件指纹）',
  workSheet: '装表接电工作单（编号、文件指纹）',
  printed: '打印（份数 × 文件指纹）',
  pdfSha256: '文件指纹',
  template: '文书模板版本',
};

/** Every coded value that may stand in a diff, by code (codes are upper-case words, unique across these lists). */
const VALUE_LABELS: Record<string, string> = {
  ...STAGE_LABELS,
  ...APPLICATION_STATUS_LABELS,
  ...PAUSE_REASON_LABELS,
  ...CUSTOMER_CLASS_LABELS,
  ...Object.fromEntries(BUSINESS_TYPES.map((code) => [code, BUSINESS_TYPE_INFO[code].label])),
  ...TARIFF_CATEGORY_LABELS,
  ...TARIFF_STRUCTURE_LABELS,
  ...CAPACITY_CHARGE_BASIS_LABELS,
  ...LOAD_GRADE_LABELS,
  ...POWER_FACTOR_LABELS,
  ...SUPPLY_NATURE_LABELS,
  ...ID_TYPE_LABELS,
  ...VOLTAGE_LABELS,
  ...ROLE_LABELS,
  ...DOCUMENT_LABELS,
  RECEIVED: '已收',
  DEFERRED: '容缺',
  WAIVED: '免交',
};

/** The Chinese name of an audit action; an action this table does not know yet reads as 其他操作, never its code. */
export function auditActionLabel(action: string): string {
  return ACTION_LABELS[action] ?? '其他操作';
}

/** The Chinese label of a diff path: `record.customer.phone` → 客户·联系电话, `scheme.sources.1.line` → 供电方案·…. */
export function auditFieldLabel(path: string): string {
  const known = FIELD_LABELS[path];
  if (known) return known;
  const reason = /^reasons\.\d+\.(code|text)$/.exec(path);
  if (reason) return reason[1] === 'code' ? '原因' : '理由';
  if (path.startsWith('record.')) return schemaPathLabel(applicationInputSchema, path.slice(7)) ?? '申请信息';
  if (path.startsWith('scheme.')) return `供电方案·${schemaPathLabel(supplySchemeSchema, path.slice(7)) ?? '其他项目'}`;
  return schemaPathLabel(applicationInputSchema, path) ?? '其他项目';
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/** A before/after value as a clerk reads it: codes by their label, yes/no, （无） for absent. */
export function auditValueLabel(value: unknown): string {
  if (value === null || value === undefined) return '（无）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string') {
    // A moment (办结时间…) reads as the hall's clock does, not as UTC.
    if (ISO_INSTANT.test(value)) return shanghaiDateTime(value);
    return VALUE_LABELS[value] ?? value;
  }
  if (Array.isArray(value)) return value.length === 0 ? '（无）' : value.map(auditValueLabel).join('、');
  if (typeof value === 'object') return '（多项内容）';
  return String(value);
}
