import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Col, Descriptions, Drawer, Form, Input, Radio, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DeadlineInfo } from '../../components/DeadlineInfo';
import { FormModal } from '../../components/FormModal';
import { useApiMutation } from '../../hooks';
import { formatDateTime } from '../../labels';
import { coordinationApi, coordinationKeys, coordinationQueries } from './api';
import type { ActOnRequestInput, CoordinationAction, CoordinationAnswer, CoordinationDecision, CoordinationRequest } from './types';
import { WordingCompare } from './WordingCompare';

const STATE_COLORS: Record<string, string> = { awaiting: 'processing', changes_proposed: 'warning', agreed: 'success', referred: 'error', decided: 'purple', withdrawn: 'default' };

/** The state as a tag; an unanswered request past its term shows as gone to the city office. */
export function StateTag({ request }: { request: Pick<CoordinationRequest, 'state' | 'stateLabel' | 'overdue'> }) {
  return <Tag color={request.overdue ? 'error' : STATE_COLORS[request.state]}>{request.stateLabel}</Tag>;
}

export const channelLabel = (r: Pick<CoordinationRequest, 'channel' | 'urgent'>) => `${r.channel === 'platform' ? '平台内' : '书面函件'}${r.urgent ? '（紧急）' : ''}`;

const ANSWER_OPTIONS: { value: CoordinationAnswer; label: string }[] = [
  { value: 'agree', label: '同意' },
  { value: 'agree_with_changes', label: '同意，但需修改表述' },
  { value: 'disagree', label: '不同意' },
];
const DECISION_OPTIONS: { value: CoordinationDecision; label: string }[] = [
  { value: 'as_drafted', label: '按拟发布表述发布' },
  { value: 'as_proposed', label: '按对方机关意见修改后发布' },
  { value: 'withhold', label: '暂不发布' },
];

/** One request: what was asked, the two wordings side by side, the answer, the decision, the letters and my moves. */
export function RequestDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { data: request, error } = useQuery(coordinationQueries.request(id));
  return (
    <Drawer open width={760} title="协调请求" onClose={onClose} destroyOnHidden>
      {error && <Alert type="error" showIcon message={error.message} />}
      {!request && !error && <Skeleton active />}
      {request && <RequestView request={request} />}
    </Drawer>
  );
}

function RequestView({ request: r }: { request: CoordinationRequest }) {
  const answered = r.answer !== null;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <StateTag request={r} />
        {r.urgent && <Tag color="red">紧急</Tag>}
      </Space>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label="信息">{r.subjectTitle}</Descriptions.Item>
        <Descriptions.Item label="发起机关">{r.requestingAgencyName}</Descriptions.Item>
        <Descriptions.Item label="被征询机关">{r.answeringAgencyName}</Descriptions.Item>
        <Descriptions.Item label="发函">{`${r.letterNumber}，${channelLabel(r)}，${formatDateTime(r.sentAt)}，${r.sentByName}`}</Descriptions.Item>
        <Descriptions.Item label="答复期限">
          <DeadlineInfo deadline={r.deadline} explain />
        </Descriptions.Item>
        <Descriptions.Item label="需确认的事项">{r.matter}</Descriptions.Item>
        {answered && (
          <Descriptions.Item label="答复">
            {`${r.answerLabel}（${formatDateTime(r.answeredAt)}，${r.answeredByName}${r.answerLetterNumber ? `，${r.answerLetterNumber}` : ''}）`}
            {r.answerOpinion && <div>{r.answerOpinion}</div>}
          </Descriptions.Item>
        )}
        {r.requesterOpinion !== '' && <Descriptions.Item label="发起机关意见">{r.requesterOpinion}</Descriptions.Item>}
        {r.decision && (
          <Descriptions.Item label="市级协调决定">
            {`${r.decisionLabel}（${formatDateTime(r.decidedAt)}，${r.decidedByName}）`}
            <div>{r.decisionOpinion}</div>
          </Descriptions.Item>
        )}
      </Descriptions>
      <WordingCompare ours={r.ourWording} theirs={r.proposedWording} />
      {(r.state === 'agreed' || r.state === 'decided') && (
        <Alert type="success" showIcon message="发布时采用的表述" description={<span style={{ whiteSpace: 'pre-wrap' }}>{r.settledWording}</span>} />
      )}
      <Space wrap>
        <Button icon={<DownloadOutlined />} href={coordinationApi.letterUrl(r.id, 'request')}>
          下载协调确认函（Word）
        </Button>
        {r.hasAnswerLetter && (
          <Button icon={<DownloadOutlined />} href={coordinationApi.letterUrl(r.id, 'answer')}>
            下载复函（Word）
          </Button>
        )}
      </Space>
      <RequestActions request={r} />
    </Space>
  );
}

type Modal = 'answer' | 'reject_changes' | 'decide' | 'withdraw' | null;

function RequestActions({ request: r }: { request: CoordinationRequest }) {
  const [open, setOpen] = useState<Modal>(null);
  const act = useApiMutation(({ action, input }: { action: CoordinationAction; input: ActOnRequestInput }) => coordinationApi.act(r.id, action, input), {
    invalidate: [coordinationKeys.all, ['todos'], ['items']],
    success: '已办理',
  });
  const run = (action: CoordinationAction, input: ActOnRequestInput = {}) => act.mutateAsync({ action, input });
  const can = (action: CoordinationAction) => r.actions.includes(action);
  if (!r.actions.length) return null;
  const byLetter = r.channel === 'letter';
  return (
    <>
      <Typography.Title level={5} style={{ margin: 0 }}>办理</Typography.Title>
      <Space wrap>
        {can('agree') && (
          <Button type="primary" onClick={() => setOpen('answer')}>
            {byLetter ? '登记对方答复' : '答复'}
          </Button>
        )}
        {can('adopt_changes') && (
          <ConfirmButton buttonType="primary" title="采纳对方建议的表述？" description="发布时将采用对方机关建议的表述，请同步修改信息正文。" onConfirm={() => run('adopt_changes')}>
            采纳修改意见
          </ConfirmButton>
        )}
        {can('reject_changes') && <Button onClick={() => setOpen('reject_changes')}>不采纳，提请市级协调</Button>}
        {can('decide') && (
          <Button type="primary" onClick={() => setOpen('decide')}>
            作出协调决定
          </Button>
        )}
        {can('withdraw') && (
          <Button danger onClick={() => setOpen('withdraw')}>
            撤回请求
          </Button>
        )}
      </Space>
      {open === 'answer' && (
        <FormModal<{ answer: CoordinationAnswer; proposedWording?: string; opinion?: string; letterNumber?: string }>
          title={byLetter ? '登记对方机关的书面答复' : '答复协调请求'}
          name="coordination-answer"
          width={820}
          okText={byLetter ? '登记' : '答复'}
          initialValues={{ answer: 'agree', proposedWording: r.ourWording }}
          onSubmit={({ answer, ...input }) => run(answer, input)}
          onClose={() => setOpen(null)}
        >
          <Form.Item name="answer" label="答复意见" rules={[{ required: true }]}>
            <Radio.Group options={ANSWER_OPTIONS} />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.answer !== b.answer}>
            {({ getFieldValue }) =>
              getFieldValue('answer') === 'agree_with_changes' && (
                <Row gutter={12}>
                  <Col xs={24} md={12}>
                    <Form.Item label="拟发布的表述" htmlFor="coordination-answer-ours">
                      <Input.TextArea id="coordination-answer-ours" value={r.ourWording} readOnly autoSize={{ minRows: 4 }} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item name="proposedWording" label="建议的表述" rules={[{ required: true, message: '请填写建议的表述' }]}>
                      <Input.TextArea autoSize={{ minRows: 4 }} maxLength={5000} />
                    </Form.Item>
                  </Col>
                </Row>
              )
            }
          </Form.Item>
          <Form.Item name="opinion" label="理由或说明（不同意的必填）">
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          {byLetter && (
            <Form.Item name="letterNumber" label="对方复函的发文字号">
              <Input maxLength={60} />
            </Form.Item>
          )}
        </FormModal>
      )}
      {open === 'reject_changes' && (
        <FormModal<{ opinion: string }> title="不采纳修改意见，提请市政务公开主管部门协调" name="coordination-reject" okText="提请协调" onSubmit={(input) => run('reject_changes', input)} onClose={() => setOpen(null)}>
          <WordingCompare ours={r.ourWording} theirs={r.proposedWording} />
          <Form.Item name="opinion" label="不采纳的理由" rules={[{ required: true, message: '请说明不采纳修改意见的理由' }]} style={{ marginTop: 12 }}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </FormModal>
      )}
      {open === 'decide' && (
        <FormModal<{ decision: CoordinationDecision; opinion: string }> title="作出协调决定" name="coordination-decide" width={820} okText="决定" onSubmit={(input) => run('decide', input)} onClose={() => setOpen(null)}>
          <WordingCompare ours={r.ourWording} theirs={r.proposedWording} />
          {r.answerOpinion && <Alert style={{ marginTop: 12 }} type="warning" message={`${r.answeringAgencyName}的意见：${r.answerOpinion}`} />}
          <Form.Item name="decision" label="协调决定" rules={[{ required: true, message: '请选择协调决定' }]} style={{ marginTop: 12 }}>
            <Radio.Group options={DECISION_OPTIONS.filter((o) => o.value !== 'as_proposed' || r.proposedWording !== null)} />
          </Form.Item>
          <Form.Item name="opinion" label="协调意见" rules={[{ required: true, message: '请写明协调意见' }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </FormModal>
      )}
      {open === 'withdraw' && (
        <FormModal<{ opinion: string }>
          title="撤回协调请求"
          name="coordination-withdraw"
          okText="撤回"
          danger
          confirm={() => ({ title: '确认撤回？', content: '撤回后对方机关不再需要答复。' })}
          onSubmit={(input) => run('withdraw', input)}
          onClose={() => setOpen(null)}
        >
          <Form.Item name="opinion" label="撤回理由" rules={[{ required: true, message: '请说明撤回的理由' }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}
