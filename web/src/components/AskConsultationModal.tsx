import { Form, Input, Radio } from 'antd';
import { optionsOf } from '../labels';
import { FormModal } from './FormModal';

/**
 * Asking someone's opinion in writing: whom (a co-maker, a third party, another agency —
 * the kinds the capability allows) and what kind of party they are. Shared by documents
 * (SEC-7, LAW-32, LAW-34) and applications (LAW-32, LAW-34).
 */
export function AskConsultationModal<K extends string>(props: {
  name: string;
  kinds: Record<K, string>;
  initialKind: K;
  onSubmit: (values: { kind: K; party: string }) => Promise<unknown>;
  onClose: () => void;
}) {
  return (
    <FormModal<{ kind: K; party: string }>
      title="征求意见"
      name={props.name}
      okText="确定"
      initialValues={{ kind: props.initialKind }}
      onSubmit={props.onSubmit}
      onClose={props.onClose}
    >
      <Form.Item label="征求对象类型" name="kind" rules={[{ required: true, message: '请选择征求对象类型' }]}>
        <Radio.Group aria-label="征求对象类型" options={optionsOf(props.kinds)} />
      </Form.Item>
      <Form.Item label="征求对象" name="party" rules={[{ required: true, whitespace: true, message: '请填写征求对象' }]}>
        <Input maxLength={200} placeholder="如 示例市财政局、某某有限公司" />
      </Form.Item>
    </FormModal>
  );
}
