import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { Dashboard } from './types';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Twelve months of clocks that fell due: on time and late as stacked bars, the on-time rate as a line. */
export function TrendChart({ trend }: { trend: Dashboard['trend'] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: ['按期', '超期', '按期率'] },
      grid: { left: 40, right: 48, top: 48, bottom: 24 },
      xAxis: { type: 'category', data: trend.map((t) => t.month) },
      yAxis: [{ type: 'value', name: '件', minInterval: 1 }, { type: 'value', name: '%', min: 0, max: 100 }],
      series: [
        { name: '按期', type: 'bar', stack: 'due', data: trend.map((t) => t.onTime), itemStyle: { color: '#52c41a' } },
        { name: '超期', type: 'bar', stack: 'due', data: trend.map((t) => t.late), itemStyle: { color: '#ff4d4f' } },
        { name: '按期率', type: 'line', yAxisIndex: 1, data: trend.map((t) => t.rate), connectNulls: true, itemStyle: { color: '#1677ff' } },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [trend]);
  return <div ref={ref} role="img" aria-label="近12个月期限按期和超期趋势图" style={{ width: '100%', height: 280 }} />;
}
