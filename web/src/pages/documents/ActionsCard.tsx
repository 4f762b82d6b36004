import { App, Button, Card, Checkbox, Form, Input, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, keys } from '../../api';
import { FormModal } from '../../components/FormModal';
import { useApiMutation, useVocabulary } from '../../hooks';
import { optionsOf } from '../../labels';
import type { ActionInput, ItemAction, ItemDetail } from '../../types';
import { needsLeadingGroupReview } from './rules';

/** Moves that send the item back rather than forward. */
const BACKWARD: readonly ItemAction[] = ['return'];

/**
 * 操作: exactly the moves the server offers this user now (`actions`), each behind a modal
 * with the fields that move takes. A refusal (409, reasons joined by ；) stays in the modal.
 */
export function ActionsCard({ detail }: { detail: ItemDetail }) {
  const vocabulary = useVocabulary();
  const [action, setAction] = useState<ItemAction | null>(null);
  const label = (a: ItemAction) => vocabulary?.actions[a] ?? a;

  return (
    <Card title="操作" className="no-print" style={{ marginBottom: 16 }}>
      {detail.actions.length === 0 ? (
        <Typography.Text type="secondary">当前没有需要您办理的操作。</Typography.Text>
      ) : (
        <Space wrap>
          {detail.actions.map((a) => (
            <Button
              key={a}
              type={BACKWARD.includes(a) ? 'default' : 'primary'}
              danger={BACKWARD.includes(a)}
              onClick={() => setAction(a)}
            >
              {label(a)}
            </Button>
          ))}
        </Space>
      )}
      {action && <ActionModal detail={detail} action={action} label={label(action)} onClose={() => setAction(null)} />}
    </Card>
  );
}

/** Drops blank optional fields: the server takes a text or nothing, never null. */
function compact(input: ActionInput): ActionInput {
  return Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== null && value !== undefined && value !== ''),
  ) as ActionInput;
}

interface ActionModalProps {
  detail: ItemDetail;
  action: ItemAction;
  label: string;
  onClose: () => void;
}

function ActionModal({ detail, action, label, onClose }: ActionModalProps) {
  const { message } = App.useApp();
  const { item } = detail;
  const act = useApiMutation((input: ActionInput) => api.documents.act(item.id, action, compact(input)), {
    invalidate: [keys.documents, keys.todos],
  });
  const onSubmit = async (input: ActionInput) => {
    await act.mutateAsync(input);
    void message.success(`“${label}”已完成`);
  };
  // The city's disclosure platform is where every proactive item goes (PUB-5): ticked unless chosen otherwise before.
  const initialValues: ActionInput = action === 'publish' ? { channels: item.channels.length ? item.channels : ['platform'] } : {};
  return (
    <FormModal<ActionInput>
      title={`${label}：${item.title}`}
      name={`action-${action}`}
      okText={label}
      danger={BACKWARD.includes(action)}
      initialValues={initialValues}
      onSubmit={onSubmit}
      onClose={onClose}
    >
      <ActionFields action={action} detail={detail} />
    </FormModal>
  );
}

const opinionRequired = (message: string) => [{ required: true, whitespace: true, message }];

function OpinionField({ required, message, extra }: { required?: boolean; message?: string; extra?: string }) {
  return (
    <Form.Item label="意见" name="opinion" rules={required ? opinionRequired(message ?? '请填写意见') : []} extra={extra}>
      <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} />
    </Form.Item>
  );
}

function ReasonField({ message, extra }: { message: string; extra?: string }) {
  return (
    <Form.Item label="理由" name="reason" rules={opinionRequired(message)} extra={extra}>
      <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
    </Form.Item>
  );
}

/** The fields each move takes (POST /items/:id/actions/:action). */
function ActionFields({ action, detail }: { action: ItemAction; detail: ItemDetail }) {
  const vocabulary = useVocabulary();
  const { item } = detail;
  switch (action) {
    case 'submit':
      return <Typography.Paragraph>提交后由公开办核查公开属性，并对正文和附件进行敏感信息检查。</Typography.Paragraph>;
    case 'return':
      return <OpinionField required message="退回须写明意见" extra="写明需要拟稿人修改的内容。" />;
    case 'dept_opinion':
      return <OpinionField required message="请填写科室初审意见" extra="提供单位对公开属性、内容准确性的初审意见。" />;
    case 'refer_answer':
      return (
        <OpinionField
          required
          message="请登记保密行政管理部门的书面答复"
          extra="登记保密行政管理部门的书面答复；登记后回到保密审查，由保密审查员出具结论。"
        />
      );
    case 'secrecy_opinion':
      return (
        <>
          <Form.Item
            label="审查结论"
            name="conclusion"
            rules={[{ required: true, message: '请选择审查结论' }]}
            extra="类别不明确的选择“需报审”，报保密行政管理部门审定。"
          >
            <Radio.Group aria-label="审查结论" options={optionsOf(vocabulary?.conclusions)} />
          </Form.Item>
          <OpinionField
            required
            message="请填写保密审查意见"
            extra="是否涉及国家秘密、商业秘密、个人隐私，公开后是否危及安全和稳定；需报审的，写明无法确定的理由（报审函）。"
          />
        </>
      );
    case 'pass_check':
      return (
        <>
          {needsLeadingGroupReview(item) && (
            <Form.Item
              label="领导小组审核意见"
              name="leadingGroupReview"
              initialValue={item.leadingGroupReview || undefined}
              rules={opinionRequired('请登记领导小组审核意见')}
              extra="拟不公开的政策性文件须经政务公开工作领导小组审核，请登记审核意见。"
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} />
            </Form.Item>
          )}
          <OpinionField />
        </>
      );
    case 'approve':
      return <OpinionField extra="可填写审批意见，如“同意公开”。" />;
    case 'publish':
      return (
        <>
          <Form.Item
            label="发布渠道"
            name="channels"
            rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个发布渠道' }]}
          >
            <Checkbox.Group aria-label="发布渠道" options={optionsOf(vocabulary?.channels)} />
          </Form.Item>
          <Typography.Paragraph type="secondary">
            发布时生成索引号，并按删除标记生成正文和附件的公开版本。
          </Typography.Paragraph>
        </>
      );
    case 'convert_to_proactive':
      return <ReasonField message="请说明转为主动公开的理由" extra="转为主动公开后，信息重新进入公开属性核查和审查流程。" />;
    case 'revise':
      return <ReasonField message="请说明修订理由" extra="修订后信息回到拟稿状态，重新审查后发布新版本；自修订之日起重新计算公开期限。" />;
  }
}
