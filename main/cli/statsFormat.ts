/** Plain-text output of `yekuo stats`, `process`, `simulate` and `forecast` (--json prints the API shapes). */
import type { ForecastReport, ProcessReport, SimulationResult } from '../../shared/api/stats';
import { BUSINESS_TYPE_INFO, STAGE_LABELS } from '../../shared/domain/codes';
import {
  connectionTable,
  forecastTable,
  numberText as num,
  percent,
  stageTable,
  transitionTable,
  type Table,
} from '../../shared/stats/tables';

export const tableText = (t: Table): string[] => [
  `${t.title}：`,
  t.headers.join('\t'),
  ...t.rows.map((r) => r.join('\t')),
];
const range = ([lo, hi]: [number, number]) => `[${num(lo)}, ${num(hi)}]`;

export function statsText(r: ProcessReport): string {
  const lines = [
    `受理日期：${r.filter.from ?? '最早'} 至 ${r.filter.to ?? '最新'}  申请 ${r.applications} 件  曾退回 ${percent(r.returningShare)}`,
    ...tableText(stageTable(r)),
    '获得电力：新装、增容，受理至装表接电；供电企业时间不含客户环节与挂起。',
    ...tableText(connectionTable(r)),
  ];
  return `${lines.join('\n')}\n`;
}

export function processText(r: ProcessReport): string {
  const lines = tableText(transitionTable(r));
  lines.push('常见路径（已归档）：');
  for (const v of r.variants) {
    lines.push(`${BUSINESS_TYPE_INFO[v.businessType].label}（${v.finished} 件）`);
    for (const p of v.top) {
      lines.push(`  ${percent(p.share)}  ${p.count} 件  ${p.path.map((s) => STAGE_LABELS[s]).join(' → ')}`);
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
  return `${[...lines, ...tableText(forecastTable(r))].join('\n')}\n`;
}
