import { FileWordOutlined } from '@ant-design/icons';
import { App, Button, Upload, type UploadProps } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';

/**
 * 从 Word 导入: the body and its headings read from a .docx on the server, without its comments
 * or tracked deletions, put into the 正文 box for the drafter to check.
 */
export function WordImportButton({ onImport }: { onImport: (text: string) => void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const customRequest: UploadProps['customRequest'] = ({ file, onSuccess, onError }) => {
    setError(null);
    setBusy(true);
    api.documents
      .importDocx(file as File)
      .then(
        (body) => {
          onSuccess?.(body);
          onImport(body.text);
          void message.success(body.headings.length ? `已导入正文，含 ${body.headings.length} 个标题，请核对` : '已导入正文，请核对');
        },
        (caught: Error) => {
          onError?.(caught);
          setError(caught);
        },
      )
      .finally(() => setBusy(false));
  };
  return (
    <>
      <ErrorAlert error={error} />
      <Upload accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document" showUploadList={false} customRequest={customRequest}>
        <Button icon={<FileWordOutlined />} loading={busy} size="small">
          从 Word 导入正文
        </Button>
      </Upload>
    </>
  );
}
