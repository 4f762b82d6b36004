import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Typography, Upload, type UploadProps } from 'antd';
import { useState } from 'react';
import { api, keys } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApiMutation } from '../../hooks';
import type { ItemAttachment } from '../../types';
import { AttachmentList } from './AttachmentList';

const MAX_BYTES = 20 * 1024 * 1024;
const ACCEPT = '.pdf,.docx,.xlsx,.png,.jpg,.jpeg';

/**
 * The draft's attachments: upload (multipart field `file`, the server judges the type by the
 * content and says so in Chinese when it refuses) and delete.
 */
export function AttachmentsEditor({ itemId, attachments }: { itemId: string; attachments: ItemAttachment[] }) {
  const { message } = App.useApp();
  const [error, setError] = useState<Error | null>(null);
  const refresh = { invalidate: [keys.item(itemId)] };
  const upload = useApiMutation((file: File) => api.documents.uploadAttachment(itemId, file), refresh);
  const remove = useApiMutation((attachment: ItemAttachment) => api.documents.removeAttachment(attachment.id), {
    ...refresh,
    success: '附件已删除',
  });

  const customRequest: UploadProps['customRequest'] = ({ file, onSuccess, onError }) => {
    setError(null);
    upload.mutateAsync(file as File).then(
      (result) => {
        onSuccess?.(result);
        void message.success(`已上传“${result.name}”`);
      },
      (caught: Error) => {
        onError?.(caught);
        setError(caught);
      },
    );
  };

  return (
    <Card title="附件" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">
        可上传 PDF、Word（.docx）、Excel（.xlsx）和 PNG、JPEG 图片，单个文件不超过 20 MB；文件类型以内容为准。
        提交时将对正文和附件进行敏感信息检查。
      </Typography.Paragraph>
      <ErrorAlert error={error} />
      <Upload
        accept={ACCEPT}
        multiple
        showUploadList={false}
        customRequest={customRequest}
        beforeUpload={(file) => {
          if (file.size <= MAX_BYTES) return true;
          setError(new Error(`“${file.name}”超过 20 MB，不能上传`));
          return Upload.LIST_IGNORE;
        }}
      >
        <Button icon={<UploadOutlined />} loading={upload.isPending}>
          上传附件
        </Button>
      </Upload>
      <div style={{ marginTop: 16 }}>
        <AttachmentList attachments={attachments} onRemove={(attachment) => remove.mutateAsync(attachment)} />
      </div>
    </Card>
  );
}
