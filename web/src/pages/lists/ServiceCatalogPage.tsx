import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Divider, Flex, Form, Input, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api, keys, queries } from '../../api';
import { FilterForm, KeywordFilter } from '../../components/FilterForm';
import { FormModal } from '../../components/FormModal';
import { PageContainer } from '../../components/PageContainer';
import { useApiMutation, useDebounced, usePagination } from '../../hooks';
import { formatDateTime } from '../../labels';
import type { ServiceInput, ServiceItem } from '../../types';
import { ListPageExtra, useEditColumns, useEntryLink } from './shared';

type Dialog = { service?: ServiceItem } | null;

/** 公共服务事项目录 (FIVE-4): each service with every element of its guide, published as a guide page. */
export default function ServiceCatalogPage() {
  const entryLink = useEntryLink('services');
  const [filters, setFilters] = useState<{ q?: string }>({});
  const q = useDebounced(filters.q?.trim());
  const { paging, resetPage, tablePagination } = usePagination();
  const { data, isFetching, error } = useQuery({ ...queries.services({ ...paging, q }), placeholderData: keepPreviousData });
  const [dialog, setDialog] = useState<Dialog>(null);
  const remove = useApiMutation(api.lists.removeService, { invalidate: [keys.services], success: '服务事项已删除' });
  const editColumns = useEditColumns<ServiceItem>({
    nameOf: (service) => service.name,
    onEdit: (service) => setDialog({ service }),
    remove: (service) => remove.mutateAsync(service.id),
  });

  const columns: TableColumnsType<ServiceItem> = [
    {
      title: '事项名称',
      dataIndex: 'name',
      render: (name: string, service) => entryLink(name, service.id),
    },
    { title: '受理单位', dataIndex: 'acceptingUnit' },
    { title: '办理时限', dataIndex: 'timeLimit' },
    { title: '收费', dataIndex: 'fee' },
    { title: '材料', key: 'materials', width: 70, render: (_, service) => `${service.materials.length} 项` },
    { title: '更新时间', dataIndex: 'updatedAt', width: 150, render: formatDateTime },
    ...editColumns,
  ];

  return (
    <PageContainer
      title="公共服务事项目录"
      error={error}
      extra={<ListPageExtra list="services" addLabel="新增服务事项" onAdd={() => setDialog({})} />}
    >
      <Typography.Paragraph type="secondary">
        每个服务事项须写明责任岗位、法定依据、受理单位、办理地点、申请条件、办理流程、申请材料、表格样本、收费标准及依据、办理时限、咨询方式和监督投诉渠道，公开页面据此生成办事指南。
      </Typography.Paragraph>
      <FilterForm<{ q?: string }> name="service-filter" onChange={setFilters} resetPage={resetPage}>
        <KeywordFilter placeholder="事项名称或受理单位" />
      </FilterForm>
      <Table<ServiceItem>
        rowKey="id"
        scroll={{ x: 'max-content' }}
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        pagination={tablePagination(data?.total)}
      />
      {dialog && <ServiceModal service={dialog.service} onClose={() => setDialog(null)} />}
    </PageContainer>
  );
}

const required = (label: string) => [{ required: true, whitespace: true, message: `请填写${label}` }];

function ServiceModal({ service, onClose }: { service?: ServiceItem; onClose: () => void }) {
  const noFee = useQuery(queries.listVocabulary()).data?.noFee ?? '不收费';
  const save = useApiMutation(
    (input: ServiceInput) => (service ? api.lists.updateService(service.id, input) : api.lists.createService(input)),
    { invalidate: [keys.services], success: service ? '服务事项已更新' : '服务事项已新增' },
  );
  const initialValues: Partial<ServiceInput> = service ?? { materials: [''], forms: [], fee: noFee };
  return (
    <FormModal<ServiceInput>
      title={service ? `编辑服务事项：${service.name}` : '新增服务事项'}
      name="service"
      width={820}
      initialValues={initialValues}
      onSubmit={save.mutateAsync}
      onClose={onClose}
    >
      <Form.Item label="事项名称" name="name" rules={required('事项名称')}>
        <Input maxLength={200} />
      </Form.Item>
      <Flex gap="middle" wrap>
        <Form.Item label="责任岗位" name="dutyPost" rules={required('责任岗位')} style={{ flex: '1 1 300px' }}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label="受理单位" name="acceptingUnit" rules={required('受理单位')} style={{ flex: '1 1 300px' }}>
          <Input maxLength={200} />
        </Form.Item>
      </Flex>
      <Form.Item label="办理地点" name="place" rules={required('办理地点')}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item label="法定依据" name="legalBasis" rules={required('法定依据')}>
        <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
      </Form.Item>
      <Form.Item label="服务对象及申请条件" name="eligibility" rules={required('服务对象及申请条件')}>
        <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
      </Form.Item>
      <Form.Item label="办理流程" name="process" rules={required('办理流程')} extra="每个环节一行。">
        <Input.TextArea autoSize={{ minRows: 3 }} maxLength={5000} />
      </Form.Item>
      <Divider titlePlacement="start" plain>
        申请材料
      </Divider>
      <Form.List
        name="materials"
        rules={[{ validator: async (_, materials?: string[]) => (materials?.some((m) => m?.trim()) ? undefined : Promise.reject(new Error('请至少列出一项申请材料'))) }]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field, index) => (
              <Flex key={field.key} gap="small" align="baseline">
                <Typography.Text type="secondary">{index + 1}.</Typography.Text>
                <Form.Item name={field.name} noStyle>
                  <Input maxLength={500} aria-label={`申请材料${index + 1}`} style={{ flex: 1, marginBottom: 8 }} />
                </Form.Item>
                <Button type="text" icon={<DeleteOutlined />} aria-label={`删除申请材料${index + 1}`} onClick={() => remove(field.name)} />
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')}>
              添加材料
            </Button>
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
      <Divider titlePlacement="start" plain>
        表格样本
      </Divider>
      <Form.List name="forms">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Card
                key={field.key}
                size="small"
                style={{ marginBottom: 8 }}
                title={`表格${index + 1}`}
                extra={
                  <Button type="text" icon={<DeleteOutlined />} aria-label={`删除表格${index + 1}`} onClick={() => remove(field.name)} />
                }
              >
                <Form.Item label="表格名称" name={[field.name, 'name']} rules={required('表格名称')}>
                  <Input maxLength={200} />
                </Form.Item>
                <Form.Item label="下载链接" name={[field.name, 'url']} extra="可选，以 https:// 或 / 开头。">
                  <Input maxLength={500} placeholder="https://" />
                </Form.Item>
                <Form.Item label="样本内容" name={[field.name, 'text']} extra="可选，无下载文件时写明表格栏目。">
                  <Input.TextArea autoSize={{ minRows: 2 }} maxLength={5000} />
                </Form.Item>
              </Card>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', url: '', text: '' })}>
              添加表格样本
            </Button>
          </>
        )}
      </Form.List>
      <Divider />
      <Flex gap="middle" wrap>
        <Form.Item label="收费标准" name="fee" rules={required('收费标准')} extra={`不收费的填写“${noFee}”。`} style={{ flex: '1 1 250px' }}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item label="收费依据" name="feeBasis" style={{ flex: '2 1 350px' }} extra="收费的事项必填。">
          <Input maxLength={1000} />
        </Form.Item>
      </Flex>
      <Form.Item label="办理时限" name="timeLimit" rules={required('办理时限')}>
        <Input maxLength={200} />
      </Form.Item>
      <Flex gap="middle" wrap>
        <Form.Item label="咨询方式" name="enquiries" rules={required('咨询方式')} style={{ flex: '1 1 300px' }}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item label="监督投诉渠道" name="complaints" rules={required('监督投诉渠道')} style={{ flex: '1 1 300px' }}>
          <Input maxLength={500} />
        </Form.Item>
      </Flex>
    </FormModal>
  );
}
