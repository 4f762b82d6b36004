import { useQuery } from '@tanstack/react-query';
import { Empty, Flex, Grid, Table, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { queries } from '../api';
import { ErrorAlert } from './ErrorAlert';
import { LightTag } from './LightTag';
import { formatDate, formatDateTime, TODO_KIND_LABELS } from '../labels';
import { toConsolePath } from '../paths';
import type { Todo } from '../types';

/** A due day ("2026-12-18") or a due moment. */
const formatDue = (due: string | null) => (due && due.length === 10 ? formatDate(due) : formatDateTime(due));

const titleColumn: TableColumnsType<Todo>[number] = {
  title: '事项',
  dataIndex: 'title',
  render: (title: string, todo) => (todo.link ? <Link to={toConsolePath(todo.link)}>{title}</Link> : title),
};

const columns: TableColumnsType<Todo> = [
  titleColumn,
  { title: '类型', dataIndex: 'kind', width: 160, render: (kind: string) => TODO_KIND_LABELS[kind] ?? kind },
  { title: '办理期限', dataIndex: 'due', width: 180, render: formatDue },
  {
    title: '状态',
    dataIndex: 'light',
    width: 100,
    render: (light: Todo['light']) => <LightTag light={light} />,
  },
];

/** On a phone the title keeps the width: the deadline and its light share one narrow column. */
const phoneColumns: TableColumnsType<Todo> = [
  titleColumn,
  {
    title: '办理期限',
    dataIndex: 'due',
    width: 112,
    render: (due: string | null, todo) => (
      <Flex vertical gap={4} align="flex-start">
        {formatDue(due)}
        <LightTag light={todo.light} />
      </Flex>
    ),
  },
];

/** The signed-in user's to-do list with deadline traffic lights, as the 工作台 shows it. */
export function TodoTable() {
  const { data, isLoading, error } = useQuery(queries.todos());
  const phone = Grid.useBreakpoint().md === false;
  return (
    <>
      <ErrorAlert error={error} />
      <Table<Todo>
        rowKey="id"
        columns={phone ? phoneColumns : columns}
        dataSource={data?.items}
        loading={isLoading}
        pagination={false}
        locale={{ emptyText: <Empty description="暂无待办事项" /> }}
      />
    </>
  );
}
