import { useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Input, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api, keys, queries } from '../../api';
import { FormModal } from '../../components/FormModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AgencySelect } from '../../components/pickers';
import { useApiMutation } from '../../hooks';
import type { Agency, AgencyInput } from '../../types';

interface AgencyTableProps {
  selectedId: string;
  onSelect: (agencyId: string) => void;
}

type Editing = { agency?: Agency } | null;

/** CAT-3: the guide's free text is edited with the agency (the shared types predate it). */
type AgencyForm = AgencyInput & { guideText?: string };

export function AgencyTable({ selectedId, onSelect }: AgencyTableProps) {
  const { data, isLoading, error } = useQuery(queries.agencies());
  const [editing, setEditing] = useState<Editing>(null);
  const names = new Map(data?.items.map((agency) => [agency.id, agency.name]));

  const columns: TableColumnsType<Agency> = [
    { title: '机构代码', dataIndex: 'code', width: 140 },
    {
      title: '机构名称',
      dataIndex: 'name',
      render: (name: string, agency) => (
        <Space>
          {name}
          {agency.id === selectedId && <Tag color="processing">当前查看</Tag>}
        </Space>
      ),
    },
    { title: '级别', dataIndex: 'level', width: 90, render: (level: Agency['level']) => (level === 'city' ? '市级' : '部门') },
    { title: '上级机构', dataIndex: 'parentId', render: (parentId: string | null) => (parentId ? names.get(parentId) : '—') },
    { title: '电话', dataIndex: 'phone', width: 140 },
    {
      title: '操作',
      key: 'actions',
      width: 180,
      render: (_, agency) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing({ agency })}>
            编辑
          </Button>
          <Button type="link" size="small" onClick={() => onSelect(agency.id)} disabled={agency.id === selectedId}>
            查看部门
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Card
      title="机构"
      extra={
        <Button type="primary" onClick={() => setEditing({})}>
          新增机构
        </Button>
      }
    >
      <ErrorAlert error={error} />
      <Table<Agency> rowKey="id" size="middle" columns={columns} dataSource={data?.items} loading={isLoading} pagination={false} />
      {editing && <AgencyModal agency={editing.agency} onClose={() => setEditing(null)} />}
    </Card>
  );
}

/** The code and the place in the tree are fixed once an agency exists: an edit sends the rest. */
const editable = ({ code, parentId, ...changes }: AgencyForm) => changes;

function AgencyModal({ agency, onClose }: { agency?: Agency; onClose: () => void }) {
  const save = useApiMutation(
    (input: AgencyForm) => (agency ? api.agencies.update(agency.id, editable(input)) : api.agencies.create(input)),
    { invalidate: [keys.agencies], success: agency ? '机构已更新' : '机构已新增' },
  );
  return (
    <FormModal<AgencyForm>
      title={agency ? '编辑机构' : '新增机构'}
      name="agency"
      initialValues={agency && { ...agency, parentId: agency.parentId ?? undefined, indexFormat: agency.indexFormat ?? undefined }}
      onSubmit={(values) => save.mutateAsync(values)}
      onClose={onClose}
    >
      <Form.Item label="机构代码" name="code" rules={[{ required: true, message: '请输入机构代码' }]}>
        <Input disabled={Boolean(agency)} />
      </Form.Item>
      <Form.Item label="机构名称" name="name" rules={[{ required: true, message: '请输入机构名称' }]}>
        <Input />
      </Form.Item>
      <Form.Item label="上级机构" name="parentId" extra="市级机构不填。">
        <AgencySelect allowClear exclude={agency?.id} disabled={Boolean(agency)} />
      </Form.Item>
      <Form.Item label="地址" name="address">
        <Input />
      </Form.Item>
      <Form.Item label="电话" name="phone">
        <Input />
      </Form.Item>
      <Form.Item label="邮箱" name="email" rules={[{ type: 'email', message: '邮箱格式不正确' }]}>
        <Input />
      </Form.Item>
      {agency && (
        <Form.Item label="公开指南补充说明" name="guideText" extra="显示在本机构的政府信息公开指南页面，不超过5000字。" rules={[{ max: 5000, message: '不超过5000字' }]}>
          <Input.TextArea rows={5} maxLength={5000} showCount />
        </Form.Item>
      )}
    </FormModal>
  );
}
