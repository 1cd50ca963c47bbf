/**
 * The thresholds of a province profile shown on 省级参数, each with its unit and the source of its default
 * (shared/rules/profile/defaults.json keeps a source beside every value).
 */
import defaults from '../../../../shared/rules/profile/defaults.json';
import type { RuleProfile } from '../../../../shared/rules/profile/profile';

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

const limits = defaults.capacityLimits;
const tariff = defaults.tariff;
const change = defaults.changeOfUse;

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
    source: limits.singlePhase220VMaxKwExclusive.source,
  },
  {
    key: 'capacity.lvUrbanMaxKw',
    group: '容量与电压',
    label: '380V 低压接入限值（城区）',
    value: (p) => p.capacity.lvUrbanMaxKw,
    unit: 'kW',
    source: limits.lowVoltageThreePhase.urbanMaxKwInclusive.source,
  },
  {
    key: 'capacity.lvRuralMaxKw',
    group: '容量与电压',
    label: '380V 低压接入限值（农村）',
    value: (p) => p.capacity.lvRuralMaxKw,
    unit: 'kW',
    source: limits.lowVoltageThreePhase.ruralMaxKwInclusive.source,
  },
  {
    key: 'capacity.lvHardMaxKw',
    group: '容量与电压',
    label: '380V 低压接入硬上限（超过须高压供电）',
    value: (p) => p.capacity.lvHardMaxKw,
    unit: 'kW',
    source: limits.lowVoltageThreePhase.hardMaxKw.source,
  },
  {
    key: 'capacity.hvBelowKvaWarn',
    group: '容量与电压',
    label: '高压供电低于此容量须确认',
    value: (p) => p.capacity.hvBelowKvaWarn,
    unit: 'kVA',
    source: limits.hvBelowKvaWarn.source,
  },
  {
    key: 'capacity.voltageBandsKva',
    group: '容量与电压',
    label: '推荐供电电压容量范围',
    value: bands,
    unit: 'kVA',
    source: limits.recommendedVoltageBandsKva.source,
  },
  {
    key: 'tariff.singlePartOnlyMaxKva',
    group: '电价',
    label: '仅执行单一制电价的容量上限（含）',
    value: (p) => p.tariff.singlePartOnlyMaxKva,
    unit: 'kVA',
    source: tariff.singlePartOnlyMaxKvaInclusive.source,
  },
  {
    key: 'tariff.twoPartFromKva',
    group: '电价',
    label: '执行两部制电价的容量起点（含）',
    value: (p) => p.tariff.twoPartFromKva,
    unit: 'kVA',
    source: tariff.twoPartFromKvaInclusive.source,
  },
  {
    key: 'tariff.largeIndustryFromKva',
    group: '电价',
    label: '大工业电价容量起点（含）',
    value: (p) => p.tariff.largeIndustryFromKva,
    unit: 'kVA',
    source: tariff.largeIndustryFromKvaInclusive.source,
    applies: (p) => p.tariff.categories.includes('LARGE_INDUSTRY'),
  },
  {
    key: 'changeOfUse.advanceNoticeWorkdays',
    group: '变更用电',
    label: '变更用电提前申请',
    value: (p) => p.changeOfUse.advanceNoticeWorkdays,
    unit: '工作日',
    source: change.advanceNoticeWorkingDays.source,
  },
  {
    key: 'changeOfUse.suspensionMinDays',
    group: '变更用电',
    label: '暂停每次最短',
    value: (p) => p.changeOfUse.suspensionMinDays,
    unit: '天',
    source: change.suspension.minDaysPerOccurrence.source,
  },
  {
    key: 'changeOfUse.suspensionMaxDaysPerYear',
    group: '变更用电',
    label: '暂停每年累计最长',
    value: (p) => p.changeOfUse.suspensionMaxDaysPerYear,
    unit: '天',
    source: change.suspension.maxCumulativeDaysPerCalendarYear.source,
  },
  {
    key: 'deadlines.dueSoonFraction',
    group: '时限',
    label: '已用时限达此比例即为临期',
    value: (p) => p.deadlines.dueSoonFraction,
    unit: '比例',
    source: defaults.calendar.dueSoonFraction.source,
  },
  {
    key: 'deadlines.dueSoonWorkdaysLeft',
    group: '时限',
    label: '或剩余不超过此工作日数即为临期',
    value: (p) => p.deadlines.dueSoonWorkdaysLeft,
    unit: '工作日',
    source: defaults.calendar.dueSoonWorkingDaysLeft.source,
  },
  {
    key: 'scheme.validityMonthsHv',
    group: '供电方案',
    label: '高压供电方案有效期',
    value: (p) => p.scheme.validityMonthsHv,
    unit: '月',
    source: defaults.scheme.validityMonths.HV.source,
  },
  {
    key: 'scheme.validityMonthsLv',
    group: '供电方案',
    label: '低压供电方案有效期',
    value: (p) => p.scheme.validityMonthsLv,
    unit: '月',
    source: defaults.scheme.validityMonths.LV.source,
  },
  {
    key: 'scheme.extensionNoticeDays',
    group: '供电方案',
    label: '延期申请须在到期前至少',
    value: (p) => p.scheme.extensionNoticeDays,
    unit: '天',
    source: defaults.scheme.extensionRequestAtLeastDaysBeforeExpiry.source,
  },
  {
    key: 'scheme.expiringSoonDays',
    group: '供电方案',
    label: '工作台提示即将到期的方案（到期前）',
    value: (p) => p.scheme.expiringSoonDays,
    unit: '天',
    source: 'REFERENCE.md §8 SCHEME 方案过期风险（[P] 建议值）',
  },
];

/** The rows of the profile in force: none for a tariff it does not use. */
export const rowsInForce = (profile: RuleProfile): ProfileRow[] =>
  PROFILE_ROWS.filter((row) => row.applies?.(profile) ?? true);
