import { CloudDownloadOutlined, FileExcelOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { App, Button, Empty, Space, Table, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ChoiceFilter, DateRangeFilter, FilterForm, KeywordFilter } from '../../components/FilterForm';
import { LightTag } from '../../components/LightTag';
import { PageContainer } from '../../components/PageContainer';
import { useApiMutation, useDebounced, usePagination } from '../../hooks';
import { DATE_FORMAT, formatDateTime, optionsOf } from '../../labels';
import { useSession } from '../../session';
import { opinionApi, opinionKeys, opinionQueries } from './api';
import { IntakeSettingsModal } from './IntakeSettingsModal';
import { OpinionStateTag, RiskTag } from './OpinionTags';
import type { OpinionFilter, OpinionListEntry, OpinionVocabulary } from './types';

type Filters = Omit<OpinionFilter, 'from' | 'to'> & { happened?: [Dayjs, Dayjs] | null };

/** 舆情台账 (OP-3): every case of the agency, latest first, with the traffic light of its hour clocks. */
export default function OpinionListPage() {
  const { hasRole } = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const vocabulary = useQuery(opinionQueries.vocabulary()).data;
  const [filters, setFilters] = useState<Filters>({});
  const q = useDebounced(filters.q?.trim());
  const { paging, resetPage, tablePagination } = usePagination();
  const filter: OpinionFilter = { q, state: filters.state, riskLevel: filters.riskLevel, source: filters.source, from: filters.happened?.[0].format(DATE_FORMAT), to: filters.happened?.[1].format(DATE_FORMAT) };
  const { data, isFetching, error } = useQuery({ ...opinionQueries.cases({ ...paging, ...filter }), placeholderData: keepPreviousData });
  const poll = useApiMutation(opinionApi.poll, { invalidate: [opinionKeys.all] });
  const lead = hasRole('opinion_lead');
  const [settingsOpen, setSettingsOpen] = useState(false);

  const runPoll = async () => {
    const r = await poll.mutateAsync(undefined);
    const text = `已抓取 ${r.feeds} 个订阅源：新登记 ${r.created} 件，合并 ${r.merged} 条，已见过 ${r.seen} 条`;
    if (r.errors.length) void message.warning(`${text}；${r.errors.map((e) => `${e.feed}：${e.error}`).join('；')}`);
    else void message.success(text);
  };

  return (
    <PageContainer
      title="舆情台账"
      extra={
        <Space wrap>
          <Button icon={<FileExcelOutlined />} href={opinionApi.exportUrl(filter)}>
            导出 Excel
          </Button>
          {lead && (
            <Button icon={<SettingOutlined />} onClick={() => setSettingsOpen(true)}>
              订阅源与推送
            </Button>
          )}
          {lead && (
            <Button icon={<CloudDownloadOutlined />} loading={poll.isPending} onClick={() => void runPoll().catch((e: Error) => message.error(e.message))}>
              立即抓取订阅源
            </Button>
          )}
          {lead && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/opinion/new')}>
              登记舆情
            </Button>
          )}
        </Space>
      }
    >
      <ErrorAlert error={error} />
      {settingsOpen && <IntakeSettingsModal vocabulary={vocabulary} onClose={() => setSettingsOpen(false)} />}
      <FilterForm<Filters> name="opinion-filter" onChange={setFilters} resetPage={resetPage}>
        <KeywordFilter placeholder="编号、标题或摘要" />
        <ChoiceFilter label="风险等级" name="riskLevel" width={120} options={optionsOf(vocabulary?.riskLevels)} />
        <ChoiceFilter label="办理环节" name="state" width={120} options={optionsOf(vocabulary?.states)} />
        <ChoiceFilter label="来源" name="source" width={140} options={optionsOf(vocabulary?.sources)} />
        <DateRangeFilter label="发生日期" name="happened" />
      </FilterForm>
      <Table<OpinionListEntry>
        rowKey="id"
        scroll={{ x: 'max-content' }}
        columns={columns(vocabulary)}
        dataSource={data?.items}
        loading={isFetching}
        pagination={tablePagination(data?.total)}
        locale={{ emptyText: <Empty description="没有符合条件的舆情" /> }}
      />
    </PageContainer>
  );
}

/** The clock that matters now: the first one still running (or the last one, when all are met). */
const nextClock = (c: OpinionListEntry) => c.clocks.find((k) => !k.met) ?? null;

const columns = (v: OpinionVocabulary | undefined): TableColumnsType<OpinionListEntry> => [
  { title: '编号', dataIndex: 'caseNo', width: 130 },
  { title: '标题', dataIndex: 'title', render: (title: string, c) => <Link to={`/opinion/${c.id}`}>{title}</Link> },
  { title: '来源', dataIndex: 'source', render: (s: OpinionListEntry['source']) => v?.sources[s] ?? s },
  { title: '风险等级', dataIndex: 'riskLevel', render: (level: OpinionListEntry['riskLevel']) => <RiskTag level={level} label={v?.riskLevels[level]} /> },
  { title: '办理环节', dataIndex: 'state', render: (state: OpinionListEntry['state']) => <OpinionStateTag state={state} label={v?.states[state]} /> },
  { title: '发生时间', dataIndex: 'happenedAt', render: formatDateTime },
  { title: '责任单位', dataIndex: 'responsibleUnitName', render: (name: string | null) => name ?? '—' },
  {
    title: '下一时限',
    key: 'clock',
    render: (_, c) => {
      const k = nextClock(c);
      return k ? `${k.name} ${formatDateTime(k.dueAt)}` : c.clocks.length ? '均已完成' : '—';
    },
  },
  { title: '时限状态', dataIndex: 'light', render: (light: OpinionListEntry['light']) => <LightTag light={light} /> },
];
