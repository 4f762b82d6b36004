import { DownloadOutlined, FileDoneOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Empty, Flex, Form, Input, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, keys, queries } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { PageContainer } from '../../components/PageContainer';
import { useApiMutation, usePagination, useVocabulary } from '../../hooks';
import { DATE_FORMAT, formatDateTime } from '../../labels';
import { useSession } from '../../session';
import type { CatalogFiling, FilingEntry, FilingPeriod } from '../../types';

/**
 * 目录备案 (CAT-2): each ended quarter's proactive catalog entries are filed by the office and
 * reported to the leading group. The quarters still to file are shown first.
 */
export default function FilingPage() {
  const { hasRole } = useSession();
  const canFile = hasRole('office');
  const { data, isFetching, error } = useQuery(queries.filings());
  const [filing, setFiling] = useState(false);
  const unfiled = data?.unfiled ?? [];

  const columns: TableColumnsType<CatalogFiling> = [
    { title: '备案期', dataIndex: 'label' },
    { title: '条目数', dataIndex: 'entryCount', align: 'end' },
    { title: '备案人', dataIndex: 'filedByName' },
    { title: '备案时间', dataIndex: 'filedAt', render: formatDateTime },
    {
      title: '报送领导小组',
      key: 'report',
      render: (_, f) => (f.reportedOn || f.reportNote ? [f.reportedOn, f.reportNote].filter(Boolean).join(' · ') : '—'),
    },
    {
      title: '备案目录',
      key: 'file',
      render: (_, f) => (
        // A plain download: GET needs no CSRF header and the session cookie goes along.
        <Button type="link" size="small" icon={<DownloadOutlined />} href={api.filings.fileUrl(f.id)}>
          下载 Excel
        </Button>
      ),
    },
  ];

  return (
    <PageContainer
      title="目录备案"
      error={error}
      extra={
        canFile && (
          <Button type="primary" icon={<FileDoneOutlined />} disabled={!unfiled.length} onClick={() => setFiling(true)}>
            生成备案
          </Button>
        )
      }
    >
      {data &&
        (unfiled.length ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            message={`${data.agencyName}有 ${unfiled.length} 个季度的公开目录未备案`}
            description={
              <Flex vertical gap={8}>
                <span>
                  {unfiled.map((p) => (
                    <Tag key={p.period} color="warning">
                      {p.label}
                    </Tag>
                  ))}
                </span>
                <span>主动公开信息的目录应按季度备案，并报送政务公开工作领导小组。不予公开和依申请公开的信息不列入备案。</span>
              </Flex>
            }
          />
        ) : (
          <Alert type="success" showIcon style={{ marginBottom: 16 }} message="已结束的季度均已备案" />
        ))}
      <Table<CatalogFiling>
        rowKey="id"
        scroll={{ x: 'max-content' }}
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        pagination={false}
        locale={{ emptyText: <Empty description="尚无备案记录" /> }}
      />
      {filing && <FilingModal unfiled={unfiled} onClose={() => setFiling(false)} />}
    </PageContainer>
  );
}

interface FilingForm {
  period: string;
  reportedOn?: Dayjs | null;
  reportNote?: string | null;
}

function FilingModal({ unfiled, onClose }: { unfiled: FilingPeriod[]; onClose: () => void }) {
  const vocabulary = useVocabulary();
  const [period, setPeriod] = useState(unfiled[0]!.period);
  const { paging, resetPage, tablePagination } = usePagination(5);
  const preview = useQuery(queries.filingPreview(period, paging));
  const total = preview.data?.total;
  const label = unfiled.find((p) => p.period === period)?.label ?? period;
  const create = useApiMutation(
    ({ reportedOn, reportNote, ...values }: FilingForm) =>
      api.filings.create({ ...values, reportedOn: reportedOn ? reportedOn.format(DATE_FORMAT) : null, reportNote: reportNote ?? null }),
    { invalidate: [keys.filings], success: '已生成备案' },
  );
  const columns: TableColumnsType<FilingEntry> = [
    { title: '索引号', dataIndex: 'indexNumber' },
    { title: '标题', dataIndex: 'title' },
    { title: '主题分类', dataIndex: 'category', render: (c: FilingEntry['category']) => vocabulary?.categories[c] ?? c },
    { title: '发布日期', dataIndex: 'publishedOn' },
  ];
  return (
    <FormModal<FilingForm>
      title="生成目录备案"
      name="catalog-filing"
      okText="生成备案"
      width={760}
      initialValues={{ period }}
      confirm={() => ({
        title: `确认备案${label}的公开目录？`,
        content: `将列入 ${total ?? 0} 条主动公开信息并保存备案 Excel。每个季度只备案一次，备案后不能修改。`,
      })}
      onSubmit={create.mutateAsync}
      onClose={onClose}
    >
      <Form.Item label="备案期" name="period" rules={[{ required: true, message: '请选择备案期' }]}>
        <Select
          aria-label="备案期"
          options={unfiled.map((p) => ({ value: p.period, label: `${p.label}（${p.from} 至 ${p.to}）` }))}
          onChange={(value: string) => {
            setPeriod(value);
            resetPage();
          }}
        />
      </Form.Item>
      <Typography.Paragraph>
        {total === undefined ? '正在统计该季度发布的主动公开信息……' : `该季度发布的主动公开信息共 ${total} 条，将全部列入备案：`}
      </Typography.Paragraph>
      <ErrorAlert error={preview.error} />
      <Table<FilingEntry>
        rowKey="itemId"
        size="small"
        style={{ marginBottom: 24 }}
        columns={columns}
        dataSource={preview.data?.items}
        loading={preview.isFetching}
        pagination={{ ...tablePagination(total), showSizeChanger: false }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="该季度没有发布主动公开信息，仍应备案（零条目）" /> }}
      />
      <Form.Item label="报送领导小组日期" name="reportedOn" extra="选填；已报送领导小组的，填写报送日期。">
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label="报送说明" name="reportNote" extra="选填，如报送方式、领导小组意见。">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}
