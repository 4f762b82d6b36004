import { AutoComplete, Button, Card, DatePicker, Descriptions, Form, Input, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, keys } from '../../api';
import { FormModal } from '../../components/FormModal';
import { useApiMutation, useAppVocabulary } from '../../hooks';
import { DATE_FORMAT, formatDate, formatDateTime } from '../../labels';
import type { ApplicationDetail } from '../../types';

interface DeliveryForm {
  method: string;
  on: Dayjs;
  proof: string;
}

/** 送达: how and when the signed reply reached the applicant, with the proof; a transfer is reported back (APP-5). */
export function DeliveryCard({ detail, canEdit }: { detail: ApplicationDetail; canEdit: boolean }) {
  const vocabulary = useAppVocabulary();
  const [open, setOpen] = useState(false);
  const record = detail.deliveryRecord;
  const deliver = useApiMutation(
    (values: DeliveryForm) =>
      api.applications.recordDelivery(detail.id, {
        method: values.method.trim(),
        on: values.on.format(DATE_FORMAT),
        proof: values.proof.trim(),
      }),
    { invalidate: [keys.applications], success: detail.transfer ? '已登记送达，并向转办机构回告' : '已登记送达' },
  );
  const chosen = vocabulary?.deliveries[detail.delivery];
  const methods = [...new Set([chosen, ...Object.values(vocabulary?.deliveries ?? {}), '当面送达', '传真'].filter(Boolean))] as string[];

  return (
    <Card title="送达" style={{ marginBottom: 16 }}>
      {record ? (
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'method', label: '送达方式', children: record.method },
            { key: 'on', label: '送达日期', children: formatDate(record.on) },
            { key: 'proof', label: '送达凭证', span: 'filled', children: record.proof },
            ...(detail.transfer
              ? [
                  {
                    key: 'report',
                    label: '向转办机构回告',
                    span: 'filled' as const,
                    children: detail.transfer.reportedBackAt
                      ? `${formatDateTime(detail.transfer.reportedBackAt)} ${detail.transfer.report ?? ''}`
                      : '—',
                  },
                ]
              : []),
          ]}
        />
      ) : (
        <Typography.Paragraph>
          答复已签发，尚未登记送达。申请人选择的送达方式：{chosen ?? detail.delivery}。
          {detail.transfer && '本件为转办申请，登记送达时同时向转办机构回告办理结果。'}
        </Typography.Paragraph>
      )}
      {canEdit && detail.state === 'replied' && (
        <Button style={{ marginTop: 12 }} className="no-print" type={record ? 'default' : 'primary'} onClick={() => setOpen(true)}>
          {record ? '修改送达记录' : '登记送达'}
        </Button>
      )}
      {open && (
        <FormModal<DeliveryForm>
          title={`登记送达：${detail.regNumber}`}
          name="application-delivery"
          okText="确定"
          initialValues={
            record
              ? { method: record.method, on: dayjs(record.on), proof: record.proof }
              : { method: chosen, on: dayjs() }
          }
          onSubmit={deliver.mutateAsync}
          onClose={() => setOpen(false)}
        >
          <Form.Item label="送达方式" name="method" rules={[{ required: true, whitespace: true, message: '请填写送达方式' }]}>
            <AutoComplete options={methods.map((value) => ({ value }))} maxLength={50} />
          </Form.Item>
          <Form.Item label="送达日期" name="on" rules={[{ required: true, message: '请选择送达日期' }]} extra="不早于答复签发日期。">
            <DatePicker
              disabledDate={(day) => day.isAfter(dayjs(), 'day') || (!!detail.finishedAt && day.format(DATE_FORMAT) < formatDate(detail.finishedAt))}
              style={{ width: '100%' }}
            />
          </Form.Item>
          <Form.Item
            label="送达凭证"
            name="proof"
            rules={[{ required: true, whitespace: true, message: '请填写送达凭证' }]}
            extra="如邮件挂号号码、签收人及签收单、电子邮件发送记录。"
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} />
          </Form.Item>
        </FormModal>
      )}
    </Card>
  );
}
