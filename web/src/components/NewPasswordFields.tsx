import { Form, Input } from 'antd';

/**
 * 新密码 + 确认新密码 (field names `newPassword`, `confirmPassword`), checked to match.
 * The server enforces the password policy and its message is shown on refusal.
 */
export function NewPasswordFields({ label = '新密码' }: { label?: string }) {
  return (
    <>
      <Form.Item
        label={label}
        name="newPassword"
        rules={[{ required: true, message: `请输入${label}` }]}
        extra="长度与复杂度要求以安全策略为准。"
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label={`确认${label}`}
        name="confirmPassword"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: `请再次输入${label}` },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(`两次输入的${label}不一致`)),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
