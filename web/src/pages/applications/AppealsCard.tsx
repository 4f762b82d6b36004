import { Button, Card, DatePicker, Empty, Form, Input, Radio, Table, Tag, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, keys } from '../../api';
import { FormModal } from '../../components/FormModal';
import { useApiMutation, useAppVocabulary } from '../../hooks';
import { APPEAL_RESULTS, DATE_FORMAT, formatDate, optionsOf } from '../../labels';
import type { AppealKind, AppealResultInput, ApplicationAppeal, ApplicationDetail } from '../../types';

type Dialog = { kind: 'add' } | { kind: 'result'; appeal: ApplicationAppeal } | null;

interface AppealForm {
  kind: AppealKind;
  filedOn: Dayjs;
  body: string;
}

interface ResultForm {
  result: AppealResultInput['result'];
  resultOn: Dayjs;
  note?: string | null;
}

const notFuture = (day: Dayjs) => day.isAfter(dayjs(), 'day');
const RESULT_OPTIONS = optionsOf(
  Object.fromEntries(
    (['upheld', 'corrected', 'other'] as const).map((result) => [result, APPEAL_RESULTS[result].label]),
  ) as Record<AppealResultInput['result'], string>,
);

/** APP-8: reconsiderations and lawsuits about the reply, with their results (counted in table 4). */
export function AppealsCard({ detail, canAdd, canEdit }: { detail: ApplicationDetail; canAdd: boolean; canEdit: boolean }) {
  const appealKinds = useAppVocabulary()?.appealKinds;
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const refresh = { invalidate: [keys.applications] };
  const add = useApiMutation(
    (values: AppealForm) =>
      api.applications.addAppeal(detail.id, { kind: values.kind, filedOn: values.filedOn.format(DATE_FORMAT), body: values.body.trim() }),
    { ...refresh, success: '已登记' },
  );
  const result = useApiMutation(
    ({ id, values }: { id: string; values: ResultForm }) =>
      api.applications.recordAppealResult(id, {
        result: values.result,
        resultOn: values.resultOn.format(DATE_FORMAT),
        note: values.note?.trim() ?? '',
      }),
    { ...refresh, success: '已登记结果' },
  );

  const columns: TableColumnsType<ApplicationAppeal> = [
    { title: '类型', dataIndex: 'kind', width: 100, render: (kind: AppealKind) => appealKinds?.[kind] ?? kind },
    { title: '提起日期', dataIndex: 'filedOn', width: 110, render: formatDate },
    { title: '复议机关或法院', dataIndex: 'body' },
    {
      title: '结果',
      dataIndex: 'result',
      width: 100,
      render: (r: ApplicationAppeal['result']) => <Tag color={APPEAL_RESULTS[r].color}>{APPEAL_RESULTS[r].label}</Tag>,
    },
    { title: '结果日期', dataIndex: 'resultOn', width: 110, render: formatDate },
    { title: '说明', dataIndex: 'note', render: (note: string) => note || '—' },
  ];
  if (canEdit && detail.appeals.length) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 100,
      render: (_, appeal) => (
        <Button type="link" size="small" onClick={() => setDialog({ kind: 'result', appeal })}>
          {appeal.result === 'pending' ? '登记结果' : '修改结果'}
        </Button>
      ),
    });
  }

  return (
    <Card title="行政复议和行政诉讼" style={{ marginBottom: 16 }}>
      {canAdd && (
        <Button style={{ marginBottom: 16 }} className="no-print" onClick={() => setDialog({ kind: 'add' })}>
          登记复议或诉讼
        </Button>
      )}
      <Table<ApplicationAppeal>
        rowKey="id"
        size="small"
        scroll={{ x: 'max-content' }}
        columns={columns}
        dataSource={detail.appeals}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无行政复议或行政诉讼" /> }}
      />
      {dialog?.kind === 'add' && (
        <FormModal<AppealForm>
          title={`登记复议或诉讼：${detail.regNumber}`}
          name="application-appeal"
          okText="确定"
          initialValues={{ kind: 'reconsideration' }}
          onSubmit={add.mutateAsync}
          onClose={close}
        >
          <Form.Item label="类型" name="kind" rules={[{ required: true, message: '请选择类型' }]}>
            <Radio.Group aria-label="类型" options={optionsOf(appealKinds)} />
          </Form.Item>
          <Form.Item label="提起日期" name="filedOn" rules={[{ required: true, message: '请选择提起日期' }]}>
            <DatePicker disabledDate={notFuture} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label="复议机关或法院" name="body" rules={[{ required: true, whitespace: true, message: '请填写复议机关或法院' }]}>
            <Input maxLength={200} placeholder="如 示例市人民政府、示例市某某区人民法院" />
          </Form.Item>
        </FormModal>
      )}
      {dialog?.kind === 'result' && (
        <FormModal<ResultForm>
          title={`登记结果：${appealKinds?.[dialog.appeal.kind] ?? dialog.appeal.kind}（${dialog.appeal.body}）`}
          name="application-appeal-result"
          okText="确定"
          initialValues={
            dialog.appeal.result === 'pending'
              ? { resultOn: dayjs() }
              : { result: dialog.appeal.result, resultOn: dayjs(dialog.appeal.resultOn), note: dialog.appeal.note }
          }
          onSubmit={(values) => result.mutateAsync({ id: dialog.appeal.id, values })}
          onClose={close}
        >
          <Form.Item label="结果" name="result" rules={[{ required: true, message: '请选择结果' }]}>
            <Radio.Group aria-label="结果" options={RESULT_OPTIONS} />
          </Form.Item>
          <Form.Item label="结果日期" name="resultOn" rules={[{ required: true, message: '请选择结果日期' }]}>
            <DatePicker disabledDate={notFuture} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label="说明" name="note" extra="选填，如决定书或判决书文号。">
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
          </Form.Item>
        </FormModal>
      )}
    </Card>
  );
}
