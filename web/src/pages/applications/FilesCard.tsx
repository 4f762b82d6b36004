import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Form, Input, Table, Typography, Upload, type TableColumnsType, type UploadProps } from 'antd';
import { useState } from 'react';
import { api, keys } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApiMutation } from '../../hooks';
import { APPLICATION_FILE_KINDS, formatDateTime, formatSize } from '../../labels';
import type { ApplicationFile } from '../../types';

const FORMATS: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
};

/**
 * 文书和文件: the letters the case produced (告知书, DOCX and PDF) and the information
 * provided, for download; while the case is handled, the office uploads what is provided,
 * with the phrases to remove for partial disclosure (LAW-37).
 */
export function FilesCard({ applicationId, files, canUpload }: { applicationId: string; files: ApplicationFile[]; canUpload: boolean }) {
  const { message } = App.useApp();
  const [redact, setRedact] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const upload = useApiMutation(
    (file: File) => api.applications.uploadProvided(applicationId, file, redact.split('\n').map((p) => p.trim()).filter(Boolean)),
    { invalidate: [keys.applications] },
  );
  const customRequest: UploadProps['customRequest'] = ({ file, onSuccess, onError }) => {
    setError(null);
    upload.mutateAsync(file as File).then(
      (result) => {
        onSuccess?.(result);
        setRedact('');
        void message.success(`已上传“${(file as File).name}”`);
      },
      (caught: Error) => {
        onError?.(caught);
        setError(caught);
      },
    );
  };
  const columns: TableColumnsType<ApplicationFile> = [
    {
      title: '文件名',
      dataIndex: 'name',
      render: (name: string, file) => (
        <a href={api.applications.fileUrl(file.id)} download={name} style={{ overflowWrap: 'anywhere' }}>
          {name}
        </a>
      ),
    },
    { title: '类别', dataIndex: 'kind', width: 120, render: (kind: string) => APPLICATION_FILE_KINDS[kind] ?? kind },
    { title: '格式', dataIndex: 'mime', width: 80, render: (mime: string) => FORMATS[mime] ?? mime },
    { title: '大小', dataIndex: 'size', width: 90, render: formatSize },
    {
      title: '生成时间',
      dataIndex: 'createdAt',
      width: 150,
      render: (createdAt: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(createdAt)}</span>,
    },
  ];
  return (
    <Card title="文书和文件" style={{ marginBottom: 16 }}>
      {canUpload && (
        <div className="no-print" style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary">
            上传提供给申请人的信息。部分公开的，在下面逐行填写需删除的内容，PDF 和 Word 文件将自动删除这些内容，申请人只能获取处理后的文件，原件仅工作人员可见（《政府信息公开条例》第三十七条）。
          </Typography.Paragraph>
          <ErrorAlert error={error} />
          <Form layout="vertical">
            <Form.Item label="需删除的内容" htmlFor="provided-redact" extra="每行一项，选填">
              <Input.TextArea id="provided-redact" value={redact} onChange={(e) => setRedact(e.target.value)} autoSize={{ minRows: 2, maxRows: 6 }} />
            </Form.Item>
          </Form>
          <Upload showUploadList={false} customRequest={customRequest} accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg">
            <Button icon={<UploadOutlined />} loading={upload.isPending}>
              上传提供的信息
            </Button>
          </Upload>
        </div>
      )}
      <Table<ApplicationFile>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={files}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无文书（告知补正、收费、延期和签发答复时自动生成）" /> }}
      />
    </Card>
  );
}
