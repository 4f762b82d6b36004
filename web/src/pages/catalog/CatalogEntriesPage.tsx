import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Select, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api, queries } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FilterForm } from '../../components/FilterForm';
import { PageContainer } from '../../components/PageContainer';
import { useDebounced, usePagination, useVocabulary } from '../../hooks';
import { formatDate, optionsOf } from '../../labels';
import type { CatalogEntriesQuery, CatalogEntryView, Stretch } from '../../types';

type Filters = Omit<CatalogEntriesQuery, 'page' | 'pageSize'>;

/** A title or snippet with the query's words marked, as the portal shows them. */
function Marked({ stretches }: { stretches: Stretch[] }) {
  return (
    <>
      {stretches.map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
    </>
  );
}

/**
 * 目录条目 (CAT-1, CAT-4): the agency's public catalog as visitors see it, for staff who
 * answer "where is that notice?" on the phone: the same search as the portal, the same
 * filters, with a link to each public page.
 */
export default function CatalogEntriesPage() {
  const vocabulary = useVocabulary();
  const [filters, setFilters] = useState<Filters>({});
  const q = useDebounced(filters.q?.trim());
  const { paging, resetPage, tablePagination } = usePagination();
  const { data, isFetching, error } = useQuery({ ...queries.catalogEntries({ ...filters, q, ...paging }), placeholderData: keepPreviousData });

  const columns: TableColumnsType<CatalogEntryView> = [
    { title: '索引号', dataIndex: 'indexNumber', width: 150 },
    {
      title: '标题',
      dataIndex: 'title',
      width: 520,
      render: (_: string, e) => (
        <>
          <Typography.Link href={e.url} target="_blank" rel="noopener">
            <Marked stretches={e.titleMarks} />
          </Typography.Link>
          {e.snippetMarks.length > 0 && (
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              <Marked stretches={e.snippetMarks} />
            </Typography.Paragraph>
          )}
        </>
      ),
    },
    { title: '主题分类', dataIndex: 'category', width: 100, render: (c: CatalogEntryView['category']) => vocabulary?.categories[c] ?? c },
    { title: '发文字号', dataIndex: 'docNumber', width: 170, render: (n: string) => n || '—' },
    { title: '成文日期', dataIndex: 'dateMade', width: 110 },
    { title: '发布日期', dataIndex: 'publishedAt', width: 110, render: formatDate },
    { title: '有效性', dataIndex: 'validity', width: 80, render: (v: CatalogEntryView['validity']) => vocabulary?.validities[v] ?? v },
  ];

  return (
    <PageContainer
      title="目录条目"
      extra={
        <Button icon={<DownloadOutlined />} href={api.catalog.entriesExportUrl({ ...filters, q })}>
          导出 Excel
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        本机关已主动公开的信息，与门户网站“法定主动公开内容”一致；输入词语可检索标题、正文和附件，帮助来电来访群众查找信息。
      </Typography.Paragraph>
      <FilterForm<Filters> name="catalog-filter" onChange={setFilters} resetPage={resetPage}>
        <Form.Item label="检索词" name="q">
          <Input allowClear placeholder="标题、正文或文号中的词语" style={{ width: 260 }} />
        </Form.Item>
        <Form.Item label="主题分类" name="category">
          <Select allowClear placeholder="全部" style={{ width: 140 }} options={optionsOf(vocabulary?.categories)} />
        </Form.Item>
        <Form.Item label="文种" name="kind">
          <Select allowClear placeholder="全部" style={{ width: 130 }} options={[...optionsOf(vocabulary?.docKinds), { value: 'other' as const, label: '其他信息' }]} />
        </Form.Item>
        <Form.Item label="有效性" name="validity">
          <Select allowClear placeholder="全部" style={{ width: 100 }} options={optionsOf(vocabulary?.validities)} />
        </Form.Item>
        <Form.Item label="排序" name="sort">
          <Select placeholder="按相关度" style={{ width: 120 }} options={[{ value: 'relevance', label: '按相关度' }, { value: 'date', label: '按发布时间' }]} />
        </Form.Item>
      </FilterForm>
      <ErrorAlert error={error} />
      {data?.capped && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={`符合条件的信息超过 ${data.total} 条，请增加词语或条件缩小范围。`} />}
      <Table<CatalogEntryView>
        rowKey="id"
        scroll={{ x: 'max-content' }}
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        pagination={tablePagination(data?.total)}
      />
    </PageContainer>
  );
}
