import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Flex, Form, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api, keys, queries } from '../api';
import { ConfirmButton } from '../components/ConfirmButton';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageContainer } from '../components/PageContainer';
import { AgencySelect, UserSelect } from '../components/pickers';
import { useApiMutation, useRoleLabel } from '../hooks';
import type { Grant, GrantInput } from '../types';

/** 角色授权: a user's role grants, per agency. The server enforces 三员分立 and shows why it refuses. */
export default function GrantsPage() {
  const [userId, setUserId] = useState<string>();
  return (
    <PageContainer title="角色授权">
      <Alert
        type="info"
        showIcon
        title="系统管理员、安全管理员、安全审计员（三员）须由不同人员担任，且须启用动态验证码。"
        style={{ marginBottom: 16 }}
      />
      <Form<{ userId?: string }>
        name="grant-user"
        layout="inline"
        style={{ marginBottom: 16 }}
        onValuesChange={(_, values) => setUserId(values.userId)}
      >
        <Form.Item label="用户" name="userId">
          <UserSelect allowClear style={{ width: 320 }} />
        </Form.Item>
      </Form>
      {userId ? <UserGrants key={userId} userId={userId} /> : <Empty description="请先选择用户" />}
    </PageContainer>
  );
}

function UserGrants({ userId }: { userId: string }) {
  const roleLabel = useRoleLabel();
  const { data, isLoading, error } = useQuery(queries.grants(userId));
  const roles = useQuery(queries.roles());
  const triad = new Set(roles.data?.items.filter((info) => info.adminTriad).map((info) => info.role));
  const remove = useApiMutation(api.grants.remove, { invalidate: [keys.users], success: '授权已移除' });

  const columns: TableColumnsType<Grant> = [
    { title: '机构', dataIndex: 'agencyName' },
    {
      title: '角色',
      dataIndex: 'role',
      render: (role: Grant['role']) => (
        <Flex gap={4}>
          {roleLabel(role)}
          {triad.has(role) && <Tag color="purple">三员</Tag>}
        </Flex>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 120,
      render: (_, grant) => (
        <ConfirmButton
          danger
          title={`移除“${grant.agencyName}”的${roleLabel(grant.role)}角色？`}
          onConfirm={() => remove.mutateAsync(grant.id)}
        >
          移除
        </ConfirmButton>
      ),
    },
  ];

  return (
    <Flex vertical gap="large">
      <Card title="已授予的角色">
        <ErrorAlert error={error} />
        <Table<Grant>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items}
          loading={isLoading}
          pagination={false}
          locale={{ emptyText: <Empty description="尚未授予任何角色" /> }}
        />
      </Card>
      <AddGrantCard userId={userId} />
    </Flex>
  );
}

function AddGrantCard({ userId }: { userId: string }) {
  const [form] = Form.useForm<GrantInput>();
  const roles = useQuery(queries.roles());
  const add = useApiMutation((input: GrantInput) => api.users.addGrant(userId, input), {
    invalidate: [keys.users],
    success: '角色已授予',
  });
  const options = roles.data?.items.map((info) => ({ value: info.role, label: info.label, description: info.description }));

  return (
    <Card title="授予角色">
      <ErrorAlert error={add.error ?? roles.error} />
      <Form<GrantInput>
        form={form}
        name="grant-add"
        layout="inline"
        style={{ rowGap: 8 }}
        onFinish={(input) => add.mutate(input, { onSuccess: () => form.resetFields() })}
      >
        <Form.Item label="机构" name="agencyId" rules={[{ required: true, message: '请选择机构' }]}>
          <AgencySelect style={{ width: 240 }} />
        </Form.Item>
        <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
          <Select
            style={{ width: 240 }}
            placeholder="选择角色"
            showSearch={{ optionFilterProp: 'label' }}
            listHeight={420}
            loading={roles.isLoading}
            options={options}
            optionRender={(option) => (
              <Flex vertical>
                {option.data.label}
                <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'normal' }}>
                  {option.data.description}
                </Typography.Text>
              </Flex>
            )}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={add.isPending}>
          添加授权
        </Button>
      </Form>
    </Card>
  );
}
