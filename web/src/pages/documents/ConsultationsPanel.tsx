import { Button, Empty, Form, Input, Radio, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api, keys } from '../../api';
import { AskConsultationModal } from '../../components/AskConsultationModal';
import { FormModal } from '../../components/FormModal';
import { useApiMutation } from '../../hooks';
import { CONSULTATION_KIND_LABELS, formatDateTime, optionsOf } from '../../labels';
import type { Consultation, ConsultationAnswer, ConsultationKind, ItemDetail } from '../../types';

type AskKind = Exclude<ConsultationKind, 'referral'>;

const ASK_KINDS: Record<AskKind, string> = {
  joint: CONSULTATION_KIND_LABELS.joint,
  third_party: CONSULTATION_KIND_LABELS.third_party,
};

const ANSWERS: Record<ConsultationAnswer['answer'], string> = { consent: '同意公开', refuse: '不同意公开' };

/** Where a consultation stands; a co-maker's silence past its term counts as consent (LAW-34). */
function ConsultationStatus({ consultation: c }: { consultation: Consultation }) {
  if (c.answer === 'consent') return <Tag color="success">同意</Tag>;
  if (c.answer === 'answered') return <Tag color="success">已答复</Tag>;
  if (c.answer === 'refuse') {
    return (
      <Space size={4} wrap>
        <Tag color="error">不同意</Tag>
        {c.overrideReason && <Tag color="warning">以公共利益为由决定公开</Tag>}
      </Space>
    );
  }
  if (c.expired) return <Tag color="warning">{c.kind === 'joint' ? '已逾期（视为同意）' : '已逾期'}</Tag>;
  return <Tag color="processing">待答复</Tag>;
}

interface ConsultationsPanelProps {
  detail: ItemDetail;
  /** Office or secrecy reviewer: record answers. */
  canAnswer: boolean;
  /** …and in department or secrecy review: ask a new party. */
  canAsk: boolean;
  /** The office, while a referral is open: register the authority's one extension (SEC-8). */
  canExtend: boolean;
}

type Dialog = { kind: 'ask' } | { kind: 'answer'; consultation: Consultation } | { kind: 'extend' } | null;

/**
 * 征求意见: co-makers' written consent (SEC-7, 15 working days, silence = consent, LAW-34),
 * third parties' views (LAW-32) and the referral to the secrecy authority (SEC-8).
 */
export function ConsultationsPanel({ detail, canAnswer, canAsk, canExtend }: ConsultationsPanelProps) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const itemId = detail.item.id;
  const refresh = { invalidate: [keys.item(itemId)] };
  const ask = useApiMutation(
    ({ kind, party }: { kind: AskKind; party: string }) => api.documents.addConsultation(itemId, kind, party),
    { ...refresh, success: '已登记征求意见' },
  );
  const answer = useApiMutation(
    ({ id, input }: { id: string; input: ConsultationAnswer }) => api.documents.answerConsultation(id, input),
    { ...refresh, success: '已登记书面意见' },
  );
  const extend = useApiMutation((note: string) => api.documents.extendReferral(itemId, note), {
    invalidate: [keys.documents],
    success: '已登记延长报审期限',
  });
  const openReferral = detail.consultations.some((c) => c.kind === 'referral' && c.answer === null);

  const answerable = (c: Consultation) => c.answer === null && c.kind !== 'referral';
  const columns: TableColumnsType<Consultation> = [
    {
      title: '征求对象',
      dataIndex: 'party',
      render: (party: string, c) => (
        <>
          <div>{party}</div>
          <Typography.Text type="secondary">{CONSULTATION_KIND_LABELS[c.kind]}</Typography.Text>
        </>
      ),
    },
    { title: '发出时间', dataIndex: 'requestedAt', width: 110, render: formatDateTime },
    { title: '状态', key: 'status', width: 120, render: (_, c) => <ConsultationStatus consultation={c} /> },
    {
      title: '书面意见',
      key: 'answerText',
      render: (_, c) =>
        c.answeredAt ? (
          <div style={{ whiteSpace: 'pre-wrap' }}>
            {c.answerText}
            {c.overrideReason && <div>公共利益理由：{c.overrideReason}</div>}
            <Typography.Text type="secondary">{formatDateTime(c.answeredAt)}</Typography.Text>
          </div>
        ) : (
          '—'
        ),
    },
  ];
  if (canAnswer && detail.consultations.some(answerable)) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_, c) =>
        answerable(c) && (
          <Button type="link" size="small" onClick={() => setDialog({ kind: 'answer', consultation: c })}>
            登记意见
          </Button>
        ),
    });
  }

  return (
    <>
      <Typography.Paragraph>
        联合制作的信息须征得其他机关书面同意，15 个工作日内未答复的视为同意（《中华人民共和国政府信息公开条例》第三十四条）；涉及第三方权益的，第三方在 15
        个工作日内提出意见（《中华人民共和国政府信息公开条例》第三十二条）。
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        {canAsk && <Button onClick={() => setDialog({ kind: 'ask' })}>征求意见</Button>}
        {canExtend && openReferral && <Button onClick={() => setDialog({ kind: 'extend' })}>延长报审期限</Button>}
      </Space>
      <Table<Consultation>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={detail.consultations}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无征求意见记录" /> }}
      />
      {dialog?.kind === 'ask' && (
        <AskConsultationModal<AskKind> name="consultation" kinds={ASK_KINDS} initialKind="joint" onSubmit={ask.mutateAsync} onClose={close} />
      )}
      {dialog?.kind === 'answer' && (
        <AnswerModal
          consultation={dialog.consultation}
          onSubmit={(input) => answer.mutateAsync({ id: dialog.consultation.id, input })}
          onClose={close}
        />
      )}
      {dialog?.kind === 'extend' && (
        <FormModal<{ note: string }>
          title="延长报审期限"
          name="referral-extend"
          okText="登记延期"
          onSubmit={({ note }) => extend.mutateAsync(note)}
          onClose={close}
        >
          <Typography.Paragraph>
            保密行政管理部门可在首个期限届满前告知延长一次，延长不超过 7 个工作日。
          </Typography.Paragraph>
          <Form.Item label="延期说明" name="note" rules={[{ required: true, whitespace: true, message: '请填写延期说明' }]}>
            <Input maxLength={500} placeholder="如 市保密局来函告知延期，文号……" />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}

interface AnswerForm {
  answer: ConsultationAnswer['answer'];
  text: string;
  overrideReason?: string | null;
}

function AnswerModal({
  consultation,
  onSubmit,
  onClose,
}: {
  consultation: Consultation;
  onSubmit: (input: ConsultationAnswer) => Promise<unknown>;
  onClose: () => void;
}) {
  return (
    <FormModal<AnswerForm>
      title={`登记意见：${consultation.party}`}
      name="consultation-answer"
      okText="登记"
      onSubmit={({ answer, text, overrideReason }) =>
        onSubmit({ answer, text, ...(answer === 'refuse' && overrideReason ? { overrideReason } : {}) })
      }
      onClose={onClose}
    >
      <Form.Item label="答复" name="answer" rules={[{ required: true, message: '请选择对方的答复' }]}>
        <Radio.Group aria-label="答复" options={optionsOf(ANSWERS)} />
      </Form.Item>
      <Form.Item label="书面意见" name="text" rules={[{ required: true, whitespace: true, message: '请登记书面意见的内容' }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} />
      </Form.Item>
      {consultation.kind === 'third_party' && (
        <Form.Item noStyle dependencies={['answer']}>
          {({ getFieldValue }) =>
            getFieldValue('answer') === 'refuse' && (
              <Form.Item
                label="公共利益理由"
                name="overrideReason"
                extra="可选。认为不公开会对公共利益造成重大影响的，登记理由后可决定公开，并书面告知第三方（《中华人民共和国政府信息公开条例》第三十二条）。"
              >
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
              </Form.Item>
            )
          }
        </Form.Item>
      )}
    </FormModal>
  );
}
