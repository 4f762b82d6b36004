import { Button, Empty, Form, Input, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api, keys } from '../../api';
import { ConfirmButton } from '../../components/ConfirmButton';
import { FormModal } from '../../components/FormModal';
import { useApiMutation, useVocabulary } from '../../hooks';
import { FINDING_STATUS } from '../../labels';
import type { Finding, FindingStatus, ItemDetail } from '../../types';

interface FindingsTableProps {
  detail: ItemDetail;
  /** The secrecy reviewer, in secrecy review or approval: may settle findings. */
  canResolve: boolean;
}

/**
 * 敏感信息检查 (SEC-2, SEC-6): what the scan found in the body and the attachments. Each is
 * removed from the public version (删除, it joins the redactions) or kept with a reason (保留).
 * A secrecy mark is neither: it blocks publication, and the secrecy reviewer can only record,
 * with a reason, that the words are not a mark (不是密级标识).
 */
export function FindingsTable({ detail, canResolve }: FindingsTableProps) {
  const kinds = useVocabulary()?.findingKinds;
  const [keeping, setKeeping] = useState<Finding | null>(null);
  const [notMark, setNotMark] = useState<Finding | null>(null);
  const names = new Map(detail.attachments.map((a) => [a.id, a.name]));
  const resolve = useApiMutation(
    ({ id, status, reason }: { id: string; status: Exclude<FindingStatus, 'open'>; reason: string }) =>
      api.documents.resolveFinding(id, status, reason),
    { invalidate: [keys.item(detail.item.id)], success: '已处理' },
  );
  const open = detail.findings.filter((finding) => finding.status === 'open').length;

  const columns: TableColumnsType<Finding> = [
    {
      title: '来源',
      dataIndex: 'source',
      render: (source: string) => (source === 'body' ? '正文' : `附件：${names.get(source) ?? source}`),
    },
    { title: '类型', dataIndex: 'kind', render: (kind: string) => kinds?.[kind] ?? kind },
    { title: '内容', dataIndex: 'text', render: (text: string) => <Typography.Text code>{text}</Typography.Text> },
    {
      title: '状态',
      dataIndex: 'status',
      render: (status: FindingStatus) => <Tag color={FINDING_STATUS[status].color}>{FINDING_STATUS[status].label}</Tag>,
    },
    { title: '理由', dataIndex: 'reason', render: (reason: string) => reason || '—' },
  ];
  if (canResolve && open > 0) {
    columns.push({
      title: '操作',
      key: 'actions',
      render: (_, finding) =>
        finding.status === 'open' &&
        (finding.kind === 'secrecy_mark' ? (
          <Button type="link" size="small" onClick={() => setNotMark(finding)}>
            不是密级标识
          </Button>
        ) : (
          <Space size={0}>
            <ConfirmButton
              title={`从公开版本中删除“${finding.text}”？`}
              description="将加入删除标记，发布时从正文和附件中删除。"
              onConfirm={() => resolve.mutateAsync({ id: finding.id, status: 'removed', reason: '' })}
            >
              删除
            </ConfirmButton>
            <Button type="link" size="small" onClick={() => setKeeping(finding)}>
              保留
            </Button>
          </Space>
        )),
    });
  }

  return (
    <>
      <Typography.Paragraph>
        提交时自动检查正文和附件（含批注、修订、文档属性、隐藏工作表等）中的身份证号码、手机号码、固定电话、银行卡号、电子邮箱、标签后的个人姓名和密级标识。
        标有密级或保密标识的信息不得公开，不能删除或保留，只能在核实后登记“不是密级标识”。
        {open > 0 ? `还有 ${open} 处未处理，处理完毕后才能审批。` : '检查结果均已处理。'}
      </Typography.Paragraph>
      <Table<Finding>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={detail.findings}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未发现敏感信息" /> }}
      />
      {keeping && (
        <FormModal<{ reason: string }>
          title={`保留：${kinds?.[keeping.kind] ?? keeping.kind}“${keeping.text}”`}
          name="finding-keep"
          okText="保留"
          onSubmit={({ reason }) => resolve.mutateAsync({ id: keeping.id, status: 'accepted', reason })}
          onClose={() => setKeeping(null)}
        >
          <Form.Item
            label="保留理由"
            name="reason"
            rules={[{ required: true, whitespace: true, message: '保留敏感信息须说明理由' }]}
            extra="如：机关公开的办公电话、依法应当公开的信息。"
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} />
          </Form.Item>
        </FormModal>
      )}
      {notMark && (
        <FormModal<{ reason: string }>
          title={`不是密级标识：“${notMark.text}”`}
          name="finding-not-a-mark"
          okText="登记"
          onSubmit={({ reason }) => resolve.mutateAsync({ id: notMark.id, status: 'not_a_mark', reason })}
          onClose={() => setNotMark(null)}
        >
          <Form.Item
            label="依据"
            name="reason"
            rules={[{ required: true, whitespace: true, message: '须说明为何不是密级标识' }]}
            extra="如：引用在保密管理制度的条文中，并非本文件的密级标识。此登记记入审计日志。"
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}
