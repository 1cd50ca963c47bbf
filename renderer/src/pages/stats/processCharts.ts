/** ECharts options of 流程分析: the process map and the stage durations. */
import type { ProcessReport } from '../../../../shared/api/stats';
import { STAGE_LABELS, STAGES } from '../../../../shared/domain/codes';
import type { ChartOption } from './EChart';

const GREEN = '#0a6e5a';
const RED = '#c0392b';

/** Edges labelled on the map: the busiest forward flows; every edge has its figures in its tooltip. */
const LABELLED_EDGES = 8;

/**
 * Stages left to right in workflow order, on two rows far enough apart that edges that skip stages stay readable.
 * Only the busiest forward flows carry their figures (on a white ground, so crossing lines do not strike them
 * through; at 1366×768 more labels overlapped each other); returns and minor flows show theirs in the tooltip of
 * the edge, and hovering a stage fades all but its own flows.
 */
export function processMapOption(r: ProcessReport): ChartOption {
  const maxCount = Math.max(1, ...r.map.edges.map((e) => e.count));
  const maxVisits = Math.max(1, ...r.map.nodes.map((n) => n.visits));
  const labelled = new Set(
    r.map.edges
      .filter((e) => e.kind !== 'return')
      .sort((a, b) => b.count - a.count)
      .slice(0, LABELLED_EDGES),
  );
  return {
    title: {
      text: '流程图（线宽 = 次数；主要流转标注 次数 / 停留中位数，其余悬停连线查看）',
      textStyle: { fontSize: 14 },
      left: 0,
    },
    tooltip: {},
    series: [
      {
        type: 'graph',
        layout: 'none',
        roam: true,
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: 8,
        label: { show: true, position: 'bottom', fontSize: 12, color: '#262626' },
        edgeLabel: {
          fontSize: 11,
          formatter: '{c}',
          color: '#434343',
          backgroundColor: 'rgba(255, 255, 255, 0.9)',
          padding: [1, 3],
        },
        emphasis: { focus: 'adjacency' },
        data: r.map.nodes.map((n) => {
          const i = STAGES.indexOf(n.stage);
          return {
            name: STAGE_LABELS[n.stage],
            x: i * 120,
            y: i % 2 === 0 ? 0 : 150,
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
          label: { show: labelled.has(e) },
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
