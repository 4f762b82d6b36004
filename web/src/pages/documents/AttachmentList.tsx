import { Empty, Table, Tag, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { api } from '../../api';
import { ConfirmButton } from '../../components/ConfirmButton';
import { formatDateTime, formatSize } from '../../labels';
import type { ItemAttachment } from '../../types';

const KIND_LABELS: Record<string, string> = { pdf: 'PDF', docx: 'Word', xlsx: 'Excel', png: 'PNG 图片', jpeg: 'JPEG 图片' };

interface AttachmentListProps {
  attachments: ItemAttachment[];
  /** Offers 删除 on each row (the drafter, while drafting). */
  onRemove?: (attachment: ItemAttachment) => Promise<unknown>;
  /** Other row actions (the office's 替换 and 撤下 once approved). */
  rowActions?: (attachment: ItemAttachment) => ReactNode;
}

/** The item's files: the original for staff (download), and whether a public copy was produced. */
export function AttachmentList({ attachments, onRemove, rowActions }: AttachmentListProps) {
  const columns: TableColumnsType<ItemAttachment> = [
    {
      title: '文件名',
      dataIndex: 'name',
      render: (name: string, attachment) => (
        <a href={api.documents.attachmentUrl(attachment.id)} download={name}>
          {name}
        </a>
      ),
    },
    { title: '类型', dataIndex: 'kind', width: 110, render: (kind: string) => KIND_LABELS[kind] ?? kind },
    { title: '大小', dataIndex: 'size', width: 100, render: formatSize },
    { title: '上传时间', dataIndex: 'createdAt', width: 170, render: formatDateTime },
    {
      title: '公开版本',
      dataIndex: 'hasPublicVersion',
      width: 110,
      render: (has: boolean) => (has ? <Tag color="success">已生成</Tag> : <Tag>未生成</Tag>),
    },
  ];
  if (onRemove) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_, attachment) => (
        <ConfirmButton danger title={`删除附件“${attachment.name}”？`} onConfirm={() => onRemove(attachment)}>
          删除
        </ConfirmButton>
      ),
    });
  }
  if (rowActions) columns.push({ title: '操作', key: 'actions', width: 170, render: (_, attachment) => rowActions(attachment) });
  return (
    <Table<ItemAttachment>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={attachments}
      pagination={false}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无附件" /> }}
    />
  );
}
