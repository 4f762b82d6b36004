import { App, Button, Card, Form, Input, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api, keys } from '../../api';
import { FormModal } from '../../components/FormModal';
import { useApiMutation, useAppVocabulary } from '../../hooks';
import { formatDateTime } from '../../labels';
import { useSession } from '../../session';
import type { ApplicationDetail, ApplicationReview, ReviewKind } from '../../types';
import { REVIEW_KINDS, REVIEWERS } from './rules';

interface Row {
  kind: ReviewKind;
  review: ApplicationReview | undefined;
}

/**
 * APP-6: confidentiality review (保密审查), legality review (合法性审查, the office) and
 * public-opinion risk assessment (舆情风险评估) before the reply is signed. Each button is shown
 * only to its own role while the reply is under review; a later opinion replaces the earlier one.
 */
export function ReviewsCard({ detail }: { detail: ApplicationDetail }) {
  const vocabulary = useAppVocabulary();
  const { hasRole } = useSession();
  const { message } = App.useApp();
  const [kind, setKind] = useState<ReviewKind | null>(null);
  const review = useApiMutation(
    ({ kind, opinion }: { kind: ReviewKind; opinion: string }) => api.applications.review(detail.id, kind, opinion),
    { invalidate: [keys.applications] },
  );
  const label = (k: ReviewKind) => vocabulary?.reviewKinds[k] ?? k;
  const reviewing = detail.state === 'reviewing';
  const mine = REVIEW_KINDS.filter((k) => reviewing && hasRole(REVIEWERS[k]));

  const rows: Row[] = REVIEW_KINDS.map((k) => ({ kind: k, review: detail.reviews.find((r) => r.kind === k) }));
  const columns: TableColumnsType<Row> = [
    { title: '审查事项', dataIndex: 'kind', width: 130, render: (k: ReviewKind) => label(k) },
    {
      title: '状态',
      key: 'status',
      width: 90,
      render: (_, row) => (row.review ? <Tag color="success">已完成</Tag> : <Tag color={reviewing ? 'warning' : 'default'}>待审查</Tag>),
    },
    {
      title: '意见',
      key: 'opinion',
      render: (_, row) =>
        row.review ? (
          <>
            <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{row.review.opinion}</div>
            <Typography.Text type="secondary">
              {row.review.byName} · {formatDateTime(row.review.at)}
            </Typography.Text>
          </>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <Card title="答复审核" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">
        答复签发前须完成保密审查、合法性审查和舆情风险评估，分别由保密审查员、公开办和舆情负责人出具意见。
      </Typography.Paragraph>
      {mine.length > 0 && (
        <Space wrap style={{ marginBottom: 16 }} className="no-print">
          {mine.map((k) => (
            <Button key={k} type="primary" onClick={() => setKind(k)}>
              {label(k)}
            </Button>
          ))}
        </Space>
      )}
      <Table<Row> rowKey="kind" size="small" columns={columns} dataSource={rows} pagination={false} />
      {kind && (
        <FormModal<{ opinion: string }>
          title={`${label(kind)}：${detail.regNumber}`}
          name={`review-${kind}`}
          okText="确定"
          initialValues={{ opinion: detail.reviews.find((r) => r.kind === kind)?.opinion }}
          onSubmit={async ({ opinion }) => {
            await review.mutateAsync({ kind, opinion: opinion.trim() });
            void message.success(`已登记${label(kind)}意见`);
          }}
          onClose={() => setKind(null)}
        >
          <Form.Item
            label={`${label(kind)}意见`}
            name="opinion"
            rules={[{ required: true, whitespace: true, message: '请填写审查意见' }]}
            extra={REVIEW_HINTS[kind]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={2000} />
          </Form.Item>
        </FormModal>
      )}
    </Card>
  );
}

const REVIEW_HINTS: Record<ReviewKind, string> = {
  confidentiality: '拟提供的信息是否涉及国家秘密、商业秘密、个人隐私，公开后是否危及国家安全、公共安全、经济安全和社会稳定。',
  legality: '答复结果、理由和依据是否合法，程序是否完备，期限是否符合规定。',
  opinion_risk: '答复公开后可能引发的舆情风险及应对措施。',
};
