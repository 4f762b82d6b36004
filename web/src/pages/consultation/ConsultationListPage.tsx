import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Checkbox, DatePicker, Form, Input, InputNumber, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { FormModal } from '../../components/FormModal';
import { PageContainer } from '../../components/PageContainer';
import { useApiMutation, usePagination } from '../../hooks';
import { DATE_FORMAT } from '../../labels';
import { useSession } from '../../session';
import { consultationApi, consultationKeys } from './api';
import { ItemPicker } from './ItemPicker';
import { PHASE_COLORS, PHASE_LABELS, type ConsultationDetail, type ConsultationInput, type ConsultationSummary } from './types';

/** 意见征集 (FIVE-1): the agency's drafts opened for public comment. */
export default function ConsultationListPage() {
  const { paging, tablePagination } = usePagination();
  const { data, isFetching, error } = useQuery({
    queryKey: [...consultationKeys.all, paging],
    queryFn: () => consultationApi.list(paging.page, paging.pageSize),
    placeholderData: keepPreviousData,
  });
  const isOffice = useIsOffice();
  const [creating, setCreating] = useState(false);
  const [settings, setSettings] = useState(false);
  const navigate = useNavigate();

  const columns: TableColumnsType<ConsultationSummary> = [
    { title: '标题', dataIndex: 'title', render: (title: string, c) => <Link to={`/consultation/${c.id}`}>{title}</Link> },
    { title: '起草单位', dataIndex: 'unit' },
    { title: '征求意见期限', key: 'window', render: (_, c) => (c.phase === 'draft' ? `至 ${c.closesOn}` : `${c.opensOn} 至 ${c.closesOn}`) },
    { title: '意见数', dataIndex: 'comments', align: 'end' },
    { title: '状态', dataIndex: 'phase', render: (phase: ConsultationSummary['phase']) => <Tag color={PHASE_COLORS[phase]}>{PHASE_LABELS[phase]}</Tag> },
  ];

  return (
    <PageContainer
      title="意见征集"
      error={error}
      extra={
        isOffice && (
          <Space>
            <Button onClick={() => setSettings(true)}>反馈期限设置</Button>
            <Button type="primary" onClick={() => setCreating(true)}>
              新建征求意见
            </Button>
          </Space>
        )
      }
    >
      <Typography.Paragraph type="secondary">
        征求意见稿及起草说明须作为信息经保密审查、领导审批并发布后，才能公开征求意见。征求意见期限不少于30日，规范性文件不少于7个工作日；期满后逐条登记采纳情况，并向社会公布意见采纳情况。
      </Typography.Paragraph>
      <Table<ConsultationSummary> rowKey="id" columns={columns} dataSource={data?.items} loading={isFetching} pagination={tablePagination(data?.total)} />
      {creating && <ConsultationModal onClose={() => setCreating(false)} onSaved={(id) => navigate(`/consultation/${id}`)} />}
      {settings && <SettingsModal onClose={() => setSettings(false)} />}
    </PageContainer>
  );
}

export function useIsOffice(): boolean {
  return useSession().hasRole('office');
}

interface ConsultationForm extends Omit<ConsultationInput, 'closesOn'> {
  closesOn: Dayjs;
}

/** New, or a change to one not yet opened. */
export function ConsultationModal({ consultation, onClose, onSaved }: { consultation?: ConsultationDetail; onClose: () => void; onSaved?: (id: string) => void }) {
  const save = useApiMutation(
    async ({ closesOn, ...values }: ConsultationForm) => {
      const input = { ...values, normative: Boolean(values.normative), closesOn: closesOn.format(DATE_FORMAT) };
      if (consultation) return consultationApi.update(consultation.id, input).then(() => consultation.id);
      return (await consultationApi.create(input)).id;
    },
    { invalidate: [consultationKeys.all], success: consultation ? '已保存' : '已新建，请核对后发布' },
  );
  return (
    <FormModal<ConsultationForm>
      title={consultation ? '修改征求意见' : '新建征求意见'}
      name="consultation"
      width={680}
      initialValues={consultation ? { ...consultation, closesOn: dayjs(consultation.closesOn) } : { normative: false }}
      onSubmit={async (values) => onSaved?.(await save.mutateAsync(values))}
      onClose={onClose}
    >
      <Form.Item label="征求意见稿（已发布的信息，含起草说明和附件）" name="itemId" rules={[{ required: true, message: '请选择征求意见稿' }]}>
        <ItemPicker />
      </Form.Item>
      <Form.Item label="标题" name="title" extra="不填则使用征求意见稿的标题">
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label="起草单位" name="unit" rules={[{ required: true, whitespace: true, message: '请填写起草单位' }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="normative" valuePropName="checked">
        <Checkbox>规范性文件（期限按工作日计算，不少于7个工作日）</Checkbox>
      </Form.Item>
      <Form.Item label="截止日期" name="closesOn" rules={[{ required: true, message: '请选择截止日期' }]} extra="自发布之日起计算，发布当日不计入；一般不少于30日">
        <DatePicker format={DATE_FORMAT} />
      </Form.Item>
      <Form.Item label="缩短期限的法定依据" name="shortBasis" extra="期限短于规定时必须填写">
        <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} />
      </Form.Item>
      <Form.Item label="其他反馈方式" name="howToComment" rules={[{ required: true, whitespace: true, message: '请填写意见反馈方式' }]} extra="如电子邮箱、通信地址、传真">
        <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}

function SettingsModal({ onClose }: { onClose: () => void }) {
  const current = useQuery({ queryKey: [...consultationKeys.all, 'settings'], queryFn: consultationApi.settings }).data;
  const save = useApiMutation((v: { feedbackWorkdays: number }) => consultationApi.saveSettings(v.feedbackWorkdays), { invalidate: [consultationKeys.all], success: '已保存' });
  if (!current) return null;
  return (
    <FormModal<{ feedbackWorkdays: number }> title="公布意见采纳情况的期限" name="consultation-settings" initialValues={current} onSubmit={save.mutateAsync} onClose={onClose}>
      <Form.Item label="征求意见期满后（工作日）" name="feedbackWorkdays" rules={[{ required: true, message: '请填写期限' }]} extra="新发布的征求意见按此期限计算">
        <InputNumber min={1} max={60} />
      </Form.Item>
    </FormModal>
  );
}
