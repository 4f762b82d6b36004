import { App, Button, Card, DatePicker, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, keys } from '../../api';
import { FormModal } from '../../components/FormModal';
import { UnitSelect } from '../../components/pickers';
import { useApiMutation, useAppVocabulary } from '../../hooks';
import { FEE_BASIS_LABELS, formatDate, optionsOf } from '../../labels';
import { useSession } from '../../session';
import type { ApplicationAction, ApplicationActionInput, ApplicationDetail, Outcome } from '../../types';
import { OutcomeText } from './ApplicationTags';
import { isExtended, isOpen, outcomeGroups, REVIEW_KINDS, workElsewhere } from './rules';

/** Moves that send the case back or end it without a reply. */
const BACKWARD: readonly ApplicationAction[] = ['return_reply', 'close_no_correction', 'close_no_fee'];

type Dialog = ApplicationAction | 'extend' | 'split' | null;

const refresh = { invalidate: [keys.applications, keys.todos] };

const ELSEWHERE = { review: '请在下方“答复审核”中出具您的审查意见。', delivery: '答复已签发，请在下方“送达”中登记送达。' } as const;

/** No move of the workflow is mine now; work elsewhere on the page is named rather than denied. */
function NothingHere({ elsewhere }: { elsewhere: (keyof typeof ELSEWHERE)[] }) {
  if (elsewhere.length === 0) return <Typography.Text type="secondary">当前没有需要您办理的操作。</Typography.Text>;
  return <Typography.Text>{elsewhere.map((work) => ELSEWHERE[work]).join('')}</Typography.Text>;
}

/**
 * 操作: exactly the moves the server offers this user now (`actions`, labels from the
 * vocabulary), each behind a modal with the fields that move takes, plus the leader's
 * extension (LAW-33). A refusal (409 with its Chinese reason) stays in the modal.
 */
export function ApplicationActionsCard({ detail }: { detail: ApplicationDetail }) {
  const vocabulary = useAppVocabulary();
  const { hasRole } = useSession();
  const [dialog, setDialog] = useState<Dialog>(null);
  const label = (a: ApplicationAction) => vocabulary?.actions[a] ?? a;
  // LAW-33: a leader, or the head of the disclosure office (office + department head) where the agency allows it; the server decides.
  const canExtend = (hasRole('leader') || (hasRole('office') && hasRole('dept_head'))) && isOpen(detail.state) && detail.state !== 'unconfirmed' && !isExtended(detail);
  const canSplit = hasRole('office') && (detail.state === 'received' || detail.state === 'handling');
  const close = () => setDialog(null);

  return (
    <Card title="操作" className="no-print" style={{ marginBottom: 16 }}>
      {detail.actions.length === 0 && !canExtend && !canSplit ? (
        <NothingHere elsewhere={workElsewhere(detail, hasRole)} />
      ) : (
        <Space wrap>
          {detail.actions.map((a) => (
            <Button
              key={a}
              type={BACKWARD.includes(a) ? 'default' : 'primary'}
              danger={BACKWARD.includes(a)}
              onClick={() => setDialog(a)}
            >
              {label(a)}
            </Button>
          ))}
          {canExtend && <Button onClick={() => setDialog('extend')}>延期</Button>}
          {canSplit && <Button onClick={() => setDialog('split')}>拆分申请</Button>}
        </Space>
      )}
      {dialog === 'extend' && <ExtendModal detail={detail} onClose={close} />}
      {dialog === 'split' && <SplitModal detail={detail} onClose={close} />}
      {dialog && dialog !== 'extend' && dialog !== 'split' && <ActionModal detail={detail} action={dialog} label={label(dialog)} onClose={close} />}
    </Card>
  );
}

/** LAW-33: one extension, approved by the leader, with a letter to the applicant. */
function ExtendModal({ detail, onClose }: { detail: ApplicationDetail; onClose: () => void }) {
  const { message } = App.useApp();
  const extend = useApiMutation((reason: string) => api.applications.extend(detail.id, reason), refresh);
  return (
    <FormModal<{ reason: string }>
      title={`延期答复：${detail.regNumber}`}
      name="application-extend"
      okText="确定"
      onSubmit={async ({ reason }) => {
        await extend.mutateAsync(reason.trim());
        void message.success('已延长答复期限，并生成延期答复告知书');
      }}
      onClose={onClose}
    >
      <Typography.Paragraph>
        需要延长答复期限的，经批准可延长一次，延长期限按本机关设定的工作日数计算，并书面告知申请人（《中华人民共和国政府信息公开条例》第三十三条）。期限届满后不能再延长。
      </Typography.Paragraph>
      <Form.Item label="延期理由" name="reason" rules={[{ required: true, whitespace: true, message: '请填写延期理由' }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}

/** APP-3: one matter per application; the further matters become cases of their own, same receipt and password. */
function SplitModal({ detail, onClose }: { detail: ApplicationDetail; onClose: () => void }) {
  const { message } = App.useApp();
  const split = useApiMutation((parts: string[]) => api.applications.split(detail.id, parts), refresh);
  return (
    <FormModal<{ parts: string }>
      title={`拆分申请：${detail.regNumber}`}
      name="application-split"
      okText="确定"
      initialValues={{ parts: detail.description }}
      onSubmit={async ({ parts }) => {
        await split.mutateAsync(parts.split('\n').map((p) => p.trim()).filter(Boolean));
        void message.success('已拆分，其余事项另行登记');
      }}
      onClose={onClose}
    >
      <Typography.Paragraph>
        一份申请只能提出一项政府信息的申请。每行填写一项：第一项留在本申请，其余各项另行登记，收到时间和查询密码与本申请相同，申请人可在本申请的查询页面看到新的查询码。
      </Typography.Paragraph>
      <Form.Item label="拆分后的申请内容" name="parts" rules={[{ required: true, whitespace: true, message: '请逐行填写申请内容' }]}>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={8000} />
      </Form.Item>
    </FormModal>
  );
}

/** The modal's values: the move's input, with date pickers still holding dayjs values. */
type ActionForm = Omit<ApplicationActionInput, 'receivedAt'> & { receivedAt?: Dayjs | null };

/** Drops blank optional fields (the server takes a value or nothing, never null) and formats the moment. */
function toInput({ receivedAt, ...rest }: ActionForm): ApplicationActionInput {
  const input = Object.fromEntries(
    Object.entries(rest).filter(([, value]) => value !== null && value !== undefined && value !== ''),
  ) as ApplicationActionInput;
  for (const key of ['note', 'needed', 'correction', 'text', 'alreadyPublicWhere', 'holderAgency', 'reasonsDue'] as const) {
    if (typeof input[key] === 'string') input[key] = input[key].trim();
  }
  return receivedAt ? { ...input, receivedAt: receivedAt.format() } : input;
}

interface ActionModalProps {
  detail: ApplicationDetail;
  action: ApplicationAction;
  label: string;
  onClose: () => void;
}

function ActionModal({ detail, action, label, onClose }: ActionModalProps) {
  const { message } = App.useApp();
  const act = useApiMutation((input: ApplicationActionInput) => api.applications.act(detail.id, action, input), refresh);
  const initialValues: ActionForm =
    action === 'draft_reply' && detail.reply
      ? {
          outcome: detail.reply.outcome,
          text: detail.reply.text,
          alreadyPublicWhere: detail.reply.alreadyPublicWhere,
          holderAgency: detail.reply.holderAgency,
        }
      : action === 'notify_fee'
        ? { feeBasis: 'count' }
        : action === 'assign' && detail.unitId
          ? { unitId: detail.unitId }
          : {};
  return (
    <FormModal<ActionForm>
      title={`${label}：${detail.regNumber}`}
      name={`application-${action}`}
      okText="确定"
      danger={BACKWARD.includes(action)}
      width={action === 'draft_reply' ? 760 : undefined}
      initialValues={initialValues}
      onSubmit={async (values) => {
        await act.mutateAsync(toInput(values));
        void message.success(`“${label}”已完成`);
      }}
      onClose={onClose}
    >
      <ActionFields action={action} detail={detail} />
    </FormModal>
  );
}

const requiredText = (message: string) => [{ required: true, whitespace: true, message }];

function NoteField({ label = '意见', required, message, extra }: { label?: string; required?: boolean; message?: string; extra?: string }) {
  return (
    <Form.Item label={label} name="note" rules={required ? requiredText(message ?? `请填写${label}`) : []} extra={extra}>
      <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} />
    </Form.Item>
  );
}

/** The fields each move takes (POST /applications/:id/actions/:action). */
function ActionFields({ action, detail }: { action: ApplicationAction; detail: ApplicationDetail }) {
  const vocabulary = useAppVocabulary();
  switch (action) {
    case 'assign':
      return (
        <>
          <Typography.Paragraph>交由掌握该信息的部门拟定答复。收到申请之日起7个工作日内仍可一次性告知补正（《中华人民共和国政府信息公开条例》第三十条）。</Typography.Paragraph>
          <Form.Item label="承办部门" name="unitId" rules={[{ required: true, message: '请选择承办部门' }]}>
            <UnitSelect agencyId={detail.agencyId} />
          </Form.Item>
          <NoteField label="分办说明" extra="选填，如办理要求。" />
        </>
      );
    case 'request_correction':
      return (
        <>
          <Typography.Paragraph>
            申请内容不明确的，须在收到申请之日起 7 个工作日内一次性告知补正（《中华人民共和国政府信息公开条例》第三十条）。告知后答复期限暂停，收到补正后重新计算；系统生成补正告知书。
          </Typography.Paragraph>
          <Form.Item
            label="需补正的内容"
            name="needed"
            rules={requiredText('请写明需要补正的事项')}
            extra="逐项写明需要申请人补充或更正的内容，补正只能要求一次。"
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={2000} />
          </Form.Item>
        </>
      );
    case 'correct':
      return (
        <>
          {detail.correction && (
            <Typography.Paragraph>
              需补正的内容：<span style={{ whiteSpace: 'pre-wrap' }}>{detail.correction.needed}</span>
              <br />
              补正期限：{formatDate(detail.correction.due)}
            </Typography.Paragraph>
          )}
          <Form.Item label="补正内容" name="correction" rules={requiredText('请填写补正内容')}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={4000} />
          </Form.Item>
          <Form.Item label="收到时间" name="receivedAt" extra="选填，补正材料的收到时间，不填为现在；答复期限自此重新计算（《中华人民共和国政府信息公开条例》第三十条）。">
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              disabledDate={(day) => day.isAfter(dayjs(), 'day')}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </>
      );
    case 'close_no_correction':
      return (
        <>
          <Typography.Paragraph>
            补正期限{detail.correction ? `至 ${formatDate(detail.correction.due)}` : ''}。申请人无正当理由逾期不补正的，视为放弃申请，本件按“其他处理：逾期不补正”办结（《中华人民共和国政府信息公开条例》第三十条），计入年报表三。
          </Typography.Paragraph>
          <NoteField extra="选填。" />
        </>
      );
    case 'notify_fee':
      return (
        <>
          <Typography.Paragraph>
            申请数量、频次明显超过合理范围的，可以收取信息处理费（《中华人民共和国政府信息公开条例》第四十二条）：按件计收，同一申请人一个自然月内 10 件以下不收费，11–30 件每件 100
            元，此后每增加 10 件加收 100 元；按量计收，分段累进：第 1–30 页不收费，第 31–100 页每页 10 元，第 101–200 页每页 20 元，200 页以上每页 40 元（如 250 页为 4700 元）。未达标准的不得收费。发出通知后答复期限暂停；申请人自收到通知之日起
            20 个工作日内缴费，收到日期送达后登记。
          </Typography.Paragraph>
          <Form.Item label="计费方式" name="feeBasis" rules={[{ required: true, message: '请选择计费方式' }]}>
            <Radio.Group aria-label="计费方式" options={optionsOf(FEE_BASIS_LABELS)} />
          </Form.Item>
          <Form.Item noStyle dependencies={['feeBasis']}>
            {({ getFieldValue }) =>
              getFieldValue('feeBasis') === 'pages' && (
                <Form.Item label="页数" name="pages" rules={[{ required: true, message: '请填写本件信息的页数' }]}>
                  <InputNumber min={0} max={100000} precision={0} style={{ width: 160 }} />
                </Form.Item>
              )
            }
          </Form.Item>
          <NoteField extra="选填。" />
        </>
      );
    case 'confirm_receipt':
      return (
        <>
          <Typography.Paragraph>
            在线、电子邮件和传真申请以双方确认之日为收到日（《中华人民共和国政府信息公开条例》第三十一条），只能在工作日确认；确认后答复期限自今日起计算。
          </Typography.Paragraph>
          <NoteField
            label="告知申请人的方式"
            required={detail.channel !== 'online'}
            message="请写明如何告知申请人已确认收到"
            extra={detail.channel === 'online' ? '选填；不填为“通过申请查询页面告知申请人”。' : '如：已回复电子邮件、已电话告知。'}
          />
        </>
      );
    case 'fee_notice_received':
      return (
        <>
          <Typography.Paragraph>申请人收到收费通知的时间；缴费期限自该日起 20 个工作日（《中华人民共和国政府信息公开条例》第四十二条）。</Typography.Paragraph>
          <Form.Item label="收到时间" name="receivedAt" extra="选填，不填为现在。">
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={(day) => day.isAfter(dayjs(), 'day')} style={{ width: '100%' }} />
          </Form.Item>
        </>
      );
    case 'ask_reasons':
      return (
        <>
          <Typography.Paragraph>
            申请数量、频次明显超过合理范围的，可以要求申请人说明理由（《中华人民共和国政府信息公开条例》第三十五条）；系统生成说明理由通知书。
          </Typography.Paragraph>
          <NoteField label="需说明的事项" required message="请写明需要申请人说明的事项" />
          <Form.Item label="说明期限" name="reasonsDue" rules={[{ required: true, message: '请确定说明理由的期限' }]}>
            <Input type="date" style={{ width: 200 }} />
          </Form.Item>
        </>
      );
    case 'record_reasons':
      return <NoteField label="申请人说明的理由" required message="请填写申请人说明的理由" />;
    case 'reasons_unreasonable':
      return (
        <>
          <Typography.Paragraph>认定理由不合理后，拟定“不予处理：无正当理由大量反复申请”的答复。</Typography.Paragraph>
          <NoteField label="认定依据" required message="请写明认定理由不合理的依据" />
        </>
      );
    case 'reasons_reasonable':
      return (
        <>
          <Typography.Paragraph>理由合理但无法在规定期限内答复的，确定延迟答复的合理期限并告知申请人；系统生成延迟答复告知书。</Typography.Paragraph>
          <Form.Item label="答复期限（工作日）" name="workdays" rules={[{ required: true, message: '请填写答复期限' }]}>
            <InputNumber min={1} max={200} precision={0} style={{ width: 160 }} />
          </Form.Item>
          <NoteField label="确定期限的理由" required message="请写明确定延迟答复期限的理由" />
        </>
      );
    case 'fee_paid':
      return (
        <>
          <Typography.Paragraph>
            登记申请人已缴纳信息处理费{detail.fee ? ` ${detail.fee.amount} 元` : ''}，答复期限恢复计算（《中华人民共和国政府信息公开条例》第四十二条）。
          </Typography.Paragraph>
          <NoteField label="备注" extra="选填，如缴费凭证号。" />
        </>
      );
    case 'close_no_fee':
      return (
        <>
          <Typography.Paragraph>
            缴费期限{detail.fee?.due ? `至 ${formatDate(detail.fee.due)}` : '自申请人收到通知之日起20个工作日'}。申请人逾期未缴费的，视为放弃申请，本件按“其他处理：逾期未缴费”办结（《中华人民共和国政府信息公开条例》第四十二条），计入年报表三。
          </Typography.Paragraph>
          <NoteField extra="选填。" />
        </>
      );
    case 'draft_reply':
      return <DraftReplyFields />;
    case 'return_reply':
      return <NoteField required message="退回须写明意见" extra="写明需要修改的内容，退回后由承办部门重新拟定答复。" />;
    case 'approve_reply': {
      const missing = REVIEW_KINDS.filter((kind) => !detail.reviews.some((review) => review.kind === kind));
      return (
        <>
          {detail.reply && (
            <Typography.Paragraph>
              答复结果：<OutcomeText outcome={detail.reply.outcome} />
            </Typography.Paragraph>
          )}
          <Typography.Paragraph>
            签发前须完成保密审查、合法性审查和舆情风险评估
            {missing.length ? `，尚缺：${missing.map((kind) => vocabulary?.reviewKinds[kind] ?? kind).join('、')}` : '，三项审查均已完成'}
            。签发后生成答复告知书（Word、PDF），本件办结。
          </Typography.Paragraph>
          <NoteField extra="选填，签发意见。" />
        </>
      );
    }
    case 'withdraw':
      return <NoteField extra="选填。" />;
  }
}

/** LAW-36, LAW-37: the outcome as table 3 counts it, the reasons, and where the information is or who holds it. */
function DraftReplyFields() {
  const vocabulary = useAppVocabulary();
  const form = Form.useFormInstance<ActionForm>();
  const outcome = Form.useWatch('outcome', form) as Outcome | undefined;
  const options = outcomeGroups(vocabulary).map(({ group, outcomes }) => ({
    label: group,
    title: group,
    options: outcomes.map(({ key, label }) => ({ value: key, label })),
  }));
  const reply = outcome ? vocabulary?.outcomes[outcome]?.reply : undefined;
  return (
    <>
      <Form.Item
        label="答复结果"
        name="outcome"
        rules={[{ required: true, message: '请选择答复结果' }]}
        extra={reply ? `答复类型：${vocabulary?.replyTypes[reply] ?? reply}` : '按年报表三的办理结果分类选择。'}
      >
        <Select
          placeholder="选择答复结果"
          options={options}
          showSearch={{ optionFilterProp: 'label' }}
          listHeight={320}
        />
      </Form.Item>
      <Form.Item
        label="答复意见及依据"
        name="text"
        rules={requiredText('请填写答复意见和依据')}
        extra="原文印入答复告知书“现答复如下：”之后（每行一段）：写明答复内容及所依据的条款；不予公开、部分公开、无法提供、不予处理的，须说明理由（《中华人民共和国政府信息公开条例》第三十六条、第三十七条）。"
      >
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={5000} />
      </Form.Item>
      {outcome === 'granted' && (
        <Form.Item
          label="已公开的获取途径"
          name="alreadyPublicWhere"
          extra="该信息已经主动公开的，写明获取的方式和途径（网址、栏目等），答复类型为“已主动公开”；尚未公开的留空（《中华人民共和国政府信息公开条例》第三十六条）。"
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} />
        </Form.Item>
      )}
      {outcome === 'unable_not_held' && (
        <Form.Item
          label="掌握信息的机关"
          name="holderAgency"
          extra="能够确定负责公开该信息的机关的，写明其名称和联系方式（《中华人民共和国政府信息公开条例》第三十六条）。"
        >
          <Input maxLength={200} />
        </Form.Item>
      )}
    </>
  );
}
