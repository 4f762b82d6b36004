import { useQuery } from '@tanstack/react-query';
import { Empty, Table, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { queries } from '../api';
import { LightTag } from '../components/LightTag';
import { PageContainer } from '../components/PageContainer';
import { formatDate, formatDateTime, TODO_KIND_LABELS } from '../labels';
import { toConsolePath } from '../paths';
import type { Todo } from '../types';

/** A due day ("2026-12-18") or a due moment. */
const formatDue = (due: string | null) => (due && due.length === 10 ? formatDate(due) : formatDateTime(due));

const columns: TableColumnsType<Todo> = [
  {
    title: '事项',
    dataIndex: 'title',
    render: (title: string, todo) => (todo.link ? <Link to={toConsolePath(todo.link)}>{title}</Link> : title),
  },
  { title: '类型', dataIndex: 'kind', width: 160, render: (kind: string) => TODO_KIND_LABELS[kind] ?? kind },
  { title: '办理期限', dataIndex: 'due', width: 180, render: formatDue },
  {
    title: '状态',
    dataIndex: 'light',
    width: 100,
    render: (light: Todo['light']) => <LightTag light={light} />,
  },
];

/** 工作台: the signed-in user's to-do list with deadline traffic lights. */
export default function TodoPage() {
  const { data, isLoading, error } = useQuery(queries.todos());
  return (
    <PageContainer title="工作台" error={error}>
      <Table<Todo>
        rowKey="id"
        columns={columns}
        dataSource={data?.items}
        loading={isLoading}
        pagination={false}
        locale={{ emptyText: <Empty description="暂无待办事项" /> }}
      />
    </PageContainer>
  );
}
