/** Plain-text output of `yekuo stats`, `process`, `simulate` and `forecast` (--json prints the API shapes). */
import type { ForecastReport, ProcessReport, SimulationResult } from '../../shared/api/stats';
import { BUSINESS_TYPE_INFO, STAGE_LABELS } from '../../shared/domain/codes';
import { FORECAST_GROUP_LABELS } from '../../shared/stats/forecast';

const pct = (share: number) => `${Math.round(share * 1000) / 10}%`;
const num = (x: number) => (Number.isNaN(x) ? '—' : String(x));
const range = ([lo, hi]: [number, number]) => `[${num(lo)}, ${num(hi)}]`;

export function statsText(r: ProcessReport): string {
  const lines = [
    `受理日期：${r.filter.from ?? '最早'} 至 ${r.filter.to ?? '最新'}  申请 ${r.applications} 件  曾退回 ${pct(r.returningShare)}`,
    '环节\t已完成\t在办\t中位数(工作日)\tP90\t办理中位数\t等待占比\t退回占比',
  ];
  for (const s of r.stages) {
    lines.push(
      [
        `${STAGE_LABELS[s.stage]}${s.customerTime ? '(客户)' : ''}`,
        s.visits,
        s.open,
        num(s.medianDays),
        num(s.p90Days),
        num(s.medianWorkingDays),
        pct(s.waitingShare),
        pct(s.returnShare),
      ].join('\t'),
    );
  }
  lines.push('获得电力（新装、增容，受理至装表接电）：');
  lines.push('时限分类\t已接电\t环节数(承诺)\t总工作日中位数\tP90\t供电企业时间中位数\tP90\t承诺\t承诺内占比');
  for (const c of r.connection) {
    lines.push(
      [
        c.timeLimitClass,
        c.connected,
        `${num(c.medianSteps)}(${c.promisedSteps})`,
        num(c.medianTotalDays),
        num(c.p90TotalDays),
        num(c.medianUtilityDays),
        num(c.p90UtilityDays),
        c.promisedDays,
        pct(c.withinPromiseShare),
      ].join('\t'),
    );
  }
  return `${lines.join('\n')}\n`;
}

export function processText(r: ProcessReport): string {
  const lines = ['流程图（环节 → 环节：次数，前一环节停留中位数）：'];
  for (const e of [...r.map.edges].sort((a, b) => b.count - a.count)) {
    const arrow = e.kind === 'return' ? '⇠退回' : '→';
    lines.push(`${STAGE_LABELS[e.from]} ${arrow} ${STAGE_LABELS[e.to]}：${e.count} 次，${num(e.medianDays)} 工作日`);
  }
  lines.push('常见路径（已归档）：');
  for (const v of r.variants) {
    lines.push(`${BUSINESS_TYPE_INFO[v.businessType].label}（${v.finished} 件）`);
    for (const p of v.top) {
      lines.push(`  ${pct(p.share)}  ${p.count} 件  ${p.path.map((s) => STAGE_LABELS[s]).join(' → ')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function simulationText(r: SimulationResult): string {
  if (r.runs === 0) return '没有已归档的申请，无法模拟：请先办结一些申请或载入演示数据。\n';
  const lines = [
    `方案：${r.label}（${r.scenario}）  模拟 ${r.runs} 次，种子 ${r.seed}，样本 ${r.sampleApplications} 件已归档申请`,
    `实际：中位数 ${num(r.observed.median)}，P90 ${num(r.observed.p90)} 工作日`,
    `基线：中位数 ${num(r.baseline.median)} ${range(r.baseline.medianCi)}，P90 ${num(r.baseline.p90)} ${range(r.baseline.p90Ci)}`,
    `方案：中位数 ${num(r.changed.median)} ${range(r.changed.medianCi)}，P90 ${num(r.changed.p90)} ${range(r.changed.p90Ci)}`,
    `变化：中位数 ${num(r.change.median)} ${range(r.change.medianCi)}，P90 ${num(r.change.p90)} ${range(r.change.p90Ci)} 工作日（95% 置信区间）`,
    '假设：',
    ...r.assumptions.map((a) => `  - ${a}`),
  ];
  return `${lines.join('\n')}\n`;
}

export function forecastText(r: ForecastReport): string {
  const lines = [`历史：${r.months[0] ?? '—'} 至 ${r.months.at(-1) ?? '—'}（${r.months.length} 个月）`];
  lines.push(['业务组', ...r.forecastMonths, '方法', 'Holt-Winters MAPE', '季节朴素 MAPE'].join('\t'));
  const mape = (x: number | null) => (x === null ? '历史不足' : `${x}%`);
  for (const g of r.groups) {
    const method =
      g.method === 'holt-winters' ? 'Holt-Winters' : g.method === 'seasonal-naive' ? '季节朴素' : '历史不足一年';
    lines.push(
      [
        FORECAST_GROUP_LABELS[g.group],
        ...(g.forecast.length ? g.forecast.map(String) : r.forecastMonths.map(() => '—')),
        method,
        mape(g.mape['holt-winters']),
        mape(g.mape['seasonal-naive']),
      ].join('\t'),
    );
  }
  return `${lines.join('\n')}\n`;
}
