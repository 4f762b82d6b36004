import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { api } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { NewPasswordFields } from '../components/NewPasswordFields';
import { TotpCodeField, TotpEnroll } from '../components/TotpEnroll';
import type { LoginStatus } from '../types';

type Step = Exclude<LoginStatus, 'ok'> | 'password';

/** Login: password, then a TOTP code or, on first login of an account that needs one, TOTP enrolment. */
export default function LoginPage() {
  const [step, setStep] = useState<Step>('password');
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();

  useEffect(() => {
    document.title = '登录 - 政务公开管理平台';
  }, []);

  const finish = () => {
    queryClient.removeQueries(); // nothing cached from an earlier session survives
    const from = (location.state as { from?: string } | null)?.from;
    navigate(from && from !== '/login' ? from : '/', { replace: true });
  };
  const [changed, setChanged] = useState(false);
  const restart = () => setStep('password');

  return (
    <Flex component="main" justify="center" align="center" style={{ minHeight: '100vh', background: '#f0f2f5', padding: 16 }}>
      <Card style={{ width: 420, maxWidth: '100%' }}>
        <Typography.Title level={1} style={{ fontSize: 24, textAlign: 'center' }}>
          政务公开管理平台
        </Typography.Title>
        {step === 'password' && changed && (
          <Alert type="success" showIcon title="密码已修改，请用新密码重新登录。" style={{ marginBottom: 16 }} />
        )}
        {step === 'password' && (
          <PasswordStep onResult={(status) => (status === 'ok' ? finish() : setStep(status))} />
        )}
        {step === 'password_change_required' && (
          <ForcedPasswordChange
            onDone={() => {
              setChanged(true);
              restart();
            }}
            onBack={restart}
          />
        )}
        {step === 'mfa_required' && <MfaStep onDone={finish} onBack={restart} />}
        {step === 'mfa_enroll_required' && (
          <>
            <Alert
              type="info"
              showIcon
              title="您的账号须先绑定动态验证码（TOTP）才能登录。"
              style={{ marginBottom: 16 }}
            />
            <TotpEnroll name="login-enroll" submitText="启用并登录" onEnabled={finish} />
            <BackButton onBack={restart} />
          </>
        )}
      </Card>
    </Flex>
  );
}

function PasswordStep({ onResult }: { onResult: (status: LoginStatus) => void }) {
  const login = useMutation({
    mutationFn: ({ username, password }: { username: string; password: string }) => api.auth.login(username, password),
    onSuccess: (result) => {
      // Failures and a lockout since the last sign-in are told to the owner only, after the right password.
      if (result.notice) Modal.warning({ title: '账号安全提示', content: result.notice });
      onResult(result.status);
    },
  });
  return (
    <Form name="login" layout="vertical" onFinish={login.mutate} requiredMark={false}>
      <ErrorAlert error={login.error} />
      <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
        <Input autoComplete="username" autoFocus />
      </Form.Item>
      <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={login.isPending} block>
        登录
      </Button>
    </Form>
  );
}

function MfaStep({ onDone, onBack }: { onDone: () => void; onBack: () => void }) {
  const verify = useMutation({ mutationFn: api.auth.verifyMfa, onSuccess: onDone });
  return (
    <Form<{ code: string }> name="login-mfa" layout="vertical" onFinish={({ code }) => verify.mutate(code)} requiredMark={false}>
      <Typography.Paragraph>请输入身份验证器应用显示的 6 位动态验证码。</Typography.Paragraph>
      <ErrorAlert error={verify.error} />
      <TotpCodeField />
      <Button type="primary" htmlType="submit" loading={verify.isPending} block>
        验证
      </Button>
      <BackButton onBack={onBack} />
    </Form>
  );
}

/** After a security administrator reset the password: the owner replaces it before anything else, then signs in again. */
function ForcedPasswordChange({ onDone, onBack }: { onDone: () => void; onBack: () => void }) {
  const change = useMutation({ mutationFn: api.auth.changePassword, onSuccess: onDone });
  return (
    <Form<{ currentPassword: string; newPassword: string }>
      name="login-password-change"
      layout="vertical"
      onFinish={({ currentPassword, newPassword }) => change.mutate({ currentPassword, newPassword })}
      requiredMark={false}
    >
      <Alert type="warning" showIcon title="安全管理员重置了您的密码，请先设置只有您本人知道的新密码。" style={{ marginBottom: 16 }} />
      <ErrorAlert error={change.error} />
      <Form.Item label="管理员设置的密码" name="currentPassword" rules={[{ required: true, message: '请输入管理员设置的密码' }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <NewPasswordFields />
      <Button type="primary" htmlType="submit" loading={change.isPending} block>
        修改密码
      </Button>
      <BackButton onBack={onBack} />
    </Form>
  );
}

function BackButton({ onBack }: { onBack: () => void }) {
  return (
    <Button type="link" onClick={onBack} block style={{ marginTop: 8 }}>
      返回重新输入账号密码
    </Button>
  );
}
