import { DownloadOutlined, FileAddOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Drawer, Flex, InputNumber, List, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { DeadlineInfo } from '../../components/DeadlineInfo';
import { PageContainer } from '../../components/PageContainer';
import { useApiMutation } from '../../hooks';
import { formatDateTime } from '../../labels';
import { useSession } from '../../session';
import { reportsApi } from './api';
import { ReportChartsView } from './Charts';
import { GridTable } from './GridTable';
import type { AnnualListEntry, AnnualState } from './types';

const STATE_COLORS: Record<AnnualState, string> = { draft: 'default', office_review: 'processing', leader_approval: 'warning', published: 'success' };

/**
 * 年度报告: last year's report of each agency the user reaches (the city office sees every
 * agency's status and adds up the city's tables), its clock, and the year's charts.
 */
export default function AnnualReportsPage() {
  const { hasRole } = useSession();
  const navigate = useNavigate();
  const [year, setYear] = useState(new Date().getFullYear() - 1);
  const list = useQuery({ queryKey: ['reports', 'annual', year], queryFn: () => reportsApi.list(year) });
  const charts = useQuery({ queryKey: ['reports', 'charts', year], queryFn: () => reportsApi.charts(year) });
  const cityWide = (list.data?.agencies.length ?? 0) > 1 && hasRole('office');
  const city = useQuery({ queryKey: ['reports', 'city', year], queryFn: () => reportsApi.city(year), enabled: cityWide });
  const create = useApiMutation(() => reportsApi.create(year), { invalidate: [['reports']], success: '已生成报告草稿' });
  const settings = useQuery({ queryKey: ['reports', 'settings'], queryFn: reportsApi.settings });
  const [dueDay, setDueDay] = useState<number | null>(null);
  const [figure, setFigure] = useState<{ key: string; label: string } | null>(null);
  const saveDueDay = useApiMutation((day: number) => reportsApi.setDueDay(day), { invalidate: [['reports']], success: '报送期限已保存' });

  const columns: TableColumnsType<AnnualListEntry> = [
    { title: '机关', dataIndex: 'agencyName' },
    {
      title: '状态',
      key: 'state',
      render: (_, a) => (a.report ? <Tag color={STATE_COLORS[a.report.state]}>{a.report.stateLabel}{a.report.version > 1 ? `（第${a.report.version}版）` : ''}</Tag> : <Tag>未编制</Tag>),
    },
    { title: '报送期限', key: 'deadline', render: (_, a) => <DeadlineInfo deadline={a.deadline} explain /> },
    { title: '发布时间', key: 'published', render: (_, a) => formatDateTime(a.report?.publishedAt) },
    {
      title: '操作',
      key: 'open',
      render: (_, a) =>
        a.report ? (
          <Button type="link" size="small" onClick={() => navigate(`/reports/annual/${a.report!.id}`)}>
            查看
          </Button>
        ) : a.own && hasRole('office') ? (
          <Button
            type="link"
            size="small"
            icon={<FileAddOutlined />}
            loading={create.isPending}
            onClick={() => create.mutateAsync(undefined).then((r) => navigate(`/reports/annual/${r.id}`))}
          >
            编制{year}年度报告
          </Button>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <PageContainer
      title="政府信息公开工作年度报告"
      error={list.error ?? create.error ?? saveDueDay.error}
      extra={
        <Space>
          <span>报告年度</span>
          <InputNumber aria-label="报告年度" min={2021} max={2100} value={year} onChange={(v) => v && setYear(v)} />
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        每年1月31日前（或本机关设定的更早日期）公布上一年度报告。数据由系统根据信息发布、依申请公开和复议诉讼记录统计，表格按国家规定的格式排列。
      </Typography.Paragraph>
      {settings.data && hasRole('office') && (
        <Space wrap style={{ marginBottom: 16 }}>
          <span>本机关年度报告报送期限：1月</span>
          <InputNumber
            aria-label="报送期限（1月的日期）"
            min={1}
            max={settings.data.maxDueDay}
            value={dueDay ?? settings.data.annualDueDay}
            onChange={(v) => setDueDay(v)}
          />
          <span>日</span>
          <Button disabled={dueDay === null || dueDay === settings.data.annualDueDay} loading={saveDueDay.isPending} onClick={() => dueDay && saveDueDay.mutateAsync(dueDay).then(() => setDueDay(null))}>
            保存
          </Button>
        </Space>
      )}
      <Table rowKey="agencyId" columns={columns} dataSource={list.data?.agencies} loading={list.isFetching} pagination={false} style={{ marginBottom: 24 }} />
      {charts.data && <ReportChartsView data={charts.data} />}
      {cityWide && city.data && (
        <Card
          title={`全市${year}年度汇总表`}
          style={{ marginTop: 24 }}
          extra={
            <Button icon={<DownloadOutlined />} href={reportsApi.cityUrl(year)}>
              导出 Excel
            </Button>
          }
        >
          <Flex gap="small" wrap style={{ marginBottom: 12 }}>
            {city.data.sources.map((s) => (
              <Tag key={s.agencyId} color={s.published ? 'success' : 'default'}>
                {s.agencyName}：{s.published ? '已发布数据' : '当前统计数据'}
              </Tag>
            ))}
          </Flex>
          {(['proactive', 'applications', 'appeals', 'fees'] as const).map((k) => (
            <GridTable key={k} grid={city.data.tables[k]} onFigure={(key, label) => setFigure({ key, label })} />
          ))}
        </Card>
      )}
      <Drawer open={!!figure} title={figure?.label} onClose={() => setFigure(null)} width={480}>
        <Typography.Paragraph type="secondary">各机关的数字（已发布报告的数据可打开报告查看构成记录）：</Typography.Paragraph>
        <List
          size="small"
          dataSource={figure ? (city.data?.sources ?? []).filter((s) => (s.cells[figure.key] ?? 0) !== 0) : []}
          locale={{ emptyText: '各机关均为0' }}
          renderItem={(s) => (
            <List.Item extra={s.cells[figure!.key]}>
              {s.reportId ? <Link to={`/reports/annual/${s.reportId}`}>{s.agencyName}</Link> : `${s.agencyName}（当前统计数据）`}
            </List.Item>
          )}
        />
      </Drawer>
    </PageContainer>
  );
}
