/** ECharts options of 流程分析: the process map and the stage durations. */
import type { ProcessReport } from '../../../../shared/api/stats';
import { STAGE_LABELS, STAGES } from '../../../../shared/domain/codes';
import type { ChartOption } from './EChart';

const GREEN = '#0a6e5a';
const RED = '#c0392b';

/** Stages left to right in workflow order, on two rows so edges that skip stages stay readable. */
export function processMapOption(r: ProcessReport): ChartOption {
  const maxCount = Math.max(1, ...r.map.edges.map((e) => e.count));
  const maxVisits = Math.max(1, ...r.map.nodes.map((n) => n.visits));
  return {
    title: { text: '流程图（线宽 = 次数，标注 = 次数 / 停留中位数）', textStyle: { fontSize: 14 }, left: 0 },
    tooltip: {},
    series: [
      {
        type: 'graph',
        layout: 'none',
        roam: true,
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: 8,
        label: { show: true, position: 'bottom', fontSize: 12, color: '#262626' },
        edgeLabel: { fontSize: 10, formatter: '{c}', color: '#595959' },
        data: r.map.nodes.map((n) => {
          const i = STAGES.indexOf(n.stage);
          return {
            name: STAGE_LABELS[n.stage],
            x: i * 120,
            y: i % 2 === 0 ? 0 : 90,
            value: n.visits,
            symbolSize: 16 + 26 * Math.sqrt(n.visits / maxVisits),
            itemStyle: { color: GREEN },
            tooltip: { formatter: `${STAGE_LABELS[n.stage]}：${n.visits} 次，停留中位数 ${n.medianDays} 工作日` },
          };
        }),
        links: r.map.edges.map((e) => ({
          source: STAGE_LABELS[e.from],
          target: STAGE_LABELS[e.to],
          value: `${e.count} / ${e.medianDays}天`,
          // Labels on the main flows only; the tooltip has every edge's figures.
          label: { show: e.count >= maxCount / 8 },
          tooltip: {
            formatter: `${STAGE_LABELS[e.from]} ${e.kind === 'return' ? '退回' : '→'} ${STAGE_LABELS[e.to]}：${e.count} 次，停留中位数 ${e.medianDays} 工作日`,
          },
          lineStyle: {
            width: 1 + 7 * (e.count / maxCount),
            color: e.kind === 'return' ? RED : '#8c8c8c',
            type: e.kind === 'return' ? 'dashed' : 'solid',
            curveness: e.kind === 'return' ? 0.4 : 0.15,
          },
        })),
      },
    ],
  };
}

export function stageDurationOption(r: ProcessReport): ChartOption {
  return {
    title: { text: '各环节停留工作日', textStyle: { fontSize: 14 }, left: 0 },
    tooltip: { trigger: 'axis' },
    legend: { top: 36, right: 60 },
    grid: { top: 70, left: 48, right: 24, bottom: 60 },
    xAxis: { type: 'category', data: r.stages.map((s) => STAGE_LABELS[s.stage]), axisLabel: { rotate: 30 } },
    yAxis: { type: 'value', name: '工作日' },
    series: [
      { name: '中位数', type: 'bar', data: r.stages.map((s) => s.medianDays), itemStyle: { color: GREEN } },
      { name: 'P90', type: 'bar', data: r.stages.map((s) => s.p90Days), itemStyle: { color: '#d48806' } },
    ],
  };
}
