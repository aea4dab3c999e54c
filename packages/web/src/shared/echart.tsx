import { BarChart, GaugeChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { type ComposeOption, init, use } from 'echarts/core';
import type { BarSeriesOption, GaugeSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { type CSSProperties, useEffect, useRef } from 'react';

// Only the chart kinds the console draws are bundled; nothing is fetched at run time.
use([
  BarChart,
  GaugeChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | GaugeSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
>;

/**
 * One ECharts chart that follows its container's size and redraws when the option
 * changes; the instance is disposed with the component.
 */
export function EChart({
  option,
  height = 280,
  testId,
  onClick,
}: {
  option: ChartOption;
  height?: number;
  testId?: string;
  /** Called with the clicked item's data (a series point, with whatever the option put in it). */
  onClick?: (data: unknown) => void;
}) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof init> | null>(null);
  // The latest handler, so a re-render does not re-bind the chart's listener.
  const clicked = useRef(onClick);
  clicked.current = onClick;

  useEffect(() => {
    if (!element.current) return;
    const instance = init(element.current);
    chart.current = instance;
    instance.on('click', (params) => clicked.current?.(params.data));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  const style: CSSProperties = { width: '100%', height };
  return <div ref={element} style={{ ...style, cursor: onClick ? 'pointer' : undefined }} data-testid={testId} />;
}
