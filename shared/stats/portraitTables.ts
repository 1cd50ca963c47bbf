/** 客户画像 as plain tables: the CLI's text output and the .xlsx export say the same under the same headings. */
import type { RiskFlag } from '../api/risk';
import { RISK_FLAG_STATUS_LABELS, RISK_SEVERITY_LABELS } from '../api/risk';
import {
  SUGGESTION_KIND_LABELS,
  SUGGESTION_STATUS_LABELS,
  type CustomerPortrait,
  type Suggestion,
  type SuggestionKindRate,
} from '../api/portrait';
import { APPLICATION_STATUS_LABELS, BUSINESS_TYPE_INFO, STAGE_LABELS } from '../domain/codes';
import { percent, type Table } from './tables';

const CONTRACT_STATUS_LABELS: Record<string, string> = {
  draft: '草稿',
  printed: '已打印未签',
  signed: '已签订',
  void: '已作废',
};

export function portraitApplicationsTable(p: CustomerPortrait): Table {
  return {
    title: '申请记录',
    headers: [
      '申请编号',
      '业务类型',
      '状态',
      '环节',
      '申请日期',
      '容量',
      '用时(工作日)',
      '挂起(工作日)',
      '户号',
      '合同',
    ],
    rows: p.applications.map((a) => [
      a.number,
      BUSINESS_TYPE_INFO[a.businessType].label,
      APPLICATION_STATUS_LABELS[a.status],
      STAGE_LABELS[a.stage],
      a.applicationDate,
      a.capacity ? `${a.capacity.value} ${a.capacity.unit}` : '—',
      a.workdays === null ? '—' : String(a.workdays),
      String(a.pausedWorkdays),
      a.accountNo ?? '—',
      a.contract ? `${a.contract.number} ${CONTRACT_STATUS_LABELS[a.contract.status] ?? a.contract.status}` : '—',
    ]),
  };
}

export function capacityTable(p: CustomerPortrait): Table {
  return {
    title: '容量变化',
    headers: ['申请日期', '申请编号', '业务类型', '原容量', '变更后容量', '单位'],
    rows: p.capacityHistory.map((c) => [
      c.date,
      c.number,
      BUSINESS_TYPE_INFO[c.businessType].label,
      c.before === null ? '—' : String(c.before),
      String(c.after),
      c.unit,
    ]),
  };
}

export function flagTable(flags: readonly RiskFlag[]): Table {
  return {
    title: '风险标记',
    headers: ['检测项', '名称', '严重程度', '状态', '摘要'],
    rows: flags.map((f) => [
      f.detectorId,
      f.detectorName,
      RISK_SEVERITY_LABELS[f.severity],
      RISK_FLAG_STATUS_LABELS[f.status],
      f.summary,
    ]),
  };
}

/** The figures behind a suggestion, as `名称：值` pairs. */
export const valuesText = (values: Suggestion['values']): string =>
  Object.entries(values)
    .map(([k, v]) => `${k}：${v}`)
    .join('；');

export function suggestionTable(suggestions: readonly Suggestion[], title = '营销建议'): Table {
  return {
    title,
    headers: ['类型', '客户', '理由', '依据数据', '相关申请', '建议措施', '跟进状态', '跟进说明'],
    rows: suggestions.map((s) => [
      SUGGESTION_KIND_LABELS[s.kind],
      s.customers.map((c) => c.name).join('、'),
      s.reason,
      valuesText(s.values),
      s.applications.join('、') || '—',
      s.action,
      SUGGESTION_STATUS_LABELS[s.status],
      s.statusReason ?? '',
    ]),
  };
}

export function rateTable(rates: readonly SuggestionKindRate[]): Table {
  return {
    title: '建议采纳情况',
    headers: ['类型', '待跟进', '已推荐', '客户有意向', '不适用', '接受率'],
    rows: rates.map((r) => [
      SUGGESTION_KIND_LABELS[r.kind],
      String(r.open),
      String(r.contacted),
      String(r.accepted),
      String(r.declined),
      r.acceptanceRate === null ? '—' : percent(r.acceptanceRate),
    ]),
  };
}
