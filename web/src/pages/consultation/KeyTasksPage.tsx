import { useQuery } from '@tanstack/react-query';
import { Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, List, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ConfirmButton } from '../../components/ConfirmButton';
import { FormModal } from '../../components/FormModal';
import { LightTag } from '../../components/LightTag';
import { PageContainer } from '../../components/PageContainer';
import { useApiMutation } from '../../hooks';
import { DATE_FORMAT } from '../../labels';
import { keyTaskApi, consultationKeys } from './api';
import { useIsOffice } from './ConsultationListPage';
import { ItemPicker } from './ItemPicker';
import type { KeyTask, KeyTaskInput, PolicyEvaluation } from './types';

type Dialog = { kind: 'task'; task?: KeyTask } | { kind: 'progress'; task: KeyTask } | { kind: 'evaluation' } | { kind: 'report'; evaluation: PolicyEvaluation } | null;

/** 重点工作 (FIVE-2) and the evaluation of major policies one year on (FIVE-5). */
export default function KeyTasksPage() {
  const tasks = useQuery({ queryKey: consultationKeys.keyTasks, queryFn: keyTaskApi.list });
  const evaluations = useQuery({ queryKey: consultationKeys.evaluations, queryFn: keyTaskApi.evaluations });
  const isOffice = useIsOffice();
  const [dialog, setDialog] = useState<Dialog>(null);
  const remove = useApiMutation(keyTaskApi.remove, { invalidate: [consultationKeys.keyTasks], success: '已删除' });

  const evaluationColumns: TableColumnsType<PolicyEvaluation> = [
    { title: '政策', dataIndex: 'policyTitle', render: (title: string, e) => <Link to={`/documents/${e.policyItemId}`}>{title}</Link> },
    { title: '施行日期', dataIndex: 'effectiveOn', width: 110 },
    { title: '评估报告应公开日期', dataIndex: 'dueOn', width: 150, render: (due: string, e) => <>{due} {!e.reportItemId && <LightTag light={e.deadline?.light} />}</> },
    {
      title: '评估报告',
      key: 'report',
      render: (_, e) =>
        e.reportItemId ? (
          <Link to={`/documents/${e.reportItemId}`}>{e.reportTitle}</Link>
        ) : isOffice ? (
          <Button size="small" type="link" onClick={() => setDialog({ kind: 'report', evaluation: e })}>
            关联已发布的评估报告
          </Button>
        ) : (
          '未公开'
        ),
    },
  ];

  return (
    <PageContainer
      title="重点工作"
      error={tasks.error ?? evaluations.error}
      extra={
        isOffice && (
          <Button type="primary" onClick={() => setDialog({ kind: 'task' })}>
            新增重点工作
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">重点工作的措施、步骤、责任单位和进展在门户网站“重点工作”栏目公开；重大政策施行一年后公开实施情况评估报告。</Typography.Paragraph>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {(tasks.data?.items ?? []).map((t) => (
          <Card
            key={t.id}
            title={`${t.year}年：${t.title}`}
            extra={
              <Space>
                {t.published ? <Tag color="success">已公开</Tag> : <Tag>未公开</Tag>}
                {isOffice && (
                  <>
                    <Button size="small" onClick={() => setDialog({ kind: 'progress', task: t })}>
                      登记进展
                    </Button>
                    <Button size="small" onClick={() => setDialog({ kind: 'task', task: t })}>
                      编辑
                    </Button>
                    <ConfirmButton title={`删除“${t.title}”及其进展？`} danger onConfirm={() => remove.mutateAsync(t.id)}>
                      删除
                    </ConfirmButton>
                  </>
                )}
              </Space>
            }
          >
            <Typography.Paragraph><strong>工作措施：</strong>{t.measures}</Typography.Paragraph>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}><strong>实施步骤：</strong>{t.steps}</Typography.Paragraph>
            <Typography.Paragraph><strong>责任单位：</strong>{t.units}</Typography.Paragraph>
            <List size="small" header="工作进展" dataSource={t.progress} locale={{ emptyText: '尚未登记进展' }} renderItem={(p) => <List.Item>{p.onDate}　{p.text}</List.Item>} />
          </Card>
        ))}
        <Card
          title="重大政策实施评估"
          extra={isOffice && <Button onClick={() => setDialog({ kind: 'evaluation' })}>登记重大政策</Button>}
        >
          <Table<PolicyEvaluation> rowKey="id" size="small" columns={evaluationColumns} dataSource={evaluations.data?.items} loading={evaluations.isFetching} pagination={false} />
        </Card>
      </Space>
      {dialog?.kind === 'task' && <TaskModal task={dialog.task} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'progress' && <ProgressModal task={dialog.task} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'evaluation' && <EvaluationModal onClose={() => setDialog(null)} />}
      {dialog?.kind === 'report' && <ReportModal evaluation={dialog.evaluation} onClose={() => setDialog(null)} />}
    </PageContainer>
  );
}

function TaskModal({ task, onClose }: { task?: KeyTask; onClose: () => void }) {
  const save = useApiMutation(async (v: KeyTaskInput) => {
    const input = { ...v, published: Boolean(v.published) };
    if (task) await keyTaskApi.update(task.id, input);
    else await keyTaskApi.create(input);
  }, {
    invalidate: [consultationKeys.keyTasks],
    success: '已保存',
  });
  return (
    <FormModal<KeyTaskInput> title={task ? '编辑重点工作' : '新增重点工作'} name="key-task" width={640} initialValues={task ?? { year: dayjs().year(), published: true }} onSubmit={save.mutateAsync} onClose={onClose}>
      <Form.Item label="年度" name="year" rules={[{ required: true, message: '请填写年度' }]}>
        <InputNumber min={2000} max={2100} />
      </Form.Item>
      <Form.Item label="工作任务" name="title" rules={[{ required: true, whitespace: true, message: '请填写工作任务' }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label="工作措施" name="measures" rules={[{ required: true, whitespace: true, message: '请填写工作措施' }]}>
        <Input.TextArea autoSize={{ minRows: 2 }} maxLength={5000} />
      </Form.Item>
      <Form.Item label="实施步骤" name="steps" rules={[{ required: true, whitespace: true, message: '请填写实施步骤' }]}>
        <Input.TextArea autoSize={{ minRows: 2 }} maxLength={5000} />
      </Form.Item>
      <Form.Item label="责任单位" name="units" rules={[{ required: true, whitespace: true, message: '请填写责任单位' }]}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="published" valuePropName="checked">
        <Checkbox>在门户网站公开</Checkbox>
      </Form.Item>
    </FormModal>
  );
}

function ProgressModal({ task, onClose }: { task: KeyTask; onClose: () => void }) {
  const save = useApiMutation((v: { onDate: Dayjs; text: string }) => keyTaskApi.addProgress(task.id, { onDate: v.onDate.format(DATE_FORMAT), text: v.text }), {
    invalidate: [consultationKeys.keyTasks],
    success: '已登记进展',
  });
  return (
    <FormModal<{ onDate: Dayjs; text: string }> title={`登记进展：${task.title}`} name="progress" initialValues={{ onDate: dayjs() }} onSubmit={save.mutateAsync} onClose={onClose}>
      <Form.Item label="日期" name="onDate" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker format={DATE_FORMAT} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item label="工作进展" name="text" rules={[{ required: true, whitespace: true, message: '请填写工作进展' }]}>
        <Input.TextArea autoSize={{ minRows: 3 }} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

function EvaluationModal({ onClose }: { onClose: () => void }) {
  const save = useApiMutation((v: { policyItemId: string; effectiveOn: Dayjs }) => keyTaskApi.registerEvaluation({ policyItemId: v.policyItemId, effectiveOn: v.effectiveOn.format(DATE_FORMAT) }), {
    invalidate: [consultationKeys.evaluations],
    success: '已登记，施行满一年时提醒公开评估报告',
  });
  return (
    <FormModal<{ policyItemId: string; effectiveOn: Dayjs }> title="登记需要实施评估的重大政策" name="evaluation" onSubmit={save.mutateAsync} onClose={onClose}>
      <Form.Item label="政策文件（已发布）" name="policyItemId" rules={[{ required: true, message: '请选择政策文件' }]}>
        <ItemPicker />
      </Form.Item>
      <Form.Item label="施行日期" name="effectiveOn" rules={[{ required: true, message: '请选择施行日期' }]}>
        <DatePicker format={DATE_FORMAT} />
      </Form.Item>
    </FormModal>
  );
}

function ReportModal({ evaluation, onClose }: { evaluation: PolicyEvaluation; onClose: () => void }) {
  const save = useApiMutation((v: { reportItemId: string }) => keyTaskApi.linkReport(evaluation.id, v.reportItemId), { invalidate: [consultationKeys.evaluations], success: '已关联评估报告' });
  return (
    <FormModal<{ reportItemId: string }> title={`关联评估报告：${evaluation.policyTitle}`} name="report" onSubmit={save.mutateAsync} onClose={onClose}>
      <Form.Item label="评估报告（已发布的信息）" name="reportItemId" rules={[{ required: true, message: '请选择评估报告' }]}>
        <ItemPicker />
      </Form.Item>
    </FormModal>
  );
}
