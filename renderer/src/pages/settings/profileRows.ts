/**
 * The thresholds of a province profile shown on 省级参数, each with its unit and the basis of its default in
 * words a clerk reads (shared/rules/profile/defaults.json keeps the full research note beside every value).
 */
import { VOLTAGE_LABELS } from '../../../../shared/domain/labels';
import type { DisputeResolution, RuleProfile } from '../../../../shared/rules/profile/profile';

export interface ProfileRow {
  key: string;
  group: string;
  label: string;
  value: (p: RuleProfile) => number | string;
  unit: string;
  source: string;
  /** Whether the row means anything under the profile (a tariff's threshold, if the profile uses the tariff). */
  applies?: (p: RuleProfile) => boolean;
}

function band(minKva: number | null, maxKva: number | null): string {
  if (minKva === null) return `${maxKva} 以下`;
  return maxKva === null ? `${minKva} 以上` : `${minKva}–${maxKva}`;
}

/** Bands without any bound (e.g. 20 kV, left to the province) are not shown. */
const bands = (p: RuleProfile): string =>
  p.capacity.voltageBandsKva
    .filter((b) => b.minKva !== null || b.maxKva !== null)
    .map((b) => `${b.kv} kV：${band(b.minKva, b.maxKva)}`)
    .join('；');

export const PROFILE_ROWS: ProfileRow[] = [
  {
    key: 'capacity.singlePhaseMaxKwExclusive',
    group: '容量与电压',
    label: '220V 单相供电容量上限（不含）',
    value: (p) => p.capacity.singlePhaseMaxKwExclusive,
    unit: 'kW',
    source: '《供电营业规则》（1996）第 8 条',
  },
  {
    key: 'capacity.lvUrbanMaxKw',
    group: '容量与电压',
    label: '380V 低压接入限值（城区）',
    value: (p) => p.capacity.lvUrbanMaxKw,
    unit: 'kW',
    source: '发改能源规〔2020〕1479号（政策目标）',
  },
  {
    key: 'capacity.lvRuralMaxKw',
    group: '容量与电压',
    label: '380V 低压接入限值（农村）',
    value: (p) => p.capacity.lvRuralMaxKw,
    unit: 'kW',
    source: '发改能源规〔2020〕1479号（政策目标）',
  },
  {
    key: 'capacity.lvHardMaxKw',
    group: '容量与电压',
    label: '380V 低压接入硬上限（超过须高压供电）',
    value: (p) => p.capacity.lvHardMaxKw,
    unit: 'kW',
    source: '规则 R-VC-03（建议值）',
  },
  {
    key: 'capacity.hvBelowKvaWarn',
    group: '容量与电压',
    label: '高压供电低于此容量须确认',
    value: (p) => p.capacity.hvBelowKvaWarn,
    unit: 'kVA',
    source: '《供电营业规则》（1996）第 9 条（低于低压限值采用高压供电属特殊情况）',
  },
  {
    key: 'capacity.voltageBandsKva',
    group: '容量与电压',
    label: '推荐供电电压容量范围',
    value: bands,
    unit: 'kVA',
    source: '国家电网《业扩供电方案编制导则》供电电压与受电容量对照表（仅提示）',
  },
  {
    key: 'supply.voltages',
    group: '容量与电压',
    label: '可选供电电压等级',
    value: (p) => p.supply.voltages.map((code) => VOLTAGE_LABELS[code]).join('、'),
    unit: '',
    source: '国家电网营销业务代码（供电电压）',
  },
  {
    key: 'tariff.singlePartOnlyMaxKva',
    group: '电价',
    label: '仅执行单一制电价的容量上限（含）',
    value: (p) => p.tariff.singlePartOnlyMaxKva,
    unit: 'kVA',
    source: '发改价格〔2023〕526号',
  },
  {
    key: 'tariff.twoPartFromKva',
    group: '电价',
    label: '执行两部制电价的容量起点（含）',
    value: (p) => p.tariff.twoPartFromKva,
    unit: 'kVA',
    source: '发改价格〔2023〕526号（“及以上”含 315）',
  },
  {
    key: 'tariff.largeIndustryFromKva',
    group: '电价',
    label: '大工业电价容量起点（含）',
    value: (p) => p.tariff.largeIndustryFromKva,
    unit: 'kVA',
    source: '发改价格〔2013〕973号；各省销售电价目录',
    applies: (p) => p.tariff.categories.includes('LARGE_INDUSTRY'),
  },
  {
    key: 'changeOfUse.advanceNoticeWorkdays',
    group: '变更用电',
    label: '变更用电提前申请',
    value: (p) => p.changeOfUse.advanceNoticeWorkdays,
    unit: '工作日',
    source: '发改办价格〔2016〕1583号；《供电营业规则》（1996）第 23–24 条',
  },
  {
    key: 'changeOfUse.suspensionMinDays',
    group: '变更用电',
    label: '暂停每次最短',
    value: (p) => p.changeOfUse.suspensionMinDays,
    unit: '天',
    source: '《供电营业规则》（1996）第 24 条；发改办价格〔2016〕1583号',
  },
  {
    key: 'changeOfUse.suspensionMaxDaysPerYear',
    group: '变更用电',
    label: '暂停每年累计最长',
    value: (p) => p.changeOfUse.suspensionMaxDaysPerYear,
    unit: '天',
    source: '《供电营业规则》（1996）（每年累计不超过 6 个月，按天计）',
  },
  {
    key: 'deadlines.dueSoonFraction',
    group: '时限',
    label: '已用时限达此比例即为临期',
    value: (p) => p.deadlines.dueSoonFraction,
    unit: '比例',
    source: '建议值（环节时限临期提醒）',
  },
  {
    key: 'deadlines.dueSoonWorkdaysLeft',
    group: '时限',
    label: '或剩余不超过此工作日数即为临期',
    value: (p) => p.deadlines.dueSoonWorkdaysLeft,
    unit: '工作日',
    source: '建议值（环节时限临期提醒）',
  },
  {
    key: 'scheme.validityMonthsHv',
    group: '供电方案',
    label: '高压供电方案有效期',
    value: (p) => p.scheme.validityMonthsHv,
    unit: '月',
    source: '《供电营业规则》（1996）第 21 条',
  },
  {
    key: 'scheme.validityMonthsLv',
    group: '供电方案',
    label: '低压供电方案有效期',
    value: (p) => p.scheme.validityMonthsLv,
    unit: '月',
    source: '《供电营业规则》（1996）第 21 条',
  },
  {
    key: 'scheme.extensionNoticeDays',
    group: '供电方案',
    label: '延期申请须在到期前至少',
    value: (p) => p.scheme.extensionNoticeDays,
    unit: '天',
    source: '《供电营业规则》（1996）第 21 条',
  },
  {
    key: 'scheme.expiringSoonDays',
    group: '供电方案',
    label: '工作台提示即将到期的方案（到期前）',
    value: (p) => p.scheme.expiringSoonDays,
    unit: '天',
    source: '建议值（供电方案过期风险提示）',
  },
  {
    key: 'contracts.disputeResolution',
    group: '供用电合同',
    label: '争议解决（协商、调解不成时）',
    value: (p) => disputeLabel(p.contracts.disputeResolution),
    unit: '',
    source: '《民法典》第 650 条（履行地为产权分界点）；省级合同范本可约定仲裁委员会',
  },
];

function disputeLabel(choice: DisputeResolution): string {
  return choice.method === 'ARBITRATION' ? `提交${choice.arbitrationCommission}仲裁` : '向合同履行地人民法院起诉';
}

/** The rows of the profile in force: none for a tariff it does not use. */
export const rowsInForce = (profile: RuleProfile): ProfileRow[] =>
  PROFILE_ROWS.filter((row) => row.applies?.(profile) ?? true);
