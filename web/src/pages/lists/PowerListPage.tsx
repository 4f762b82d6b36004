import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Empty, Flex, Form, Input, Row, Select, Space, Spin, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api, keys, queries } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ChoiceFilter, FilterForm, KeywordFilter } from '../../components/FilterForm';
import { FormModal } from '../../components/FormModal';
import { PageContainer } from '../../components/PageContainer';
import { useApiMutation, useDebounced, usePagination } from '../../hooks';
import { formatDateTime, optionsOf } from '../../labels';
import type { Power, PowerCategory, PowerInput, PowerStepInput } from '../../types';
import { ListPageExtra, useEditColumns, useEntryLink } from './shared';

interface Filters {
  q?: string;
  category?: PowerCategory;
}

type Dialog = { power?: Power } | null;

/** 行政职权目录 / 权责清单 (FIVE-3): each power with its procedure, which the portal draws as a flow chart. */
export default function PowerListPage() {
  const entryLink = useEntryLink('powers');
  const categories = useQuery(queries.listVocabulary()).data?.powerCategories;
  const [filters, setFilters] = useState<Filters>({});
  const q = useDebounced(filters.q?.trim());
  const { paging, resetPage, tablePagination } = usePagination();
  const { data, isFetching, error } = useQuery({
    ...queries.powers({ ...paging, q, category: filters.category }),
    placeholderData: keepPreviousData,
  });
  const [dialog, setDialog] = useState<Dialog>(null);
  const remove = useApiMutation(api.lists.removePower, { invalidate: [keys.powers], success: '行政职权已删除' });
  const editColumns = useEditColumns<Power>({
    nameOf: (power) => power.name,
    onEdit: (power) => setDialog({ power }),
    remove: (power) => remove.mutateAsync(power.id),
  });

  const columns: TableColumnsType<Power> = [
    {
      title: '职权名称',
      dataIndex: 'name',
      render: (name: string, power) => entryLink(name, power.id),
    },
    { title: '职权类别', dataIndex: 'category', width: 110, render: (category: PowerCategory) => categories?.[category] ?? category },
    { title: '实施主体', dataIndex: 'actor' },
    { title: '办理时限', dataIndex: 'timeLimit' },
    { title: '环节', key: 'steps', width: 70, render: (_, power) => `${power.steps.length} 个` },
    { title: '更新时间', dataIndex: 'updatedAt', width: 150, render: formatDateTime },
    ...editColumns,
  ];

  return (
    <PageContainer
      title="权责清单"
      error={error}
      extra={<ListPageExtra list="powers" addLabel="新增行政职权" onAdd={() => setDialog({})} />}
    >
      <Typography.Paragraph type="secondary">
        行政职权目录列明每项职权的实施主体、法定依据、办理时限和监督方式；按顺序填写的办理环节在公开页面生成权力运行流程图。
      </Typography.Paragraph>
      <FilterForm<Filters> name="power-filter" onChange={setFilters} resetPage={resetPage}>
        <KeywordFilter placeholder="职权名称或实施主体" />
        <ChoiceFilter label="职权类别" name="category" width={160} options={optionsOf(categories)} />
      </FilterForm>
      <Table<Power>
        rowKey="id"
        scroll={{ x: 'max-content' }}
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        pagination={tablePagination(data?.total)}
      />
      {dialog && <PowerModal power={dialog.power} onClose={() => setDialog(null)} />}
    </PageContainer>
  );
}

const required = (label: string) => [{ required: true, whitespace: true, message: `请填写${label}` }];

function PowerModal({ power, onClose }: { power?: Power; onClose: () => void }) {
  const vocabulary = useQuery(queries.listVocabulary()).data;
  const save = useApiMutation((input: PowerInput) => (power ? api.lists.updatePower(power.id, input) : api.lists.createPower(input)), {
    invalidate: [keys.powers],
    success: power ? '行政职权已更新' : '行政职权已新增',
  });
  const initialValues: Partial<PowerInput> = power ?? { steps: [{ name: '', actor: '' }] };
  return (
    <FormModal<PowerInput>
      title={power ? `编辑行政职权：${power.name}` : '新增行政职权'}
      name="power"
      width={1040}
      initialValues={initialValues}
      onSubmit={save.mutateAsync}
      onClose={onClose}
    >
      <Row gutter={24}>
        <Col xs={24} lg={14}>
          <Form.Item label="职权名称" name="name" rules={required('职权名称')}>
            <Input maxLength={200} />
          </Form.Item>
          <Flex gap="middle" wrap>
            <Form.Item label="职权类别" name="category" rules={[{ required: true, message: '请选择职权类别' }]} style={{ flex: '0 0 160px' }}>
              <Select options={optionsOf(vocabulary?.powerCategories)} />
            </Form.Item>
            <Form.Item label="实施主体" name="actor" rules={required('实施主体')} style={{ flex: '1 1 240px' }}>
              <Input maxLength={200} />
            </Form.Item>
          </Flex>
          <Form.Item label="法定依据" name="legalBasis" rules={required('法定依据')}>
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
          </Form.Item>
          <Flex gap="middle" wrap>
            <Form.Item label="办理时限" name="timeLimit" rules={required('办理时限')} style={{ flex: '1 1 200px' }}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item label="监督方式" name="oversight" rules={required('监督方式')} style={{ flex: '2 1 260px' }}>
              <Input maxLength={1000} />
            </Form.Item>
          </Flex>
          <StepsEditor max={vocabulary?.maxSteps} />
        </Col>
        <Col xs={24} lg={10}>
          <FlowPreview />
        </Col>
      </Row>
    </FormModal>
  );
}

/** The procedure in order: each step named with who acts; rows move up and down to reorder. */
function StepsEditor({ max }: { max?: number }) {
  return (
    <Form.List
      name="steps"
      rules={[{ validator: async (_, steps?: PowerStepInput[]) => (steps?.length ? undefined : Promise.reject(new Error('请至少填写一个办理环节'))) }]}
    >
      {(fields, { add, remove, move }, { errors }) => (
        <Card size="small" title="办理环节（按先后顺序）">
          {fields.map((field, index) => (
            <Flex key={field.key} gap="small" wrap align="start" style={{ borderBottom: '1px solid #f0f0f0', paddingTop: 8 }}>
              <Typography.Text strong style={{ lineHeight: '32px', width: 24 }}>
                {index + 1}.
              </Typography.Text>
              <Form.Item name={[field.name, 'name']} rules={required('环节名称')} style={{ flex: '1 1 120px', marginBottom: 8 }}>
                <Input placeholder="环节名称" aria-label={`第${index + 1}个环节名称`} maxLength={100} />
              </Form.Item>
              <Form.Item name={[field.name, 'actor']} rules={required('承办主体')} style={{ flex: '1 1 140px', marginBottom: 8 }}>
                <Input placeholder="承办主体" aria-label={`第${index + 1}个环节承办主体`} maxLength={100} />
              </Form.Item>
              <Form.Item name={[field.name, 'timeLimit']} style={{ flex: '1 1 110px', marginBottom: 8 }}>
                <Input placeholder="时限（可选）" aria-label={`第${index + 1}个环节时限`} maxLength={100} />
              </Form.Item>
              <Form.Item name={[field.name, 'note']} style={{ flex: '2 1 180px', marginBottom: 8 }}>
                <Input placeholder="说明（可选，如：依申请）" aria-label={`第${index + 1}个环节说明`} maxLength={300} />
              </Form.Item>
              <Space.Compact>
                <Button icon={<ArrowUpOutlined />} aria-label={`上移第${index + 1}个环节`} disabled={index === 0} onClick={() => move(index, index - 1)} />
                <Button
                  icon={<ArrowDownOutlined />}
                  aria-label={`下移第${index + 1}个环节`}
                  disabled={index === fields.length - 1}
                  onClick={() => move(index, index + 1)}
                />
                <Button icon={<DeleteOutlined />} aria-label={`删除第${index + 1}个环节`} onClick={() => remove(field.name)} />
              </Space.Compact>
            </Flex>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            style={{ marginTop: 8 }}
            disabled={max !== undefined && fields.length >= max}
            onClick={() => add({ name: '', actor: '' })}
          >
            添加环节
          </Button>
          <Form.ErrorList errors={errors} />
        </Card>
      )}
    </Form.List>
  );
}

/** The chart as the portal will draw it, redrawn by the server a moment after the steps change. */
function FlowPreview() {
  const form = Form.useFormInstance<PowerInput>();
  const name = useDebounced(Form.useWatch('name', form) ?? '', 500);
  // Debounced as text: the watched array is a new object on every render.
  const drawable = (Form.useWatch('steps', form) ?? []).filter((s): s is PowerStepInput => Boolean(s?.name?.trim() && s.actor?.trim()));
  const steps = JSON.parse(useDebounced(JSON.stringify(drawable), 500)) as PowerStepInput[];
  const preview = useQuery({
    queryKey: ['flow-preview', name, steps],
    queryFn: () => api.lists.flowPreview(name, steps),
    enabled: steps.length > 0,
    placeholderData: keepPreviousData,
  });
  return (
    <Card size="small" title="流程图预览" style={{ position: 'sticky', top: 0 }}>
      <ErrorAlert error={preview.error} />
      {steps.length === 0 ? (
        <Empty description="填写环节名称和承办主体后显示流程图" />
      ) : preview.data ? (
        <img
          src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(preview.data.svg)}`}
          alt={`${name || '行政职权'}运行流程图预览，共${steps.length}个环节`}
          style={{ width: '100%', maxWidth: 420, display: 'block', margin: '0 auto' }}
        />
      ) : (
        <Spin />
      )}
    </Card>
  );
}
