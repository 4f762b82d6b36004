import { App, Button, Popconfirm, type ButtonProps } from 'antd';
import type { ReactNode } from 'react';

interface ConfirmButtonProps {
  /** The question asked before acting. */
  title: string;
  description?: ReactNode;
  danger?: boolean;
  /** Defaults to a small link button, as in a table row. */
  buttonType?: ButtonProps['type'];
  onConfirm: () => Promise<unknown>;
  children: ReactNode;
}

/** An action behind a Popconfirm; the server's refusal is shown as a message. */
export function ConfirmButton({ title, description, danger, buttonType = 'link', onConfirm, children }: ConfirmButtonProps) {
  const { message } = App.useApp();
  return (
    <Popconfirm
      title={title}
      description={description}
      okText="确定"
      cancelText="取消"
      okButtonProps={{ danger }}
      onConfirm={() => onConfirm().catch((error: Error) => void message.error(error.message))}
    >
      <Button type={buttonType} size={buttonType === 'link' ? 'small' : 'middle'} danger={danger}>
        {children}
      </Button>
    </Popconfirm>
  );
}
