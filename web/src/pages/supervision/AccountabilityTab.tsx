import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Empty, Form, Table, Tag, Timeline, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePagination, useRoleLabel } from '../../hooks';
import { DATE_FORMAT, formatDateTime } from '../../labels';
import { supervisionApi, supervisionKeys } from './api';
import type { MissedClock } from './types';

/** 责任追究 (SUP-6): every clock missed in a period, and who held the case at which step and for how long. */
export function AccountabilityTab() {
  const roleLabel = useRoleLabel();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs()]);
  const period = { from: range[0].format(DATE_FORMAT), to: range[1].format(DATE_FORMAT) };
  const { paging, resetPage, tablePagination } = usePagination();
  const query = { ...period, ...paging };
  const { data, isFetching, error } = useQuery({ queryKey: [...supervisionKeys.all, 'accountability', query], queryFn: () => supervisionApi.accountability(query), placeholderData: keepPreviousData });
  const columns: TableColumnsType<MissedClock> = [
    { title: '事项', dataIndex: 'title', render: (title: string | null, c) => (c.path ? <Link to={c.path}>{title ?? '查看'}</Link> : (title ?? '—')) },
    { title: '类别', dataIndex: 'subjectLabel', width: 120 },
    { title: '机关', dataIndex: 'agency' },
    { title: '期限', dataIndex: 'due', width: 170 },
    { title: '办结', dataIndex: 'metAt', width: 170, render: (at: string | null) => (at ? formatDateTime(at) : <Tag color="error">仍未办结</Tag>) },
    { title: '超期（小时）', dataIndex: 'lateHours', width: 120 },
    { title: '超期时经办', key: 'holder', render: (_, c) => c.steps.filter((s) => s.pastDue).map((s) => s.actor).filter((n, i, all) => all.indexOf(n) === i).join('、') || '—' },
  ];
  return (
    <>
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label="期限到期日">
          <DatePicker.RangePicker
            allowClear={false}
            value={range}
            onChange={(r) => {
              if (r?.[0] && r[1]) setRange([r[0], r[1]]);
              resetPage();
            }}
          />
        </Form.Item>
        <Form.Item>
          <Button icon={<DownloadOutlined />} href={supervisionApi.accountabilityExportUrl(period)}>
            导出Excel
          </Button>
        </Form.Item>
      </Form>
      <ErrorAlert error={error} />
      <Table<MissedClock>
        rowKey="id"
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        pagination={tablePagination(data?.total)}
        locale={{ emptyText: <Empty description="期内没有超期的期限" /> }}
        expandable={{
          expandedRowRender: (c) => (
            <Timeline
              items={c.steps.map((s) => ({
                color: s.pastDue ? 'red' : 'blue',
                children: `${s.when} ${s.actor}${s.role ? `（${roleLabel(s.role)}）` : ''} ${s.action}，停留${s.hours}小时${s.pastDue ? '，超过期限' : ''}`,
              }))}
            />
          ),
          rowExpandable: (c) => c.steps.length > 0,
        }}
        scroll={{ x: 900 }}
      />
    </>
  );
}
