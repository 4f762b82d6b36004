import { Button, Card, Empty, Form, Input, Table, Typography, type TableColumnsType } from 'antd';
import { Fragment, useState, type ReactNode } from 'react';
import { api, keys } from '../../api';
import { ConfirmButton } from '../../components/ConfirmButton';
import { FormModal } from '../../components/FormModal';
import { useApiMutation } from '../../hooks';
import { formatDateTime } from '../../labels';
import type { ItemDetail, Redaction } from '../../types';
import './documents.css';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The body with every marked phrase struck through (longest phrase first, as the server removes them). */
export function markedBody(body: string, phrases: string[]): ReactNode[] {
  const wanted = [...new Set(phrases.filter((p) => p.length > 0))].sort((a, b) => b.length - a.length);
  if (wanted.length === 0) return [body];
  const pattern = new RegExp(`(${wanted.map(escape).join('|')})`, 'g');
  return body.split(pattern).map((part, index) =>
    index % 2 === 1 ? (
      <del key={index} className="redacted">
        {part}
      </del>
    ) : (
      <Fragment key={index}>{part}</Fragment>
    ),
  );
}

interface RedactionsPanelProps {
  detail: ItemDetail;
  /** The secrecy reviewer, in secrecy review or approval: may add and remove marks. */
  canEdit: boolean;
}

/** 删除标记 (SEC-10, LAW-37): phrases removed from the public version of the body and files. */
export function RedactionsPanel({ detail, canEdit }: RedactionsPanelProps) {
  const [adding, setAdding] = useState(false);
  const itemId = detail.item.id;
  const refresh = [keys.item(itemId)];
  const add = useApiMutation(
    ({ phrase, reason }: { phrase: string; reason: string }) => api.documents.addRedaction(itemId, phrase, reason),
    { invalidate: refresh, success: '已添加删除标记' },
  );
  const remove = useApiMutation((id: string) => api.documents.removeRedaction(id), {
    invalidate: refresh,
    success: '已取消删除标记',
  });
  const { body } = detail.item;
  const notInBody = detail.redactions.filter((r) => !body.includes(r.phrase)).length;

  const columns: TableColumnsType<Redaction> = [
    { title: '删除内容', dataIndex: 'phrase', render: (phrase: string) => <Typography.Text code>{phrase}</Typography.Text> },
    { title: '删除理由', dataIndex: 'reason' },
    { title: '标记时间', dataIndex: 'createdAt', render: formatDateTime },
  ];
  if (canEdit) {
    columns.push({
      title: '操作',
      key: 'actions',
      render: (_, redaction) => (
        <ConfirmButton title={`取消对“${redaction.phrase}”的删除标记？`} onConfirm={() => remove.mutateAsync(redaction.id)}>
          取消标记
        </ConfirmButton>
      ),
    });
  }

  return (
    <>
      <Typography.Paragraph>
        标记的内容在发布时从正文和附件（PDF、Word）中删除，公开版本以“【已删除】”代替（不显示被删除内容的长度），其余部分公开（区分处理）。
      </Typography.Paragraph>
      {canEdit && (
        <Button style={{ marginBottom: 16 }} onClick={() => setAdding(true)}>
          添加删除标记
        </Button>
      )}
      <Table<Redaction>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={detail.redactions}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无删除标记" /> }}
      />
      <Card size="small" title="公开版本预览（正文）" style={{ marginTop: 16 }}>
        {notInBody > 0 && (
          <Typography.Paragraph type="secondary">有 {notInBody} 处标记未出现在正文中，可能位于附件。</Typography.Paragraph>
        )}
        <div className="doc-body">
          {body ? markedBody(body, detail.redactions.map((r) => r.phrase)) : '（无正文）'}
        </div>
      </Card>
      {adding && (
        <FormModal<{ phrase: string; reason: string }>
          title="添加删除标记"
          name="redaction"
          okText="添加"
          onSubmit={add.mutateAsync}
          onClose={() => setAdding(false)}
        >
          <Form.Item
            label="删除内容"
            name="phrase"
            rules={[{ required: true, message: '请输入要删除的文字' }]}
            extra="与正文或附件中的文字完全一致；每处出现都会被删除。"
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} />
          </Form.Item>
          <Form.Item label="删除理由" name="reason" rules={[{ required: true, whitespace: true, message: '请说明删除理由' }]}>
            <Input maxLength={500} placeholder="如 涉及个人隐私" />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}
