import { BarChart, GraphChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, ToolboxComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the 统计与风险 charts use; this module is reached only from the lazily loaded page.
echarts.use([
  BarChart,
  GraphChart,
  LineChart,
  GridComponent,
  LegendComponent,
  TitleComponent,
  ToolboxComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;

/**
 * One Apache ECharts chart; its toolbox saves it as PNG (保存为图片) under `fileName`. The description is the
 * chart's accessible name: the numbers themselves are in the table beside every chart.
 */
export function EChart({
  option,
  height = 360,
  fileName,
  description,
  testId,
}: {
  option: ChartOption;
  height?: number;
  fileName: string;
  description: string;
  testId: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current) return undefined;
    const chart = echarts.init(host.current);
    chart.setOption({
      ...option,
      toolbox: {
        right: 16,
        feature: { saveAsImage: { name: fileName, title: '保存为图片', pixelRatio: 2, backgroundColor: '#fff' } },
      },
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option, fileName]);
  return <div ref={host} role="img" aria-label={description} data-testid={testId} style={{ width: '100%', height }} />;
}
