import { App, Form, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert';

interface FormModalProps<T> {
  title: string;
  /** Form name: prefixes the field ids, so labels stay unique on the page. */
  name: string;
  initialValues?: Partial<T>;
  okText?: string;
  danger?: boolean;
  /** Wider than antd's 520 px, for long option labels. */
  width?: number;
  /** Ask for a second confirmation before submitting (destructive actions); null = no need this time. */
  confirm?: (values: T) => { title: string; content: ReactNode } | null;
  onSubmit: (values: T) => Promise<unknown>;
  onClose: () => void;
  children: ReactNode;
}

/** Blank optional text fields are sent as null ("no value"), never as "". */
function blanksToNull<T extends object>(values: T): T {
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [key, typeof value === 'string' && value.trim() === '' ? null : value]),
  ) as T;
}

/**
 * A Modal holding one vertical form. Mount it only while open: each opening starts from
 * `initialValues`. A failed submit keeps the Modal open and shows the server's message.
 */
export function FormModal<T extends object>({
  title,
  name,
  initialValues,
  okText = '保存',
  danger,
  width,
  confirm,
  onSubmit,
  onClose,
  children,
}: FormModalProps<T>) {
  const [form] = Form.useForm<T>();
  const { modal } = App.useApp();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<Error | null>(null);

  const submit = async (raw: T) => {
    const values = blanksToNull(raw);
    const question = confirm?.(values);
    if (question) {
      const confirmed = await modal.confirm({ ...question, okText: '确认', cancelText: '取消', okButtonProps: { danger: true } });
      if (!confirmed) return;
    }
    setSubmitting(true);
    setError(null);
    try {
      await onSubmit(values);
      onClose();
    } catch (caught) {
      setError(caught as Error);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      width={width}
      okText={okText}
      cancelText="取消"
      confirmLoading={submitting}
      okButtonProps={{ htmlType: 'submit', danger }}
      onCancel={onClose}
      destroyOnHidden
      modalRender={(dom) => (
        <Form<T> form={form} name={name} layout="vertical" initialValues={initialValues} onFinish={submit}>
          {dom}
        </Form>
      )}
    >
      <ErrorAlert error={error} />
      {children}
    </Modal>
  );
}
