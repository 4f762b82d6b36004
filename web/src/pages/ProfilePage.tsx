import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Flex, Form, Input, Tag } from 'antd';
import { useState } from 'react';
import { api, keys } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { NewPasswordFields } from '../components/NewPasswordFields';
import { PageContainer } from '../components/PageContainer';
import { TotpEnroll } from '../components/TotpEnroll';
import { useApiMutation, useRoleLabel } from '../hooks';
import { useSession } from '../session';

/** 个人中心: profile, password change and TOTP enrolment. */
export default function ProfilePage() {
  const roleLabel = useRoleLabel();
  const { me } = useSession();
  return (
    <PageContainer title="个人中心">
      <Flex vertical gap="large">
        <Card title="基本信息">
          <Descriptions
            column={{ xs: 1, md: 2 }}
            items={[
              { label: '姓名', children: me.user.name },
              { label: '用户名', children: me.user.username },
              { label: '机构', children: me.user.agencyName },
              { label: '部门', children: me.user.unitName ?? '—' },
              { label: '电话', children: me.user.phone ?? '—' },
              { label: '邮箱', children: me.user.email ?? '—' },
              {
                label: '角色',
                span: { xs: 1, md: 2 },
                children: (
                  <Flex gap={4} wrap>
                    {me.grants.map((grant) => (
                      <Tag key={grant.id} color="blue">
                        {roleLabel(grant.role)}（{grant.agencyName}）
                      </Tag>
                    ))}
                  </Flex>
                ),
              },
              {
                label: '动态验证码',
                children: me.user.mfaEnabled ? <Tag color="success">已启用</Tag> : <Tag>未启用</Tag>,
              },
            ]}
          />
        </Card>
        <PasswordCard />
        {!me.user.mfaEnabled && <MfaCard />}
      </Flex>
    </PageContainer>
  );
}

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

function PasswordCard() {
  const [form] = Form.useForm<PasswordForm>();
  const change = useApiMutation(api.auth.changePassword, { success: '密码已修改' });
  const submit = ({ currentPassword, newPassword }: PasswordForm) =>
    change.mutate({ currentPassword, newPassword }, { onSuccess: () => form.resetFields() });

  return (
    <Card title="修改密码">
      <Form<PasswordForm> form={form} name="change-password" layout="vertical" onFinish={submit} style={{ maxWidth: 400 }}>
        <ErrorAlert error={change.error} />
        <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <NewPasswordFields />
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          修改密码
        </Button>
      </Form>
    </Card>
  );
}

function MfaCard() {
  const [enrolling, setEnrolling] = useState(false);
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const enabled = () => {
    void message.success('动态验证码已启用');
    void queryClient.invalidateQueries({ queryKey: keys.me });
  };

  return (
    <Card title="绑定动态验证码">
      {enrolling ? (
        <div style={{ maxWidth: 400 }}>
          <TotpEnroll name="profile-enroll" submitText="启用" onEnabled={enabled} />
        </div>
      ) : (
        <Button type="primary" onClick={() => setEnrolling(true)}>
          开始绑定
        </Button>
      )}
    </Card>
  );
}
