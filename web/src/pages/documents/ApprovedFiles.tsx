import { Button, Form, Input, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api, keys } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { useApiMutation } from '../../hooks';
import type { ItemAttachment, ItemDetail } from '../../types';
import { AttachmentList } from './AttachmentList';

const ACCEPT = '.pdf,.docx,.xlsx,.png,.jpg,.jpeg';

/**
 * The files of an approved item, for the office (SEC-10): a file that cannot be cleaned for
 * publication (a hidden sheet, an embedded object, marked text in a spreadsheet…) is replaced
 * by a cleaned copy or withdrawn with a reason, so the item never stops at a file.
 */
export function ApprovedFiles({ detail }: { detail: ItemDetail }) {
  const [error, setError] = useState<Error | null>(null);
  const [withdrawing, setWithdrawing] = useState<ItemAttachment | null>(null);
  const refresh = { invalidate: [keys.item(detail.item.id)] };
  const replace = useApiMutation(({ id, file }: { id: string; file: File }) => api.documents.replaceAttachment(id, file), { ...refresh, success: '附件已替换' });
  const withdraw = useApiMutation(({ id, reason }: { id: string; reason: string }) => api.documents.withdrawAttachment(id, reason), { ...refresh, success: '附件已撤下' });

  return (
    <>
      <Typography.Paragraph type="secondary">
        发布时每个附件都会重新生成公开版本并再次检查；无法清理的附件可替换为处理后的文件，或撤下不随信息发布。
      </Typography.Paragraph>
      <ErrorAlert error={error} />
      <AttachmentList
        attachments={detail.attachments}
        rowActions={(attachment) => (
          <Space size={0}>
            <Upload
              accept={ACCEPT}
              showUploadList={false}
              customRequest={({ file, onSuccess, onError }) => {
                setError(null);
                replace.mutateAsync({ id: attachment.id, file: file as File }).then(onSuccess, (caught: Error) => {
                  onError?.(caught);
                  setError(caught);
                });
              }}
            >
              <Button type="link" size="small" aria-label={`替换附件${attachment.name}`}>
                替换
              </Button>
            </Upload>
            <Button type="link" size="small" danger onClick={() => setWithdrawing(attachment)}>
              撤下
            </Button>
          </Space>
        )}
      />
      {withdrawing && (
        <FormModal<{ reason: string }>
          title={`撤下附件“${withdrawing.name}”`}
          name="attachment-withdraw"
          okText="撤下"
          onSubmit={({ reason }) => withdraw.mutateAsync({ id: withdrawing.id, reason })}
          onClose={() => setWithdrawing(null)}
        >
          <Form.Item label="理由" name="reason" rules={[{ required: true, whitespace: true, message: '请说明撤下附件的理由' }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}
