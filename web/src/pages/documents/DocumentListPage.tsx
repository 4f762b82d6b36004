import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Empty, Table, Tabs, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { queries } from '../../api';
import { DeadlineInfo } from '../../components/DeadlineInfo';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LightTag } from '../../components/LightTag';
import { ChoiceFilter, FilterForm, KeywordFilter } from '../../components/FilterForm';
import { PageContainer } from '../../components/PageContainer';
import { useDebounced, usePagination, useVocabulary } from '../../hooks';
import { formatDate, optionsOf } from '../../labels';
import { toConsolePath } from '../../paths';
import { useSession } from '../../session';
import type { Attribute, ItemListEntry, ItemState, Todo } from '../../types';
import { AttributeTag, StateTag } from './ItemTags';

type Tab = 'todo' | 'all';

/** 信息列表: what waits for me (GET /todos) and every item of the agency (GET /items). */
export default function DocumentListPage() {
  const { hasRole } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'all' ? 'all' : 'todo';

  return (
    <PageContainer
      title="信息列表"
      extra={
        hasRole('drafter') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/documents/new')}>
            新建信息
          </Button>
        )
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'all' ? { tab: 'all' } : {}, { replace: true })}
        items={[
          { key: 'todo', label: '待我处理', children: <TodoTable /> },
          { key: 'all', label: '全部', children: <AllItemsTable /> },
        ]}
      />
    </PageContainer>
  );
}

/** The items among my to-dos: GET /todos carries the title (with the step awaited), attribute and deadline. */
function TodoTable() {
  const { data, isLoading, error } = useQuery(queries.todos());
  const columns: TableColumnsType<Todo> = [
    {
      title: '事项',
      dataIndex: 'title',
      render: (title: string, todo) => (todo.link ? <Link to={toConsolePath(todo.link)}>{title}</Link> : title),
    },
    {
      title: '公开属性',
      dataIndex: 'attribute',
      width: 120,
      render: (attribute: string | null | undefined) => (attribute ? <Tag>{attribute}</Tag> : <Tag>未定</Tag>),
    },
    { title: '公开期限', dataIndex: 'due', width: 130, render: formatDate },
    { title: '期限状态', dataIndex: 'light', width: 100, render: (light: Todo['light']) => <LightTag light={light} /> },
  ];
  return (
    <>
      <ErrorAlert error={error} />
      <Table<Todo>
        rowKey="id"
        columns={columns}
        dataSource={data?.items.filter((todo) => todo.kind === 'item')}
        loading={isLoading}
        pagination={false}
        locale={{ emptyText: <Empty description="暂无待处理的信息" /> }}
      />
    </>
  );
}

interface Filters {
  q?: string;
  state?: ItemState;
  attribute?: Attribute;
}

function AllItemsTable() {
  const vocabulary = useVocabulary();
  const [filters, setFilters] = useState<Filters>({});
  const q = useDebounced(filters.q?.trim());
  const { paging, resetPage, tablePagination } = usePagination();
  const { data, isFetching, error } = useQuery({
    ...queries.items({ ...paging, q, state: filters.state, attribute: filters.attribute }),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <ErrorAlert error={error} />
      <FilterForm<Filters> name="item-filter" onChange={setFilters} resetPage={resetPage}>
        <KeywordFilter placeholder="标题或文号" />
        <ChoiceFilter label="状态" name="state" placeholder="全部状态" width={180} options={optionsOf(vocabulary?.states)} />
        <ChoiceFilter label="公开属性" name="attribute" placeholder="全部属性" width={160} options={optionsOf(vocabulary?.attributes)} />
      </FilterForm>
      <Table<ItemListEntry>
        rowKey="id"
        scroll={{ x: 'max-content' }}
        columns={itemColumns}
        dataSource={data?.items}
        loading={isFetching}
        pagination={tablePagination(data?.total)}
        locale={{ emptyText: <Empty description="没有符合条件的信息" /> }}
      />
    </>
  );
}

const itemColumns: TableColumnsType<ItemListEntry> = [
  {
    title: '标题',
    dataIndex: 'title',
    render: (title: string, item) => <Link to={`/documents/${item.id}`}>{title}</Link>,
  },
  { title: '文号', dataIndex: 'docNumber', render: (docNumber: string) => docNumber || '—' },
  { title: '承办科室', dataIndex: 'unitName' },
  { title: '公开属性', dataIndex: 'attribute', render: (attribute: Attribute | null) => <AttributeTag attribute={attribute} /> },
  { title: '状态', dataIndex: 'state', render: (state: ItemState) => <StateTag state={state} /> },
  {
    title: '公开期限',
    dataIndex: 'deadline',
    render: (deadline: ItemListEntry['deadline']) => <DeadlineInfo deadline={deadline} />,
  },
  { title: '成文日期', dataIndex: 'dateMade', render: formatDate },
];
