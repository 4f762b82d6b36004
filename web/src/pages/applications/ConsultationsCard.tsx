import { Button, Card, Empty, Form, Input, Radio, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api, keys } from '../../api';
import { AskConsultationModal } from '../../components/AskConsultationModal';
import { DeadlineInfo } from '../../components/DeadlineInfo';
import { FormModal } from '../../components/FormModal';
import { useApiMutation } from '../../hooks';
import { APP_CONSULTATION_ANSWERS, APP_CONSULTATION_KIND_LABELS, formatDateTime, optionsOf } from '../../labels';
import type { AppConsultationAnswer, AppConsultationKind, ApplicationConsultation, ApplicationDetail } from '../../types';
import { canConsult } from './rules';

type Dialog = { kind: 'ask' } | { kind: 'answer'; consultation: ApplicationConsultation } | null;

function Status({ consultation: c }: { consultation: ApplicationConsultation }) {
  if (c.answer === null) return <Tag color="processing">待答复</Tag>;
  if (c.answer === 'consent') return <Tag color="success">同意公开</Tag>;
  if (c.answer === 'no_answer') {
    return <Tag color="warning">{c.kind === 'agency' ? '逾期未答复（视为同意）' : '逾期未提出意见'}</Tag>;
  }
  return (
    <Space size={4} wrap>
      <Tag color="error">不同意公开</Tag>
      {c.overrideReason && <Tag color="warning">以公共利益为由决定公开</Tag>}
    </Space>
  );
}

/**
 * 征求意见: a third party whose rights are touched (LAW-32) or another agency that made the
 * information jointly (LAW-34) has 15 working days; the reply term stops meanwhile. The office
 * asks while the case is handled, one at a time, and records the answer (or the silence).
 */
export function ConsultationsCard({ detail, canEdit }: { detail: ApplicationDetail; canEdit: boolean }) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const refresh = { invalidate: [keys.applications] };
  const ask = useApiMutation(
    ({ kind, party }: { kind: AppConsultationKind; party: string }) => api.applications.consult(detail.id, kind, party.trim()),
    { ...refresh, success: '已登记征求意见，答复期限暂停计算' },
  );
  const answer = useApiMutation(
    ({ id, input }: { id: string; input: AppConsultationAnswer }) => api.applications.answerConsultation(id, input),
    { ...refresh, success: '已登记意见，答复期限恢复计算' },
  );

  const columns: TableColumnsType<ApplicationConsultation> = [
    {
      title: '征求对象',
      dataIndex: 'party',
      render: (party: string, c) => (
        <>
          <div>{party}</div>
          <Typography.Text type="secondary">{APP_CONSULTATION_KIND_LABELS[c.kind]}</Typography.Text>
        </>
      ),
    },
    { title: '发出时间', dataIndex: 'requestedAt', width: 150, render: formatDateTime },
    { title: '答复期限', key: 'deadline', width: 170, render: (_, c) => <DeadlineInfo deadline={c.deadline} explain /> },
    { title: '状态', key: 'status', width: 140, render: (_, c) => <Status consultation={c} /> },
    {
      title: '意见',
      key: 'answerText',
      render: (_, c) =>
        c.answeredAt ? (
          <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {c.answerText}
            {c.overrideReason && <div>公共利益理由：{c.overrideReason}</div>}
            {c.notice && <div>告知第三方：{c.notice}</div>}
            <Typography.Text type="secondary">{formatDateTime(c.answeredAt)}</Typography.Text>
          </div>
        ) : (
          '—'
        ),
    },
  ];
  if (canEdit && detail.consultations.some((c) => c.answeredAt === null)) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 100,
      render: (_, c) =>
        c.answeredAt === null && (
          <Button type="link" size="small" onClick={() => setDialog({ kind: 'answer', consultation: c })}>
            登记意见
          </Button>
        ),
    });
  }

  return (
    <Card title="征求意见" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">
        涉及第三方合法权益的，征求第三方意见（《中华人民共和国政府信息公开条例》第三十二条）；与其他机关共同制作的，征求其他机关意见（《中华人民共和国政府信息公开条例》第三十四条），期限均为 15
        个工作日，所需时间不计入答复期限。
      </Typography.Paragraph>
      {canEdit && canConsult(detail) && (
        <Button style={{ marginBottom: 16 }} className="no-print" onClick={() => setDialog({ kind: 'ask' })}>
          征求意见
        </Button>
      )}
      <Table<ApplicationConsultation>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={detail.consultations}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无征求意见记录" /> }}
      />
      {dialog?.kind === 'ask' && (
        <AskConsultationModal<AppConsultationKind> name="application-consultation" kinds={APP_CONSULTATION_KIND_LABELS} initialKind="third_party" onSubmit={ask.mutateAsync} onClose={close} />
      )}
      {dialog?.kind === 'answer' && (
        <AnswerModal
          consultation={dialog.consultation}
          onSubmit={(input) => answer.mutateAsync({ id: dialog.consultation.id, input })}
          onClose={close}
        />
      )}
    </Card>
  );
}

interface AnswerForm {
  answer: AppConsultationAnswer['answer'];
  text: string;
  overrideReason?: string | null;
  notice?: string | null;
}

/** LAW-32: a third party's refusal may be overridden for a major public interest, with written notice to it. */
function AnswerModal({
  consultation,
  onSubmit,
  onClose,
}: {
  consultation: ApplicationConsultation;
  onSubmit: (input: AppConsultationAnswer) => Promise<unknown>;
  onClose: () => void;
}) {
  const thirdParty = consultation.kind === 'third_party';
  // Silence is recorded only once the 15 working days have passed; another agency's silence is its consent.
  const lapsed = consultation.deadline?.state === 'overdue';
  const { no_answer: silence, ...spoken } = APP_CONSULTATION_ANSWERS;
  const answers = lapsed ? { ...spoken, no_answer: thirdParty ? silence : '逾期未答复（视为同意）' } : spoken;
  return (
    <FormModal<AnswerForm>
      title={`登记意见：${consultation.party}`}
      name="application-consultation-answer"
      okText="确定"
      onSubmit={({ answer, text, overrideReason, notice }) => {
        const override = answer === 'refuse' && thirdParty && overrideReason?.trim();
        return onSubmit({
          answer,
          text: text.trim(),
          ...(override ? { overrideReason: overrideReason!.trim(), notice: notice?.trim() ?? '' } : {}),
        });
      }}
      onClose={onClose}
    >
      <Form.Item label="答复" name="answer" rules={[{ required: true, message: '请选择对方的答复' }]}>
        <Radio.Group aria-label="答复" options={optionsOf(answers)} />
      </Form.Item>
      <Form.Item
        label="意见内容"
        name="text"
        dependencies={['answer']}
        rules={[({ getFieldValue }) => ({ required: getFieldValue('answer') !== 'no_answer', whitespace: true, message: '请登记书面意见的内容' })]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
      </Form.Item>
      {thirdParty && (
        <Form.Item noStyle dependencies={['answer', 'overrideReason']}>
          {({ getFieldValue }) =>
            getFieldValue('answer') === 'refuse' && (
              <>
                <Form.Item
                  label="公共利益理由"
                  name="overrideReason"
                  extra="选填。认为不公开可能对公共利益造成重大影响的，登记理由后可以决定予以公开，并须书面告知第三方（《中华人民共和国政府信息公开条例》第三十二条）。"
                >
                  <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
                </Form.Item>
                {Boolean((getFieldValue('overrideReason') as string | undefined)?.trim()) && (
                  <Form.Item
                    label="书面告知第三方"
                    name="notice"
                    rules={[{ required: true, whitespace: true, message: '以公共利益为由决定公开的，须书面告知第三方（《中华人民共和国政府信息公开条例》第三十二条）' }]}
                    extra="告知书的内容（决定公开的内容和理由），或告知书文号及送达情况。"
                  >
                    <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
                  </Form.Item>
                )}
              </>
            )
          }
        </Form.Item>
      )}
    </FormModal>
  );
}
