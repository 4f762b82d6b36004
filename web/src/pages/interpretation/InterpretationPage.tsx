import { EditOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, InputNumber, List, Row, Space, Statistic, Switch, Table, Tabs, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { DeadlineInfo } from '../../components/DeadlineInfo';
import { PageContainer } from '../../components/PageContainer';
import { useApiMutation, usePagination } from '../../hooks';
import { formatDate } from '../../labels';
import { useSession } from '../../session';
import type { ItemState } from '../../types';
import { StateTag } from '../documents/ItemTags';
import { interpretationApi, interpretationKeys } from './api';
import type { PolicyClockRow, SyncOverview } from './types';

/** 政策解读: the policies that must be interpreted with their clocks and the 三同步 rate, and the year view (INT-8). */
export default function InterpretationPage() {
  return (
    <PageContainer title="政策解读">
      <Tabs
        items={[
          { key: 'sync', label: '三同步', children: <SyncTab /> },
          { key: 'year', label: '年度解读情况', children: <YearTab /> },
        ]}
      />
    </PageContainer>
  );
}

function SyncTab() {
  const { hasRole } = useSession();
  const navigate = useNavigate();
  const [pending, setPending] = useState(false);
  const { paging, resetPage, tablePagination } = usePagination();
  const query = { ...paging, pending: pending || undefined };
  const { data, isFetching, error } = useQuery({
    queryKey: interpretationKeys.overview(query),
    queryFn: () => interpretationApi.overview(query),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<PolicyClockRow> = [
    {
      title: '政策文件',
      dataIndex: 'title',
      render: (title: string, row) => (
        <>
          <Link to={`/documents/${row.policyId}`}>{title}</Link>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {[row.docNumber, row.unitName].filter(Boolean).join(' · ')}
          </Typography.Paragraph>
        </>
      ),
    },
    { title: '发布日期', dataIndex: 'publishedAt', width: 110, render: (at: string | null) => (at ? formatDate(at) : '未发布') },
    {
      title: '解读',
      dataIndex: 'interpretations',
      render: (list: PolicyClockRow['interpretations']) =>
        list.length ? (
          <Space direction="vertical" size={2}>
            {list.map((i) => (
              <span key={i.id}>
                <Link to={`/documents/${i.id}`}>{i.title}</Link> <StateTag state={i.state as ItemState} />
              </span>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">尚无解读</Typography.Text>
        ),
    },
    { title: '解读发布期限', dataIndex: 'deadline', width: 190, render: (deadline: PolicyClockRow['deadline']) => (deadline ? <DeadlineInfo deadline={deadline} explain /> : '随文件发布') },
    ...(hasRole('drafter')
      ? [{
          title: '操作',
          key: 'write',
          width: 110,
          render: (_: unknown, row: PolicyClockRow) => (
            <Button size="small" icon={<EditOutlined />} onClick={() => navigate(`/interpretation/new?policy=${row.policyId}`)}>
              撰写解读
            </Button>
          ),
        }]
      : []),
  ];
  return (
    <>
      <RateCards data={data} />
      <Space style={{ margin: '16px 0' }}>
        <Switch
          checked={pending}
          onChange={(value) => {
            setPending(value);
            resetPage();
          }}
          aria-label="只看尚待解读的文件"
        />
        <span>只看尚待解读的文件</span>
      </Space>
      {error && <Alert type="error" showIcon message={error.message} />}
      <Table<PolicyClockRow> rowKey="policyId" size="middle" loading={isFetching} columns={columns} dataSource={data?.items} pagination={tablePagination(data?.total)} />
    </>
  );
}

function RateCards({ data }: { data: SyncOverview | undefined }) {
  const { hasRole } = useSession();
  const [days, setDays] = useState<number | null>(null);
  const save = useApiMutation(interpretationApi.setDays, { invalidate: [interpretationKeys.all], success: '已保存解读发布期限' });
  const rate = data?.rate;
  return (
    <Row gutter={16}>
      <Col xs={12} md={6}>
        <Card>
          <Statistic title="“三同步”率（按期解读 ÷ 应解读）" value={rate?.rate == null ? '—' : `${Math.round(rate.rate * 1000) / 10}%`} />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card><Statistic title="按期解读" value={rate?.onTime ?? 0} suffix={`/ ${rate?.due ?? 0}`} /></Card>
      </Col>
      <Col xs={12} md={6}>
        <Card><Statistic title="逾期解读或逾期未解读" value={rate?.late ?? 0} /></Card>
      </Col>
      <Col xs={12} md={6}>
        <Card>
          <Statistic title="解读发布期限（文件发布后）" value={data?.days ?? 10} suffix="个工作日" />
          {hasRole('office') && (
            <Space style={{ marginTop: 8 }}>
              <InputNumber min={1} max={10} value={days ?? data?.days} onChange={setDays} aria-label="解读发布期限（工作日）" />
              <Button size="small" disabled={!days} loading={save.isPending} onClick={() => days && save.mutate(days)}>
                设置更严期限
              </Button>
            </Space>
          )}
        </Card>
      </Col>
    </Row>
  );
}

function YearTab() {
  const [year, setYear] = useState(new Date().getFullYear());
  const { data, error } = useQuery({ queryKey: interpretationKeys.year(year), queryFn: () => interpretationApi.year(year) });
  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        <span>年度</span>
        <InputNumber min={2000} max={2100} value={year} onChange={(value) => value && setYear(value)} aria-label="年度" />
      </Space>
      {error && <Alert type="error" showIcon message={error.message} />}
      {data?.warning && <Alert type="warning" showIcon message={data.warning} style={{ marginBottom: 16 }} />}
      <Statistic title={`${year}年已解读的重要政策文件`} value={data?.importantInterpreted ?? 0} style={{ marginBottom: 16 }} />
      <List
        header={`${year}年发布的政策解读`}
        bordered
        dataSource={data?.interpreted ?? []}
        locale={{ emptyText: '本年度尚无发布的政策解读' }}
        renderItem={(row) => (
          <List.Item>
            <Space direction="vertical" size={0}>
              <Link to={`/documents/${row.interpretationId}`}>{row.interpretationTitle}</Link>
              <Typography.Text type="secondary">
                解读：<Link to={`/documents/${row.policyId}`}>{row.policyTitle}</Link>
                {row.policyLevel === 'important' ? '（重要政策文件）' : ''} · 发布于 {formatDate(row.publishedAt)}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </>
  );
}
