import { useQuery } from '@tanstack/react-query';
import { Button, Empty, Table, Tabs, Typography, type TableColumnsType } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { queries } from '../../api';
import { DeadlineInfo } from '../../components/DeadlineInfo';
import { PageContainer } from '../../components/PageContainer';
import { usePagination } from '../../hooks';
import { formatDate } from '../../labels';
import { useSession } from '../../session';
import { coordinationQueries } from './api';
import { channelLabel, RequestDrawer, StateTag } from './RequestDrawer';
import type { CoordinationBox, CoordinationRequest } from './types';

const BOXES: Record<CoordinationBox, string> = { outgoing: '本机关发出的请求', incoming: '其他机关发来的请求', city: '提请市级协调' };

/**
 * 发布协调 (COORD-1): the office's outgoing requests and their answers, the requests other
 * agencies sent it (to answer), and for the city's disclosure office the disagreements and
 * silences it decides.
 */
export default function CoordinationPage() {
  const { me, hasRole } = useSession();
  const agencies = useQuery(queries.agencies());
  const [params, setParams] = useSearchParams();
  const city = agencies.data?.items.find((a) => a.level === 'city');
  const isCityOffice = hasRole('office') && me.grants.some((g) => g.role === 'office' && g.agencyId === city?.id);
  const boxes = (Object.keys(BOXES) as CoordinationBox[]).filter((b) => b !== 'city' || isCityOffice);
  const tab = (params.get('box') as CoordinationBox | null) ?? 'outgoing';
  const openId = params.get('request');
  const set = (key: string, value: string | null) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value === null) next.delete(key);
      else next.set(key, value);
      return next;
    });

  return (
    <PageContainer title="发布协调">
      <Typography.Paragraph type="secondary">
        拟公开的政府信息涉及其他机关的，发布前以书面形式与其协调确认；对方应于 10 个工作日内书面答复，情况紧急的当日答复。有不同意见或逾期未答复的，报请市政务公开主管部门协调决定。
      </Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(key) => set('box', key)}
        items={boxes.map((box) => ({ key: box, label: BOXES[box], children: <Box box={box} onOpen={(id) => set('request', id)} /> }))}
      />
      {openId && <RequestDrawer id={openId} onClose={() => set('request', null)} />}
    </PageContainer>
  );
}

function Box({ box, onOpen }: { box: CoordinationBox; onOpen: (id: string) => void }) {
  const { paging, tablePagination } = usePagination();
  const { data, isLoading, error } = useQuery(coordinationQueries.box(box, paging.page, paging.pageSize));
  const columns: TableColumnsType<CoordinationRequest> = [
    {
      title: '信息',
      dataIndex: 'subjectTitle',
      render: (title: string, r) => (box === 'outgoing' ? <Link to={`/documents/${r.subjectId}`}>{title}</Link> : title),
    },
    box === 'outgoing'
      ? { title: '被征询机关', dataIndex: 'answeringAgencyName' }
      : box === 'incoming'
        ? { title: '发起机关', dataIndex: 'requestingAgencyName' }
        : { title: '发起机关 → 被征询机关', render: (_: unknown, r) => `${r.requestingAgencyName} → ${r.answeringAgencyName}` },
    { title: '发文字号', dataIndex: 'letterNumber', width: 130 },
    { title: '方式', render: (_: unknown, r) => channelLabel(r), width: 130 },
    { title: '发出日期', dataIndex: 'sentAt', render: (v: string) => formatDate(v), width: 110 },
    { title: '状态', render: (_: unknown, r) => <StateTag request={r} />, width: 190 },
    { title: '答复期限', render: (_: unknown, r) => <DeadlineInfo deadline={r.deadline} />, width: 190 },
    {
      title: '操作',
      width: 100,
      render: (_: unknown, r) => (
        <Button type={r.actions.some((a) => a !== 'withdraw') ? 'primary' : 'link'} size="small" onClick={() => onOpen(r.id)}>
          {r.actions.some((a) => a !== 'withdraw') ? '办理' : '查看'}
        </Button>
      ),
    },
  ];
  return (
    <>
      {error && <Typography.Text type="danger">{error.message}</Typography.Text>}
      <Table<CoordinationRequest>
        rowKey="id"
        size="middle"
        loading={isLoading}
        columns={columns}
        dataSource={data?.items}
        pagination={tablePagination(data?.total)}
        scroll={{ x: 1000 }}
        locale={{ emptyText: <Empty description={box === 'incoming' ? '没有其他机关发来的协调请求' : box === 'city' ? '没有待协调的事项' : '本机关尚未发出协调请求'} /> }}
      />
    </>
  );
}
