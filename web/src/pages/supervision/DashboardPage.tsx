import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, List, Row, Select, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import { useState, type CSSProperties, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { PageContainer } from '../../components/PageContainer';
import { TodoTable } from '../../components/TodoTable';
import { formatDate } from '../../labels';
import { useSession } from '../../session';
import type { Role } from '../../types';
import { supervisionApi, supervisionKeys } from './api';
import { TrendChart } from './TrendChart';
import type { Dashboard } from './types';

/** The roles that see clocks (the server's DASHBOARD_ROLES); administrators see their to-dos only. */
export const CLOCK_ROLES: Role[] = ['drafter', 'dept_head', 'office', 'secrecy_reviewer', 'leader', 'opinion_lead'];

/** The roles of the 监督考评 page, where the numbers open their lists (navigation.tsx). */
const LIST_ROLES: Role[] = ['office', 'leader', 'dept_head'];

/** A number that opens the list behind it, for the roles that may read the list; plain for the others. */
function Opens({ to, style, children }: { to: string; style?: CSSProperties; children: ReactNode }) {
  const { hasRole } = useSession();
  if (!hasRole(...LIST_ROLES)) return <span style={style}>{children}</span>;
  return (
    <Link to={to} style={style}>
      {children}
    </Link>
  );
}

export const clocksLink = (params: Record<string, string | undefined>) => {
  const search = new URLSearchParams({ tab: 'clocks' });
  for (const [k, v] of Object.entries(params)) if (v) search.set(k, v);
  return `/supervision?${search.toString()}`;
};

const rateText = (rate: number | null) => (rate === null ? '—' : `${rate}%`);

/** 工作台 (SUP-1): the clocks of the agencies the user reaches as traffic lights, overdue, on-time rates and their trend, then the to-do list. */
export default function DashboardPage() {
  const { hasRole } = useSession();
  return (
    <PageContainer title="工作台">
      {hasRole(...CLOCK_ROLES) && <Overview />}
      <Card title="我的待办" size="small">
        <TodoTable />
      </Card>
    </PageContainer>
  );
}

function Overview() {
  const vocabulary = useQuery({ queryKey: [...supervisionKeys.all, 'vocabulary'], queryFn: supervisionApi.vocabulary, staleTime: 60_000 }).data;
  const [agencyId, setAgencyId] = useState<string>();
  const { data, error } = useQuery({ queryKey: [...supervisionKeys.all, 'dashboard', agencyId], queryFn: () => supervisionApi.dashboard(agencyId) });
  if (error) return <Typography.Paragraph type="danger">{error.message}</Typography.Paragraph>;
  if (!data) return <Card loading style={{ marginBottom: 16 }} />;
  const monthStart = `${data.trend.at(-1)!.month}-01`;
  const yearStart = `${monthStart.slice(0, 4)}-01-01`;
  const today = formatDate(data.now);
  return (
    <>
      {vocabulary && vocabulary.agencies.length > 1 && (
        <Select
          allowClear
          placeholder="全部机关"
          aria-label="机关"
          style={{ width: 280, marginBottom: 12 }}
          value={agencyId}
          onChange={setAgencyId}
          options={vocabulary.agencies.map((a) => ({ value: a.id, label: a.name }))}
        />
      )}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Opens to={clocksLink({ agencyId })}>
            <Card size="small" hoverable>
              <Statistic title="在办期限" value={data.open} suffix="件" />
            </Card>
          </Opens>
        </Col>
        <Col xs={12} md={6}>
          <Opens to={clocksLink({ agencyId, light: 'red' })}>
            <Card size="small" hoverable>
              <Statistic title="已超期" value={data.overdue} suffix="件" valueStyle={{ color: data.overdue ? '#cf1322' : undefined }} />
            </Card>
          </Opens>
        </Col>
        <Col xs={12} md={6}>
          <Opens to={clocksLink({ agencyId, missed: '1', from: monthStart, to: today })}>
            <Card size="small" hoverable>
              <Statistic title={`本月按期率（到期${data.month.due}件）`} value={rateText(data.month.rate)} />
            </Card>
          </Opens>
        </Col>
        <Col xs={12} md={6}>
          <Opens to={clocksLink({ agencyId, missed: '1', from: yearStart, to: today })}>
            <Card size="small" hoverable>
              <Statistic title={`本年按期率（到期${data.year.due}件）`} value={rateText(data.year.rate)} />
            </Card>
          </Opens>
        </Col>
      </Row>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={12}>
          <Card title="各类期限红黄绿灯" size="small">
            <LightsTable data={data} agencyId={agencyId} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="近12个月按期情况" size="small">
            <TrendChart trend={data.trend} />
          </Card>
        </Col>
        {data.agencyCount > 1 && (
          <Col xs={24} lg={12}>
            <Card title="各机关在办和超期" size="small">
              <Table
                rowKey="agencyId"
                size="small"
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                dataSource={data.agencies}
                locale={{ emptyText: <Empty description="没有在办期限" /> }}
                columns={[
                  { title: '机关', dataIndex: 'agency' },
                  { title: '在办', dataIndex: 'open', render: (n: number, a) => <Opens to={clocksLink({ agencyId: a.agencyId })}>{n}</Opens> },
                  { title: '超期', dataIndex: 'overdue', render: (n: number, a) => <Opens to={clocksLink({ agencyId: a.agencyId, light: 'red' })}>{n}</Opens> },
                ]}
              />
            </Card>
          </Col>
        )}
        <Col xs={24} lg={12}>
          <Card title={`上周（${data.selfChecks.week}起）未完成自查的部门`} size="small" extra={<Opens to="/supervision?tab=self-checks">每周自查</Opens>}>
            <List
              size="small"
              dataSource={data.selfChecks.missing}
              pagination={data.selfChecks.missing.length > 8 ? { pageSize: 8, size: 'small' } : false}
              locale={{ emptyText: '各部门均已完成自查' }}
              renderItem={(m) => <List.Item>{data.agencyCount > 1 ? `${m.agency} · ${m.unit}` : m.unit}</List.Item>}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}

function LightsTable({ data, agencyId }: { data: Dashboard; agencyId: string | undefined }) {
  const cell = (light: 'red' | 'yellow' | 'green', color: string) => (n: number, row: Dashboard['lights'][number]) =>
    n ? <Opens style={{ color }} to={clocksLink({ agencyId, subjectType: row.subjectType, light })}>{n}</Opens> : <span>0</span>;
  const columns: TableColumnsType<Dashboard['lights'][number]> = [
    { title: '类别', dataIndex: 'label' },
    { title: '逾期', dataIndex: 'red', render: cell('red', '#cf1322') },
    { title: '临期', dataIndex: 'yellow', render: cell('yellow', '#ad6800') },
    { title: '正常', dataIndex: 'green', render: cell('green', '#237804') },
  ];
  return <Table rowKey="subjectType" size="small" pagination={false} columns={columns} dataSource={data.lights} locale={{ emptyText: <Empty description="没有在办期限" /> }} />;
}
