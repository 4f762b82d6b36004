import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Radio, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DeadlineExplanation } from '../../components/DeadlineInfo';
import { FormModal } from '../../components/FormModal';
import { LightTag } from '../../components/LightTag';
import { PageContainer } from '../../components/PageContainer';
import { useApiMutation } from '../../hooks';
import { formatDateTime } from '../../labels';
import { consultationApi, consultationKeys } from './api';
import { ConsultationModal } from './ConsultationListPage';
import { ADOPTION_LABELS, PHASE_COLORS, PHASE_LABELS, type Adoption, type ConsultationComment, type ConsultationDetail } from './types';

/** One consultation: its window, the comments (name masked, phone never shown), marking and the published feedback. */
export default function ConsultationDetailPage() {
  const { id = '' } = useParams();
  const { data: c, error } = useQuery({ queryKey: [...consultationKeys.all, id], queryFn: () => consultationApi.get(id) });
  const [editing, setEditing] = useState(false);
  const [marking, setMarking] = useState<ConsultationComment | null>(null);
  const [publishing, setPublishing] = useState(false);
  const navigate = useNavigate();
  const open = useApiMutation(() => consultationApi.open(id), { invalidate: [consultationKeys.all], success: '已发布征求意见' });
  const remove = useApiMutation(() => consultationApi.remove(id), { invalidate: [consultationKeys.all], success: '已删除' });

  const columns: TableColumnsType<ConsultationComment> = [
    { title: '提交时间', dataIndex: 'submittedAt', width: 150, render: formatDateTime },
    { title: '提交人', dataIndex: 'commenter', width: 90 },
    {
      title: '意见内容',
      dataIndex: 'content',
      render: (content: string, m) => (
        <>
          {m.flags.length > 0 && <Tag color="red">含个人信息：{m.flags.map((f) => f.label).join('、')}</Tag>}
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{content}</Typography.Paragraph>
        </>
      ),
    },
    {
      title: '采纳情况',
      key: 'adoption',
      width: 260,
      render: (_, m) => (
        <>
          {m.adoption ? <Tag>{ADOPTION_LABELS[m.adoption]}</Tag> : '未登记'}
          {m.reason && <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{m.reason}</Typography.Paragraph>}
          {c?.actions.includes('mark') && (
            <Button type="link" size="small" onClick={() => setMarking(m)}>
              登记
            </Button>
          )}
        </>
      ),
    },
  ];

  return (
    <PageContainer
      title={c?.title ?? '征求意见'}
      error={error}
      extra={
        c && (
          <Space wrap>
            <Button icon={<DownloadOutlined />} href={consultationApi.exportUrl(id)}>
              导出意见（Excel）
            </Button>
            {c.actions.includes('withdraw') && <Button onClick={() => setEditing(true)}>修改</Button>}
            {c.actions.includes('withdraw') && (
              <ConfirmButton title="删除这条未发布的征求意见？" danger buttonType="default" onConfirm={() => remove.mutateAsync(undefined).then(() => navigate('/consultation'))}>
                删除
              </ConfirmButton>
            )}
            {c.actions.includes('open') && (
              <ConfirmButton title="发布征求意见？" description={`今日起公开征求意见，至 ${c.closesOn} 截止。`} buttonType="primary" onConfirm={() => open.mutateAsync(undefined)}>
                发布征求意见
              </ConfirmButton>
            )}
            {c.actions.includes('publish_feedback') && (
              <Button type="primary" onClick={() => setPublishing(true)}>
                公布意见采纳情况
              </Button>
            )}
          </Space>
        )
      }
    >
      {c && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions bordered size="small" column={1}>
            <Descriptions.Item label="状态">
              <Tag color={PHASE_COLORS[c.phase]}>{PHASE_LABELS[c.phase]}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="起草单位">{c.unit}</Descriptions.Item>
            <Descriptions.Item label="征求意见期限">
              {c.phase === 'draft' ? `发布之日起至 ${c.closesOn}（不缩短期限时最早可截止于 ${c.earliestClose}）` : `${c.opensOn} 至 ${c.closesOn}`}
              {c.normative && '（规范性文件）'}
            </Descriptions.Item>
            <Descriptions.Item label="征求意见稿">
              <Link to={`/documents/${c.itemId}`}>查看征求意见稿、起草说明和附件</Link>
            </Descriptions.Item>
            {c.shortBasis && <Descriptions.Item label="缩短期限的依据">{c.shortBasis}</Descriptions.Item>}
            <Descriptions.Item label="其他反馈方式">{c.howToComment}</Descriptions.Item>
            {c.feedbackDeadline && (
              <Descriptions.Item label="公布采纳情况期限">
                {c.feedbackDeadline.dueDate} <LightTag light={c.feedbackDeadline.light} />
                <DeadlineExplanation explanation={c.feedbackDeadline.explanation} />
              </Descriptions.Item>
            )}
          </Descriptions>
          {c.comments.some((m) => m.flags.length > 0) && (
            <Alert type="warning" showIcon message="有意见含有身份证号码、电话等个人信息：处理时注意保护，不得对外提供。" />
          )}
          <Card
            title={`收到意见 ${c.comments.length} 条`}
            extra={`采纳 ${c.counts.adopted}　部分采纳 ${c.counts.partly}　未采纳 ${c.counts.notAdopted}`}
          >
            <Table<ConsultationComment> rowKey="id" columns={columns} dataSource={c.comments} pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 条` }} />
          </Card>
          {c.phase === 'feedback_published' && (
            <Card title="已公布的意见采纳情况">
              <Typography.Paragraph>公布时间：{formatDateTime(c.feedbackPublishedAt)}</Typography.Paragraph>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{c.feedbackSummary || '（未收到意见）'}</Typography.Paragraph>
            </Card>
          )}
        </Space>
      )}
      {editing && c && <ConsultationModal consultation={c} onClose={() => setEditing(false)} />}
      {marking && <MarkModal comment={marking} onClose={() => setMarking(null)} />}
      {publishing && c && <FeedbackModal consultation={c} onClose={() => setPublishing(false)} />}
    </PageContainer>
  );
}

function MarkModal({ comment, onClose }: { comment: ConsultationComment; onClose: () => void }) {
  const save = useApiMutation((v: { adoption: Adoption; reason: string }) => consultationApi.mark(comment.id, v), { invalidate: [consultationKeys.all], success: '已登记' });
  return (
    <FormModal<{ adoption: Adoption; reason: string }> title="登记采纳情况" name="mark" initialValues={{ adoption: comment.adoption ?? undefined, reason: comment.reason }} onSubmit={save.mutateAsync} onClose={onClose}>
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 4, expandable: true }}>{comment.content}</Typography.Paragraph>
      <Form.Item label="采纳情况" name="adoption" rules={[{ required: true, message: '请选择' }]}>
        <Radio.Group options={Object.entries(ADOPTION_LABELS).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item label="理由" name="reason" rules={[{ required: true, whitespace: true, message: '请填写采纳或不采纳的理由' }]}>
        <Input.TextArea autoSize={{ minRows: 3 }} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

function FeedbackModal({ consultation: c, onClose }: { consultation: ConsultationDetail; onClose: () => void }) {
  const save = useApiMutation((v: { summary: string | null }) => consultationApi.publishFeedback(c.id, v.summary ?? ''), { invalidate: [consultationKeys.all], success: '已公布意见采纳情况' });
  return (
    <FormModal<{ summary: string | null }>
      title="公布意见采纳情况"
      name="feedback"
      width={640}
      okText="公布"
      confirm={() => ({ title: '确认公布？', content: '公布后在门户网站显示，不能撤回。' })}
      onSubmit={save.mutateAsync}
      onClose={onClose}
    >
      <Typography.Paragraph>
        共收到意见 {c.counts.total} 条，其中采纳 {c.counts.adopted} 条、部分采纳 {c.counts.partly} 条、未采纳 {c.counts.notAdopted} 条。
      </Typography.Paragraph>
      <Form.Item label="未予采纳的主要意见及理由" name="summary" rules={[{ required: c.comments.length > 0, whitespace: true, message: '请写明未予采纳的主要意见及理由' }]}>
        <Input.TextArea autoSize={{ minRows: 5 }} maxLength={5000} showCount />
      </Form.Item>
    </FormModal>
  );
}
