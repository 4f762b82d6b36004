import { Card, Col, Row, Typography } from 'antd';
import * as echarts from 'echarts';
import { useEffect, useRef } from 'react';
import type { ReportCharts } from './types';

function Chart({ option, label }: { option: echarts.EChartsOption; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chart.setOption(option);
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option]);
  return <div ref={ref} className="report-chart" role="img" aria-label={label} />;
}

/** A rate in per cent, or null (no point on the chart, 无 in the text) where nothing was due. */
const rate = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 10 : null);
const rateText = (n: number, d: number) => (d ? `${rate(n, d)}%` : '无（无相关事项）');

/** Items and applications per month, outcomes and on-time rates, each with its figures as text beside. */
export function ReportChartsView({ data }: { data: ReportCharts }) {
  const months = data.months.map((m) => `${Number(m.month.slice(5))}月`);
  const items = data.months.reduce((s, m) => s + m.itemsPublished, 0);
  const received = data.months.reduce((s, m) => s + m.received, 0);
  const outcomes = Object.entries(data.outcomes).filter(([, n]) => n > 0);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Card size="small" title="各月主动公开信息和收到申请">
          <Chart
            label={`${data.year}年全年主动公开信息${items}条，收到申请${received}件`}
            option={{
              tooltip: { trigger: 'axis' },
              legend: { data: ['主动公开信息', '收到申请'] },
              xAxis: { type: 'category', data: months },
              yAxis: { type: 'value', minInterval: 1 },
              series: [
                { name: '主动公开信息', type: 'bar', data: data.months.map((m) => m.itemsPublished) },
                { name: '收到申请', type: 'bar', data: data.months.map((m) => m.received) },
              ],
            }}
          />
          <Typography.Paragraph type="secondary">
            全年主动公开信息 {items} 条，收到政府信息公开申请 {received} 件。
          </Typography.Paragraph>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title="按时率（%）">
          <Chart
            label="各月信息按时发布率和申请按期答复率"
            option={{
              tooltip: { trigger: 'axis' },
              legend: { data: ['信息按时发布率', '申请按期答复率'] },
              xAxis: { type: 'category', data: months },
              yAxis: { type: 'value', max: 100 },
              series: [
                { name: '信息按时发布率', type: 'line', data: data.months.map((m) => rate(m.itemsOnTime, m.itemsPublished)) },
                { name: '申请按期答复率', type: 'line', data: data.months.map((m) => rate(m.answeredOnTime, m.answered)) },
              ],
            }}
          />
          <Typography.Paragraph type="secondary">
            全年信息按时发布率 {rateText(data.months.reduce((s, m) => s + m.itemsOnTime, 0), items)}，申请按期答复率{' '}
            {rateText(data.months.reduce((s, m) => s + m.answeredOnTime, 0), data.months.reduce((s, m) => s + m.answered, 0))}。
          </Typography.Paragraph>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title="申请办理结果">
          {outcomes.length ? (
            <Chart
              label={outcomes.map(([g, n]) => `${g}${n}件`).join('，')}
              option={{ tooltip: { trigger: 'item' }, series: [{ type: 'pie', radius: '65%', data: outcomes.map(([name, value]) => ({ name, value })) }] }}
            />
          ) : null}
          <Typography.Paragraph type="secondary">
            {outcomes.length ? outcomes.map(([g, n]) => `${g} ${n} 件`).join('；') : '本年度尚无办结的申请。'}
          </Typography.Paragraph>
        </Card>
      </Col>
    </Row>
  );
}
