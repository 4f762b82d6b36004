import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Empty, Form, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, queries } from '../../api';
import { DeadlineInfo } from '../../components/DeadlineInfo';
import { ChoiceFilter, FilterForm, KeywordFilter } from '../../components/FilterForm';
import { PageContainer } from '../../components/PageContainer';
import { useAppVocabulary, useDebounced, usePagination } from '../../hooks';
import { formatDate, optionsOf } from '../../labels';
import { useSession } from '../../session';
import type { AppVocabulary, ApplicationListEntry, ApplicationState } from '../../types';
import { AppStateTag, FlagTags } from './ApplicationTags';
import { ApplicationSettingsModal } from './ApplicationSettingsModal';

interface Filters {
  q?: string;
  state?: ApplicationState;
  openOnly: boolean;
}

/** 申请队列: every application of the agency, newest first, with its reply deadline's traffic light (APP-4). */
export default function ApplicationListPage() {
  const { hasRole, me } = useSession();
  const navigate = useNavigate();
  const vocabulary = useAppVocabulary();
  const [filters, setFilters] = useState<Filters>({ openOnly: true });
  const [settingsOpen, setSettingsOpen] = useState(false);
  const q = useDebounced(filters.q?.trim());
  const { paging, resetPage, tablePagination } = usePagination();
  // A chosen state says more than "open only": it wins, so 已答复 still lists the replied cases.
  const query = { q: q || undefined, state: filters.state, open: filters.openOnly && !filters.state ? true : undefined };
  const { data, isFetching, error } = useQuery({ ...queries.applications({ ...paging, ...query }), placeholderData: keepPreviousData });

  return (
    <PageContainer
      title="申请队列"
      error={error}
      extra={
        <Space wrap>
          <Button icon={<DownloadOutlined />} href={api.applications.exportUrl(query)}>
            导出 Excel
          </Button>
          {hasRole('office') && <Button onClick={() => setSettingsOpen(true)}>依申请公开设置</Button>}
          {hasRole('office') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/applications/new')}>
              登记申请
            </Button>
          )}
        </Space>
      }
    >
      <FilterForm<Filters> name="application-filter" initialValues={{ openOnly: true }} onChange={setFilters} resetPage={resetPage}>
        <KeywordFilter placeholder="登记编号或申请内容" />
        <ChoiceFilter label="状态" name="state" placeholder="全部状态" width={160} options={optionsOf(vocabulary?.states)} />
        <Form.Item name="openOnly" valuePropName="checked">
          <Checkbox disabled={Boolean(filters.state)}>只看未办结</Checkbox>
        </Form.Item>
      </FilterForm>
      <Table<ApplicationListEntry>
        rowKey="id"
        scroll={{ x: 1000 }}
        columns={columnsFor(vocabulary)}
        dataSource={data?.items}
        loading={isFetching}
        pagination={tablePagination(data?.total)}
        locale={{ emptyText: <Empty description="没有符合条件的申请" /> }}
      />
      {settingsOpen && <ApplicationSettingsModal agencyId={me.user.agencyId} onClose={() => setSettingsOpen(false)} />}
    </PageContainer>
  );
}

function columnsFor(vocabulary: AppVocabulary | undefined): TableColumnsType<ApplicationListEntry> {
  return [
    {
      title: '登记编号',
      dataIndex: 'regNumber',
      render: (regNumber: string, entry) => (
        <Link to={`/applications/${entry.id}`} style={{ whiteSpace: 'nowrap' }}>
          {regNumber}
        </Link>
      ),
    },
    {
      title: '收到日期',
      dataIndex: 'receivedAt',
      render: (receivedAt: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{receivedAt ? formatDate(receivedAt) : '待确认'}</span>,
    },
    { title: '收到方式', dataIndex: 'channel', width: 96, render: (channel: ApplicationListEntry['channel']) => vocabulary?.channels[channel] ?? channel },
    {
      title: '申请人',
      dataIndex: 'applicant',
      render: (applicant: ApplicationListEntry['applicant']) => (
        <>
          <div>{applicant.name}</div>
          <Typography.Text type="secondary">{vocabulary?.applicantKinds[applicant.kind] ?? applicant.kind}</Typography.Text>
        </>
      ),
    },
    {
      title: '申请内容',
      dataIndex: 'description',
      width: 220,
      render: (description: string) => (
        <Typography.Text ellipsis={{ tooltip: description }} style={{ width: 200 }}>
          {description}
        </Typography.Text>
      ),
    },
    { title: '状态', dataIndex: 'state', render: (state: ApplicationState) => <AppStateTag state={state} /> },
    { title: '承办部门', dataIndex: 'unitName', render: (unitName: string | null) => unitName ?? '未分办' },
    {
      title: '提示',
      dataIndex: 'flags',
      render: (flags: ApplicationListEntry['flags']) => (flags.length ? <FlagTags flags={flags} /> : '—'),
    },
    {
      title: '答复期限',
      dataIndex: 'due',
      width: 150,
      render: (due: ApplicationListEntry['due']) => <DeadlineInfo deadline={due} />,
    },
  ];
}
