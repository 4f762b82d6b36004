import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Flex, Form, Input, Spin, Typography } from 'antd';
import { api, queries } from '../api';
import { ErrorAlert } from './ErrorAlert';

/** The 6-digit TOTP code input, labelled 动态验证码. */
export function TotpCodeField() {
  return (
    <Form.Item
      label="动态验证码"
      name="code"
      rules={[
        { required: true, message: '请输入动态验证码' },
        { pattern: /^\d{6}$/, message: '动态验证码为 6 位数字' },
      ]}
    >
      <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} placeholder="6 位数字" />
    </Form.Item>
  );
}

interface TotpEnrollProps {
  /** Form name (prefixes the field ids). */
  name: string;
  submitText: string;
  onEnabled: () => void;
}

/** TOTP enrolment: `POST /auth/mfa/setup` for a QR code and secret, then `POST /auth/mfa/enable`. */
export function TotpEnroll({ name, submitText, onEnabled }: TotpEnrollProps) {
  const setup = useQuery(queries.mfaSetup());
  const enable = useMutation({ mutationFn: api.auth.enableMfa, onSuccess: onEnabled });

  if (setup.error) return <ErrorAlert error={setup.error} />;
  if (!setup.data) return <Spin description="正在生成密钥…" />;

  return (
    <Flex vertical gap="small">
      <Typography.Paragraph>
        请用手机上的身份验证器应用（如 Microsoft Authenticator、Google Authenticator、FreeOTP）扫描下方二维码，
        或手动输入密钥，然后填写应用显示的 6 位动态验证码。
      </Typography.Paragraph>
      <img src={setup.data.qrDataUrl} alt="动态验证码绑定二维码" width={192} height={192} />
      <Typography.Text>
        密钥：
        <Typography.Text code copyable>
          {setup.data.secret}
        </Typography.Text>
      </Typography.Text>
      <ErrorAlert error={enable.error} />
      <Form<{ code: string }> name={name} layout="vertical" onFinish={({ code }) => enable.mutate(code)}>
        <TotpCodeField />
        <Button type="primary" htmlType="submit" loading={enable.isPending} block>
          {submitText}
        </Button>
      </Form>
    </Flex>
  );
}
