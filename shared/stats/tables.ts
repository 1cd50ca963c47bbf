/**
 * The stats reports as plain tables (header + text cells): one shape for the CLI's text output and the .xlsx
 * export of 统计与风险, so both say the same thing under the same headings.
 */
import type { ForecastReport, ProcessReport } from '../api/stats';
import { STAGE_LABELS, TIME_LIMIT_CLASS_LABELS } from '../domain/codes';
import { FORECAST_GROUP_LABELS, type ForecastMethod } from './forecast';

export interface Table {
  title: string;
  headers: string[];
  rows: string[][];
}

export const percent = (share: number): string => `${Math.round(share * 1000) / 10}%`;
/** A share of nothing (no application counted) is 无数据 '—', not 0 %: 0 % would read as "all late". */
const percentOf = (share: number, counted: number): string => (counted === 0 ? '—' : percent(share));
/** NaN (no data) travels through IPC's JSON as null: both read 无数据 '—'. */
export const numberText = (x: number | null): string => (x === null || Number.isNaN(x) ? '—' : String(x));

export function stageTable(r: ProcessReport): Table {
  return {
    title: '环节时长',
    headers: ['环节', '已完成', '在办', '中位数(工作日)', 'P90', '办理中位数', '等待占比', '退回占比'],
    rows: r.stages.map((s) => [
      `${STAGE_LABELS[s.stage]}${s.customerTime ? '(客户)' : ''}`,
      String(s.visits),
      String(s.open),
      numberText(s.medianDays),
      numberText(s.p90Days),
      numberText(s.medianWorkingDays),
      percentOf(s.waitingShare, s.visits),
      percentOf(s.returnShare, s.visits),
    ]),
  };
}

export function connectionTable(r: ProcessReport): Table {
  return {
    title: '获得电力',
    headers: [
      '时限分类',
      '已接电',
      '环节数(承诺)',
      '总工作日中位数',
      'P90',
      '供电企业时间中位数',
      'P90',
      '承诺(工作日)',
      '承诺内占比',
    ],
    rows: r.connection.map((c) => [
      TIME_LIMIT_CLASS_LABELS[c.timeLimitClass],
      String(c.connected),
      `${numberText(c.medianSteps)}(${c.promisedSteps})`,
      numberText(c.medianTotalDays),
      numberText(c.p90TotalDays),
      numberText(c.medianUtilityDays),
      numberText(c.p90UtilityDays),
      String(c.promisedDays),
      percentOf(c.withinPromiseShare, c.connected),
    ]),
  };
}

export function transitionTable(r: ProcessReport): Table {
  return {
    title: '环节流转',
    headers: ['从', '到', '类型', '次数', '前一环节停留中位数(工作日)'],
    rows: [...r.map.edges]
      .sort((a, b) => b.count - a.count)
      .map((e) => [
        STAGE_LABELS[e.from],
        STAGE_LABELS[e.to],
        e.kind === 'return' ? '退回' : '推进',
        String(e.count),
        numberText(e.medianDays),
      ]),
  };
}

export const METHOD_LABELS: Record<ForecastMethod, string> = {
  'holt-winters': 'Holt-Winters（加法）',
  'seasonal-naive': '季节朴素',
};

export function forecastTable(r: ForecastReport): Table {
  const mape = (x: number | null) => (x === null ? '历史不足' : `${x}%`);
  return {
    title: '业务量预测',
    headers: ['业务组', ...r.forecastMonths, '采用方法', 'Holt-Winters MAPE', '季节朴素 MAPE'],
    rows: r.groups.map((g) => [
      FORECAST_GROUP_LABELS[g.group],
      ...(g.forecast.length ? g.forecast.map(String) : r.forecastMonths.map(() => '—')),
      g.method ? METHOD_LABELS[g.method] : '历史不足一年',
      mape(g.mape['holt-winters']),
      mape(g.mape['seasonal-naive']),
    ]),
  };
}

/** Monthly history per group, for the export beside the forecast. */
export function forecastHistoryTable(r: ForecastReport): Table {
  return {
    title: '月度申请量',
    headers: ['月份', ...r.groups.map((g) => FORECAST_GROUP_LABELS[g.group])],
    rows: r.months.map((month, i) => [month, ...r.groups.map((g) => String(g.history[i] ?? 0))]),
  };
}
