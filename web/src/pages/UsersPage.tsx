import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Form, Input, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api, keys, queries } from '../api';
import { ConfirmButton } from '../components/ConfirmButton';
import { FormModal } from '../components/FormModal';
import { NewPasswordFields } from '../components/NewPasswordFields';
import { FilterForm, KeywordFilter } from '../components/FilterForm';
import { PageContainer } from '../components/PageContainer';
import { AgencySelect, UnitSelect } from '../components/pickers';
import { useApiMutation, useDebounced, usePagination, useRoleLabel } from '../hooks';
import { formatDateTime } from '../labels';
import { useSession } from '../session';
import type { User } from '../types';

interface Filters {
  q?: string;
  agencyId?: string;
}

const isLocked = (user: User) => Boolean(user.lockedUntil && dayjs(user.lockedUntil).isAfter(dayjs()));

type Dialog = { kind: 'create' } | { kind: 'edit' | 'reset'; user: User } | null;

/**
 * 用户管理. The system administrator creates, edits, disables and enables accounts;
 * the security administrator unlocks them and resets passwords.
 */
export default function UsersPage() {
  const roleLabel = useRoleLabel();
  const { hasRole } = useSession();
  const canManage = hasRole('sys_admin');
  const canSecure = hasRole('security_admin');
  const [filters, setFilters] = useState<Filters>({});
  const q = useDebounced(filters.q?.trim());
  const { paging, resetPage, tablePagination } = usePagination();
  const { data, isFetching, error } = useQuery({
    ...queries.users({ ...paging, q, agencyId: filters.agencyId }),
    placeholderData: keepPreviousData,
  });
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);

  const setStatus = useApiMutation(({ id, status }: Pick<User, 'id' | 'status'>) => api.users.update(id, { status }), {
    invalidate: [keys.users],
    success: '用户状态已更新',
  });
  const unlock = useApiMutation(api.users.unlock, { invalidate: [keys.users], success: '已解锁' });

  const columns: TableColumnsType<User> = [
    { title: '用户名', dataIndex: 'username' },
    { title: '姓名', dataIndex: 'name' },
    { title: '机构', dataIndex: 'agencyName' },
    { title: '部门', dataIndex: 'unitName' },
    {
      title: '角色',
      dataIndex: 'roles',
      render: (roles: User['roles']) => roles.map((role) => <Tag key={role}>{roleLabel(role)}</Tag>),
    },
    {
      title: '状态',
      key: 'status',
      render: (_, user) => (
        <Space size={4} wrap>
          {user.status === 'active' ? <Tag color="success">正常</Tag> : <Tag>已停用</Tag>}
          {isLocked(user) && (
            <Tooltip title={`锁定至 ${formatDateTime(user.lockedUntil)}`}>
              <Tag color="error">已锁定</Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: '动态验证码',
      dataIndex: 'mfaEnabled',
      render: (enabled: boolean) => (enabled ? '已启用' : '未启用'),
    },
    {
      title: '操作',
      key: 'actions',
      render: (_, user) => (
        <Space size={0} wrap>
          {canManage && (
            <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', user })}>
              编辑
            </Button>
          )}
          {canManage &&
            (user.status === 'active' ? (
              <ConfirmButton
                danger
                title={`停用用户“${user.name}”？`}
                description="停用后该用户不能登录。"
                onConfirm={() => setStatus.mutateAsync({ id: user.id, status: 'disabled' })}
              >
                停用
              </ConfirmButton>
            ) : (
              <ConfirmButton
                title={`启用用户“${user.name}”？`}
                onConfirm={() => setStatus.mutateAsync({ id: user.id, status: 'active' })}
              >
                启用
              </ConfirmButton>
            ))}
          {canSecure && isLocked(user) && (
            <ConfirmButton title={`解除“${user.name}”的登录锁定？`} onConfirm={() => unlock.mutateAsync(user.id)}>
              解锁
            </ConfirmButton>
          )}
          {canSecure && (
            <Button type="link" size="small" onClick={() => setDialog({ kind: 'reset', user })}>
              重置密码
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <PageContainer
      title="用户管理"
      error={error}
      extra={
        canManage && (
          <Button type="primary" onClick={() => setDialog({ kind: 'create' })}>
            新增用户
          </Button>
        )
      }
    >
      <FilterForm<Filters> name="user-filter" onChange={setFilters} resetPage={resetPage}>
        <KeywordFilter placeholder="姓名或用户名" />
        <Form.Item label="机构" name="agencyId">
          <AgencySelect allowClear style={{ width: 240 }} />
        </Form.Item>
      </FilterForm>
      <Table<User>
        rowKey="id"
        scroll={{ x: 'max-content' }}
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        pagination={tablePagination(data?.total)}
      />
      {dialog?.kind === 'create' && <UserModal onClose={close} />}
      {dialog?.kind === 'edit' && <UserModal user={dialog.user} onClose={close} />}
      {dialog?.kind === 'reset' && <ResetPasswordModal user={dialog.user} onClose={close} />}
    </PageContainer>
  );
}

interface UserForm {
  username: string;
  name: string;
  agencyId: string;
  unitId: string;
  phone?: string | null;
  email?: string | null;
  newPassword: string;
}

/** Creates a user, or with `user` edits one (its username and agency stay fixed). */
function UserModal({ user, onClose }: { user?: User; onClose: () => void }) {
  const save = useApiMutation(
    ({ username, name, agencyId, unitId, phone, email, newPassword }: UserForm) =>
      user
        ? api.users.update(user.id, { name, unitId, phone, email })
        : api.users.create({ username, name, agencyId, unitId, phone, email, password: newPassword }),
    { invalidate: [keys.users], success: user ? '用户已更新' : '用户已新增' },
  );
  const initialValues = user && { ...user, unitId: user.unitId ?? undefined };
  return (
    <FormModal<UserForm>
      title={user ? `编辑用户：${user.username}` : '新增用户'}
      name="user"
      initialValues={initialValues}
      onSubmit={save.mutateAsync}
      onClose={onClose}
    >
      {!user && (
        <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
          <Input autoComplete="off" />
        </Form.Item>
      )}
      <Form.Item label="姓名" name="name" rules={[{ required: true, message: '请输入姓名' }]}>
        <Input />
      </Form.Item>
      {user ? <UnitField agencyId={user.agencyId} /> : <AgencyUnitFields />}
      <Form.Item label="电话" name="phone">
        <Input />
      </Form.Item>
      <Form.Item label="邮箱" name="email" rules={[{ type: 'email', message: '邮箱格式不正确' }]}>
        <Input />
      </Form.Item>
      {!user && <NewPasswordFields label="初始密码" />}
    </FormModal>
  );
}

/** 机构 then 部门: choosing another agency clears the unit. */
function AgencyUnitFields() {
  const form = Form.useFormInstance<UserForm>();
  const agencyId = Form.useWatch('agencyId', form);
  return (
    <>
      <Form.Item label="机构" name="agencyId" rules={[{ required: true, message: '请选择机构' }]}>
        <AgencySelect onChange={() => form.setFieldValue('unitId', undefined)} />
      </Form.Item>
      <UnitField agencyId={agencyId} />
    </>
  );
}

function UnitField({ agencyId }: { agencyId: string | undefined }) {
  return (
    <Form.Item label="部门" name="unitId" rules={[{ required: true, message: '请选择部门' }]}>
      <UnitSelect agencyId={agencyId} />
    </Form.Item>
  );
}

function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const reset = useApiMutation((newPassword: string) => api.users.resetPassword(user.id, newPassword), {
    success: '密码已重置',
  });
  return (
    <FormModal<{ newPassword: string }>
      title={`重置密码：${user.name}（${user.username}）`}
      name="reset-password"
      okText="重置密码"
      onSubmit={({ newPassword }) => reset.mutateAsync(newPassword)}
      onClose={onClose}
    >
      <NewPasswordFields />
    </FormModal>
  );
}
