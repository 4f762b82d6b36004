import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Radio, Skeleton, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api, keys, queries } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { UnitSelect, UserSelect } from '../../components/pickers';
import { useApiMutation } from '../../hooks';
import { UNIT_KIND_LABELS } from '../../labels';
import type { Unit, UnitInput, UnitKind } from '../../types';

interface UnitNode extends Unit {
  children?: UnitNode[];
}

function buildTree(units: Unit[]): UnitNode[] {
  const nodes = new Map(units.map((unit): [string, UnitNode] => [unit.id, { ...unit }]));
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}

/** The unit and all units below it: none of them can be its parent or successor. */
function selfAndDescendants(units: Unit[], id: string): Set<string> {
  const found = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const unit of units) {
      if (unit.parentId && found.has(unit.parentId) && !found.has(unit.id)) {
        found.add(unit.id);
        grew = true;
      }
    }
  }
  return found;
}

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit' | 'contact' | 'dissolve'; unit: Unit }
  | null;

/** The units of one agency as a tree, with their contact persons (ORG-2) and dissolution (ORG-4). */
export function UnitTable({ agencyId }: { agencyId: string }) {
  const { data, error } = useQuery(queries.units(agencyId));
  const [dialog, setDialog] = useState<Dialog>(null);
  const units = data?.items ?? [];
  const names = new Map(units.map((unit) => [unit.id, unit.name]));
  const close = () => setDialog(null);

  const columns: TableColumnsType<UnitNode> = [
    { title: '名称', dataIndex: 'name' },
    { title: '类型', dataIndex: 'kind', width: 110, render: (kind: UnitKind) => UNIT_KIND_LABELS[kind] },
    {
      title: '状态',
      dataIndex: 'status',
      width: 200,
      render: (_, unit) =>
        unit.status === 'active' ? (
          <Tag color="success">正常</Tag>
        ) : (
          <Space size={4}>
            <Tag>已撤销</Tag>
            {unit.successorId && <Typography.Text type="secondary">并入 {names.get(unit.successorId)}</Typography.Text>}
          </Space>
        ),
    },
    {
      title: '联系人',
      key: 'contact',
      render: (_, unit) =>
        unit.contactName ? (
          <span>
            {unit.contactName}
            {unit.contactPhone && <Typography.Text type="secondary"> {unit.contactPhone}</Typography.Text>}
          </span>
        ) : (
          unit.status === 'active' && <Tag color="warning">未指定联系人</Tag>
        ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 240,
      render: (_, unit) =>
        unit.status === 'active' && (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', unit })}>
              编辑
            </Button>
            <Button type="link" size="small" onClick={() => setDialog({ kind: 'contact', unit })}>
              设置联系人
            </Button>
            <Button type="link" size="small" danger onClick={() => setDialog({ kind: 'dissolve', unit })}>
              撤销/合并
            </Button>
          </Space>
        ),
    },
  ];

  return (
    <Card
      title="部门与局属单位"
      extra={
        <Button type="primary" onClick={() => setDialog({ kind: 'create' })}>
          新增部门
        </Button>
      }
    >
      <ErrorAlert error={error} />
      {data ? (
        // Mounted once per agency's data so every level starts expanded.
        <Table<UnitNode>
          key={agencyId}
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={buildTree(units)}
          pagination={false}
          expandable={{ defaultExpandAllRows: true }}
        />
      ) : (
        !error && <Skeleton active />
      )}
      {dialog?.kind === 'create' && <UnitModal agencyId={agencyId} units={units} onClose={close} />}
      {dialog?.kind === 'edit' && <UnitModal agencyId={agencyId} units={units} unit={dialog.unit} onClose={close} />}
      {dialog?.kind === 'contact' && <ContactModal unit={dialog.unit} onClose={close} />}
      {dialog?.kind === 'dissolve' && <DissolveModal unit={dialog.unit} units={units} onClose={close} />}
    </Card>
  );
}

interface UnitModalProps {
  agencyId: string;
  units: Unit[];
  unit?: Unit;
  onClose: () => void;
}

function UnitModal({ agencyId, units, unit, onClose }: UnitModalProps) {
  const save = useApiMutation(
    (input: UnitInput) => (unit ? api.units.update(unit.id, input) : api.units.create(agencyId, input)),
    { invalidate: [keys.units(agencyId)], success: unit ? '部门已更新' : '部门已新增' },
  );
  return (
    <FormModal<UnitInput>
      title={unit ? '编辑部门' : '新增部门'}
      name="unit"
      initialValues={unit ?? { kind: 'department' }}
      onSubmit={(values) => save.mutateAsync({ ...values, parentId: values.parentId ?? null })}
      onClose={onClose}
    >
      <Form.Item label="名称" name="name" rules={[{ required: true, message: '请输入名称' }]}>
        <Input />
      </Form.Item>
      <Form.Item label="类型" name="kind" rules={[{ required: true, message: '请选择类型' }]}>
        <Radio.Group
          options={Object.entries(UNIT_KIND_LABELS).map(([value, label]) => ({ value, label }))}
        />
      </Form.Item>
      <Form.Item label="上级单位" name="parentId" extra="不填则为机构下的一级单位。">
        <UnitSelect agencyId={agencyId} allowClear exclude={unit && selfAndDescendants(units, unit.id)} />
      </Form.Item>
    </FormModal>
  );
}

function ContactModal({ unit, onClose }: { unit: Unit; onClose: () => void }) {
  const save = useApiMutation((userId: string) => api.units.setContact(unit.id, userId), {
    invalidate: [keys.units(unit.agencyId)],
    success: '联系人已设置',
  });
  return (
    <FormModal<{ userId: string }>
      title={`设置联系人：${unit.name}`}
      name="unit-contact"
      onSubmit={({ userId }) => save.mutateAsync(userId)}
      onClose={onClose}
    >
      <Typography.Paragraph>
        当前联系人：{unit.contactName ?? '未指定'}。每个部门须指定一名政务公开联系人。
      </Typography.Paragraph>
      <Form.Item label="联系人" name="userId" rules={[{ required: true, message: '请选择联系人' }]}>
        <UserSelect agencyId={unit.agencyId} />
      </Form.Item>
    </FormModal>
  );
}

function DissolveModal({ unit, units, onClose }: { unit: Unit; units: Unit[]; onClose: () => void }) {
  const dissolve = useApiMutation((successorId: string) => api.units.dissolve(unit.id, successorId), {
    invalidate: [keys.units(unit.agencyId)],
    success: '部门已撤销',
  });
  const nameOf = (id: string) => units.find((candidate) => candidate.id === id)?.name ?? '';
  return (
    <FormModal<{ successorId: string }>
      title={`撤销/合并：${unit.name}`}
      name="unit-dissolve"
      okText="撤销"
      danger
      confirm={({ successorId }) => ({
        title: `确认撤销“${unit.name}”？`,
        content: `其信息和待办事项将由“${nameOf(successorId)}”承继。此操作不可恢复。`,
      })}
      onSubmit={({ successorId }) => dissolve.mutateAsync(successorId)}
      onClose={onClose}
    >
      <Alert
        type="warning"
        showIcon
        title="撤销或合并部门时，须指定承继其信息的接续单位。"
        style={{ marginBottom: 16 }}
      />
      <Form.Item label="接续单位" name="successorId" rules={[{ required: true, message: '请选择接续单位' }]}>
        <UnitSelect agencyId={unit.agencyId} exclude={selfAndDescendants(units, unit.id)} />
      </Form.Item>
    </FormModal>
  );
}
