import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Empty, Table, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, queries } from '../../api';
import { DateRangeFilter, FilterForm, KeywordFilter } from '../../components/FilterForm';
import { PageContainer } from '../../components/PageContainer';
import { useDebounced, usePagination, useVocabulary } from '../../hooks';
import { formatDate, formatDateTime } from '../../labels';
import type { LedgerEntry, LedgerFilter, Validity } from '../../types';

interface FilterForm {
  q?: string;
  range?: [Dayjs, Dayjs] | null;
}

const dash = (value: string) => value || '—';

/** 发布台账 (PUB-7): every published item with its drafter, reviewers and approver; exported as Excel. */
export default function LedgerPage() {
  const vocabulary = useVocabulary();
  const [form, setForm] = useState<FilterForm>({});
  const q = useDebounced(form.q?.trim());
  const filter: LedgerFilter = {
    q: q || undefined,
    from: form.range?.[0].startOf('day').toISOString(),
    to: form.range?.[1].endOf('day').toISOString(),
  };
  const { paging, resetPage, tablePagination } = usePagination();
  const { data, isFetching, error } = useQuery({
    ...queries.ledger({ ...paging, ...filter }),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<LedgerEntry> = [
    { title: '索引号', dataIndex: 'indexNumber', fixed: 'start' },
    {
      title: '标题',
      dataIndex: 'title',
      render: (title: string, entry) => <Link to={`/documents/${entry.id}`}>{title}</Link>,
    },
    { title: '承办科室', dataIndex: 'unitName' },
    { title: '拟稿人', dataIndex: 'drafterName', render: dash },
    { title: '科室初审', dataIndex: 'deptReviewer', render: dash },
    { title: '保密审查', dataIndex: 'secrecyReviewer', render: dash },
    { title: '审批人', dataIndex: 'approverName', render: dash },
    { title: '成文日期', dataIndex: 'dateMade', render: formatDate },
    { title: '发布时间', dataIndex: 'publishedAt', render: formatDateTime },
    { title: '版本', dataIndex: 'version', render: (version: number) => `第 ${version} 版` },
    { title: '有效性', dataIndex: 'validity', render: (validity: Validity) => vocabulary?.validities[validity] ?? validity },
    { title: '纸质份数', dataIndex: 'paperCopies', align: 'end' },
  ];

  return (
    <PageContainer
      title="发布台账"
      error={error}
      extra={
        // A plain download: GET needs no CSRF header and the session cookie goes along.
        <Button icon={<DownloadOutlined />} href={api.documents.ledgerExportUrl(filter)}>
          导出 Excel
        </Button>
      }
    >
      <FilterForm<FilterForm> name="ledger-filter" onChange={setForm} resetPage={resetPage}>
        <KeywordFilter placeholder="标题或索引号" />
        <DateRangeFilter label="发布日期" name="range" />
      </FilterForm>
      <Table<LedgerEntry>
        rowKey="id"
        scroll={{ x: 'max-content' }}
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        pagination={tablePagination(data?.total)}
        locale={{ emptyText: <Empty description="暂无已发布的信息" /> }}
      />
    </PageContainer>
  );
}
