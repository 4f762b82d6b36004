import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Col, DatePicker, Form, Input, Row, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, queries } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageContainer } from '../components/PageContainer';
import { AgencySelect } from '../components/pickers';
import { usePagination, useRoleLabel } from '../hooks';
import { beijingDayRange, formatDateTime } from '../labels';
import type { AuditCheckpoint, AuditEvent, AuditFilter, AuditKind, AuditVerification } from '../types';

interface FilterForm {
  agencyId?: string;
  actor?: string;
  action?: string;
  range?: [Dayjs, Dayjs] | null;
}

function toFilters({ agencyId, actor, action, range }: FilterForm): AuditFilter {
  return { agencyId, actor: actor?.trim() || undefined, action, ...beijingDayRange(range) };
}

/** The served kinds as Select options, grouped by object (登录与认证, 信息, 依申请公开 …). */
function kindOptions(kinds: AuditKind[] | undefined) {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const kind of kinds ?? []) groups.set(kind.group, [...(groups.get(kind.group) ?? []), { value: kind.value, label: kind.label }]);
  return [...groups].map(([label, options]) => ({ label, title: label, options }));
}

/** 审计日志: the append-only, hash-chained audit trail in Chinese, newest first, filterable, exportable and verifiable. */
export default function AuditPage() {
  const roleLabel = useRoleLabel();
  const [filters, setFilters] = useState<AuditFilter>({});
  const { paging, resetPage, tablePagination } = usePagination();
  const { data, isFetching, error } = useQuery({
    ...queries.audit({ ...paging, ...filters }),
    placeholderData: keepPreviousData,
  });
  const verify = useMutation({ mutationFn: api.audit.verify });
  const checkpoint = useMutation({ mutationFn: api.audit.checkpoint });
  const agencies = useQuery(queries.agencies());
  const kinds = useQuery(queries.auditKinds());
  const agencyNames = new Map(agencies.data?.items.map((agency) => [agency.id, agency.name]));

  const columns: TableColumnsType<AuditEvent> = [
    { title: '时间', dataIndex: 'at', width: 150, render: formatDateTime },
    {
      title: '操作人',
      key: 'actor',
      width: 190,
      render: (_, event) => (
        <>
          {event.actorName ?? '系统'}
          {event.actorRole && <Typography.Text type="secondary">（{roleLabel(event.actorRole)}）</Typography.Text>}
        </>
      ),
    },
    { title: '机构', dataIndex: 'agencyId', width: 180, ellipsis: true, render: (id: string | null) => (id ? (agencyNames.get(id) ?? '—') : '—') },
    { title: '操作', dataIndex: 'actionLabel', width: 140 },
    {
      title: '对象',
      key: 'entity',
      ellipsis: true,
      render: (_, event) => (event.entityName ? `${event.entityLabel}“${event.entityName}”` : event.entityLabel),
    },
    {
      title: 'IP 地址',
      dataIndex: 'ip',
      width: 170,
      render: (ip: string | null) => <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{ip ?? '—'}</span>,
    },
  ];

  return (
    <PageContainer
      title="审计日志"
      error={error}
      extra={
        <Space wrap>
          {/* A plain download: GET needs no CSRF header and the session cookie goes along. */}
          <Button icon={<DownloadOutlined />} href={api.audit.exportUrl(filters)}>
            导出 Excel
          </Button>
          <Button onClick={() => verify.mutate()} loading={verify.isPending}>
            校验完整性
          </Button>
          <Button onClick={() => checkpoint.mutate()} loading={checkpoint.isPending}>
            签名检查点
          </Button>
        </Space>
      }
    >
      {/* 校验完整性 walks the hash chain on the server. */}
      <ErrorAlert error={verify.error} />
      {verify.data && <VerificationAlert result={verify.data} chainName={(chain) => agencyNames.get(chain) ?? '系统'} />}
      <ErrorAlert error={checkpoint.error} />
      {checkpoint.data && <CheckpointBlock checkpoint={checkpoint.data.current} />}
      <Form<FilterForm>
        name="audit-filter"
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        onFinish={(values) => {
          setFilters(toFilters(values));
          resetPage();
        }}
      >
        <Form.Item label="机构" name="agencyId">
          <AgencySelect allowClear style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label="操作人" name="actor">
          <Input allowClear placeholder="姓名" style={{ width: 120 }} />
        </Form.Item>
        <Form.Item label="操作类型" name="action">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="全部"
            style={{ width: 200 }}
            loading={kinds.isLoading}
            options={kindOptions(kinds.data?.items)}
          />
        </Form.Item>
        <Form.Item label="时间范围" name="range">
          <DatePicker.RangePicker />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          查询
        </Button>
      </Form>
      <Table<AuditEvent>
        rowKey="id"
        tableLayout="fixed"
        scroll={{ x: 1000 }}
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        pagination={tablePagination(data?.total)}
        expandable={{ columnTitle: '详情', expandedRowRender: (event) => <Change before={event.before} after={event.after} /> }}
      />
    </PageContainer>
  );
}

function Change({ before, after }: { before: unknown; after: unknown }) {
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <JsonBlock label="变更前" value={before} />
      </Col>
      <Col xs={24} md={12}>
        <JsonBlock label="变更后" value={after} />
      </Col>
    </Row>
  );
}

function JsonBlock({ label, value }: { label: string; value: unknown }) {
  return (
    <>
      <Typography.Text strong>{label}</Typography.Text>
      <pre style={{ margin: 0, maxHeight: 320, overflow: 'auto', background: '#fafafa', padding: 8 }}>
        {value == null ? '—' : JSON.stringify(value, null, 2)}
      </pre>
    </>
  );
}

function VerificationAlert({ result, chainName }: { result: AuditVerification; chainName: (chain: string) => string }) {
  const broken = result.firstBroken;
  const title =
    result.ok || !broken
      ? `完整性校验通过：共校验 ${result.checked} 条记录，哈希链完整。`
      : `完整性校验失败：共校验 ${result.checked} 条，首个断点在“${chainName(broken.chain)}”的日志第 ${broken.seq} 条（记录 ${broken.id}）${broken.reason === 'checkpoint' ? '，与审计员留存的检查点不符' : ''}，日志可能已被篡改。`;
  const checkpoint = result.checkpoint
    ? `对照 ${formatDateTime(result.checkpoint.at)} 的签名检查点${result.checkpoint.signed ? '' : '（签名无效）'}；其后 ${result.unconfirmed.length} 条记录尚待下一个检查点确认。`
    : '尚无签名检查点，仅校验了密钥哈希链。';
  return <Alert type={result.ok ? 'success' : 'error'} showIcon title={title} description={checkpoint} style={{ marginBottom: 16 }} />;
}

/** The signed heads of every chain now: the auditor copies this out of the system (等保 安全审计). */
function CheckpointBlock({ checkpoint }: { checkpoint: AuditCheckpoint }) {
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title={`${formatDateTime(checkpoint.at)} 的签名检查点：请抄录或保存，日后校验时可证明此前的记录未被改动。`}
      description={<Typography.Paragraph copyable={{ text: JSON.stringify(checkpoint) }} style={{ margin: 0 }}><code>签名 {checkpoint.mac}</code></Typography.Paragraph>}
    />
  );
}
