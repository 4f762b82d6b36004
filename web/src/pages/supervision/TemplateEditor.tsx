import { useQuery } from '@tanstack/react-query';
import { Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../components/FormModal';
import { useApiMutation } from '../../hooks';
import { supervisionApi, supervisionKeys } from './api';
import type { Template, TemplateBody } from './types';

/** An agency edits a template for a year (SUP-3): names and points of the scored items; saving writes a new version. */
export function TemplateEditor({ year, onClose }: { year: number; onClose: () => void }) {
  const templates = useQuery({ queryKey: [...supervisionKeys.all, 'templates', year], queryFn: () => supervisionApi.templates(year) }).data;
  const [base, setBase] = useState<Template | null>(null);
  const [body, setBody] = useState<TemplateBody | null>(null);
  const save = useApiMutation(supervisionApi.saveTemplate, { invalidate: [supervisionKeys.all], success: '考评模板已保存为新版本' });
  const pick = (id: string) => {
    const t = templates?.items.find((x) => x.id === id) ?? null;
    setBase(t);
    setBody(t && structuredClone(t.body));
  };
  const setItem = (areaKey: string, itemKey: string, patch: { name?: string; max?: number }) =>
    setBody((b) => b && { ...b, areas: b.areas.map((a) => (a.key !== areaKey ? a : { ...a, items: a.items.map((i) => (i.key === itemKey ? { ...i, ...patch } : i)) })) });
  const total = body?.areas.reduce((n, a) => n + a.items.reduce((m, i) => m + i.max, 0), 0) ?? 0;
  return (
    <FormModal<{ name: string }>
      title={`编辑${year}年度考评模板`}
      name="template-edit"
      width={860}
      onClose={onClose}
      onSubmit={(v) => save.mutateAsync({ family: base!.family, year, name: v.name, body: body! }).then(onClose)}
    >
      <Form.Item label="以此模板为基础" required>
        <Select
          aria-label="基础模板"
          onChange={pick}
          options={templates?.items.map((t) => ({ value: t.id, label: `${t.name}（${t.builtIn ? '通用' : `第${t.version}版`}）` }))}
        />
      </Form.Item>
      <Form.Item name="name" label="模板名称" rules={[{ required: true, whitespace: true, message: '请填写模板名称' }]}>
        <Input maxLength={200} />
      </Form.Item>
      {body && (
        <>
          {body.areas.map((area) => (
            <div key={area.key} style={{ marginBottom: 12 }}>
              <Typography.Text strong>{area.name}</Typography.Text>
              <Table
                rowKey="key"
                size="small"
                pagination={false}
                dataSource={area.items}
                columns={[
                  { title: '评分项', key: 'name', render: (_, i) => <Input aria-label="评分项名称" value={i.name} maxLength={200} onChange={(e) => setItem(area.key, i.key, { name: e.target.value })} /> },
                  { title: '分值', key: 'max', width: 110, render: (_, i) => <InputNumber aria-label={`${i.name}分值`} min={0.5} max={100} step={0.5} value={i.max} onChange={(v) => setItem(area.key, i.key, { max: v ?? i.max })} /> },
                ]}
              />
            </div>
          ))}
          <Space>
            <Typography.Text>{`合计 ${total} 分；等次按得分率评定：${body.grades.map((g) => `${g.name}≥${g.min}%`).join('，')}`}</Typography.Text>
          </Space>
        </>
      )}
    </FormModal>
  );
}
