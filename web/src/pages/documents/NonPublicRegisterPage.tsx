import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Checkbox, DatePicker, Empty, Form, Input, Radio, Table, Tag, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, keys, queries } from '../../api';
import { FormModal } from '../../components/FormModal';
import { FilterForm } from '../../components/FilterForm';
import { PageContainer } from '../../components/PageContainer';
import { useApiMutation, usePagination, useVocabulary } from '../../hooks';
import { formatDate, formatDateTime, optionsOf } from '../../labels';
import { useSession } from '../../session';
import type { Attribute, NonPublicEntry, RecheckResult } from '../../types';
import { AttributeTag } from './ItemTags';

interface FilterForm {
  year?: Dayjs | null;
  unchecked?: boolean;
}

/**
 * 不公开信息登记 (ATTR-3): items kept 依申请公开 or 不予公开 with their reasons, and the
 * yearly re-check (ATTR-10, SEC-12): keep with a reason, or convert to proactive.
 */
export default function NonPublicRegisterPage() {
  const { hasRole } = useSession();
  const results = useVocabulary()?.recheckResults;
  const [filters, setFilters] = useState<FilterForm>({ year: dayjs(), unchecked: false });
  const year = (filters.year ?? dayjs()).year();
  const { paging, resetPage, tablePagination } = usePagination();
  const { data, isFetching, error } = useQuery({
    ...queries.nonPublicRegister({ ...paging, year, unchecked: filters.unchecked || undefined }),
    placeholderData: keepPreviousData,
  });
  const [rechecking, setRechecking] = useState<NonPublicEntry | null>(null);

  const columns: TableColumnsType<NonPublicEntry> = [
    {
      title: '标题',
      dataIndex: 'title',
      render: (title: string, entry) => <Link to={`/documents/${entry.id}`}>{title}</Link>,
    },
    { title: '文号', dataIndex: 'docNumber', render: (docNumber: string) => docNumber || '—' },
    { title: '承办科室', dataIndex: 'unitName' },
    { title: '公开属性', dataIndex: 'attribute', render: (attribute: Attribute) => <AttributeTag attribute={attribute} /> },
    { title: '理由', dataIndex: 'reason', width: 240, render: (reason: string) => reason || '—' },
    { title: '成文日期', dataIndex: 'dateMade', render: formatDate },
    {
      title: '最近复核',
      dataIndex: 'lastCheck',
      width: 260,
      render: (check: NonPublicEntry['lastCheck']) =>
        check ? (
          <span>
            {check.year} 年 · {results?.[check.result] ?? check.result} · {formatDateTime(check.at)}
            <br />
            {check.reason}
          </span>
        ) : (
          '—'
        ),
    },
    {
      title: `${year} 年度`,
      dataIndex: 'checkedThisYear',
      render: (checked: boolean) => (checked ? <Tag color="success">已复核</Tag> : <Tag color="warning">未复核</Tag>),
    },
  ];
  if (hasRole('office')) {
    columns.push({
      title: '操作',
      key: 'actions',
      render: (_, entry) => (
        <Button type="link" size="small" onClick={() => setRechecking(entry)}>
          复核
        </Button>
      ),
    });
  }

  return (
    <PageContainer title="不公开信息登记" error={error}>
      <FilterForm<FilterForm> name="register-filter" initialValues={filters} onChange={setFilters} resetPage={resetPage}>
        <Form.Item label="年度" name="year">
          <DatePicker picker="year" allowClear={false} />
        </Form.Item>
        <Form.Item name="unchecked" valuePropName="checked">
          <Checkbox>本年度未复核</Checkbox>
        </Form.Item>
      </FilterForm>
      <Table<NonPublicEntry>
        rowKey="id"
        scroll={{ x: 'max-content' }}
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        pagination={tablePagination(data?.total)}
        locale={{ emptyText: <Empty description="没有登记的不公开信息" /> }}
      />
      {rechecking && <RecheckModal entry={rechecking} onClose={() => setRechecking(null)} />}
    </PageContainer>
  );
}

interface RecheckForm {
  result: RecheckResult;
  reason: string;
}

function RecheckModal({ entry, onClose }: { entry: NonPublicEntry; onClose: () => void }) {
  const results = useVocabulary()?.recheckResults;
  const recheck = useApiMutation(({ result, reason }: RecheckForm) => api.documents.recheck(entry.id, result, reason), {
    invalidate: [keys.documents, keys.todos],
    success: '已登记复核结果',
  });
  return (
    <FormModal<RecheckForm>
      title={`复核：${entry.title}`}
      name="recheck"
      okText="登记复核"
      initialValues={{ result: 'keep' }}
      confirm={({ result }) =>
        result === 'convert'
          ? {
              title: `确认将“${entry.title}”转为主动公开？`,
              content: '转为主动公开后，信息重新进入公开属性核查、审查和发布流程。',
            }
          : null
      }
      onSubmit={recheck.mutateAsync}
      onClose={onClose}
    >
      <Form.Item label="复核结论" name="result" rules={[{ required: true, message: '请选择复核结论' }]}>
        <Radio.Group aria-label="复核结论" options={optionsOf(results)} />
      </Form.Item>
      <Form.Item
        label="理由"
        name="reason"
        rules={[{ required: true, whitespace: true, message: '请写明复核理由' }]}
        extra="继续不公开的，写明理由仍然成立的依据；转为主动公开的，写明原因（如不公开的理由已消失）。"
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
