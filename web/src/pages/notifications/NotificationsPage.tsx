import { useQuery } from '@tanstack/react-query';
import { App, Badge, Button, Card, Col, Form, Input, InputNumber, Row, Segmented, Select, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageContainer } from '../../components/PageContainer';
import { useApiMutation, usePagination } from '../../hooks';
import { formatDateTime } from '../../labels';
import { useSession } from '../../session';
import { notificationApi, notificationKeys, notificationQueries } from './api';
import type { MailSettings, NotificationEntry, ReminderSettings } from './types';

/**
 * 通知: the reminders the deadline sweep sends (即将到期, 已逾期, 督办), read and unread, with a link
 * to the subject; each person's channels; the office's reminder thresholds; the deployment's
 * mail server and SMS gateway (system administrator). The duty roster is a page of its own.
 */
export default function NotificationsPage() {
  const { hasRole } = useSession();
  const navigate = useNavigate();
  const tabs = [
    { key: 'inbox', label: '我的通知', children: <Inbox /> },
    { key: 'channels', label: '通知方式', children: <Channels /> },
    ...(hasRole('office') ? [{ key: 'reminders', label: '期限提醒设置', children: <Reminders /> }] : []),
    ...(hasRole('sys_admin') ? [{ key: 'mail', label: '邮件与短信', children: <MailAndSms /> }] : []),
  ];
  return (
    <PageContainer
      title="通知"
      extra={hasRole('office', 'leader', 'opinion_lead', 'dept_head', 'drafter', 'secrecy_reviewer') && <Button onClick={() => navigate('/notifications/duty')}>领导值班表</Button>}
    >
      <Tabs items={tabs} destroyOnHidden />
    </PageContainer>
  );
}

// Status tags use the theme's status colours only (darkened for WCAG AA contrast).
const KIND_COLORS: Record<string, string> = { opened: 'processing', warning: 'warning', red: 'error', unit: 'error', leader: 'error' };

function Inbox() {
  const [filter, setFilter] = useState<'all' | 'unread'>('unread');
  const { paging, resetPage, tablePagination } = usePagination();
  const { data, error, isLoading } = useQuery(notificationQueries.list({ ...paging, ...(filter === 'unread' ? { unread: true } : {}) }));
  const invalidate = { invalidate: [notificationKeys.all] };
  const read = useApiMutation(notificationApi.read, invalidate);
  const unread = useApiMutation(notificationApi.unread, invalidate);
  const readAll = useApiMutation(notificationApi.readAll, { ...invalidate, success: '已全部标为已读' });

  const columns = [
    {
      title: '通知', key: 'title',
      render: (_: unknown, n: NotificationEntry) => (
        <Space direction="vertical" size={2}>
          <Space wrap size={4}>
            {!n.readAt && <Badge status="processing" text="未读" />}
            <Tag color={KIND_COLORS[n.kind] ?? 'default'}>{n.kindLabel}</Tag>
            {n.urgent && <Tag color="error">限时</Tag>}
            {n.link ? <Link to={n.link} onClick={() => !n.readAt && read.mutate(n.id)}>{n.title}</Link> : <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>}
          </Space>
          <Typography.Text type="secondary">{n.body}</Typography.Text>
        </Space>
      ),
    },
    { title: '时间', dataIndex: 'createdAt', key: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
    {
      title: '操作', key: 'actions', width: 110,
      render: (_: unknown, n: NotificationEntry) =>
        n.readAt ? <Button type="link" size="small" onClick={() => unread.mutate(n.id)}>标为未读</Button> : <Button type="link" size="small" onClick={() => read.mutate(n.id)}>标为已读</Button>,
    },
  ];
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented<'all' | 'unread'>
          aria-label="筛选"
          value={filter}
          onChange={(v) => {
            setFilter(v);
            resetPage();
          }}
          options={[{ value: 'unread', label: `未读${data ? `（${data.unread}）` : ''}` }, { value: 'all', label: '全部' }]}
        />
        <Button onClick={() => readAll.mutate(undefined)} disabled={!data?.unread}>全部标为已读</Button>
      </Space>
      <ErrorAlert error={error ?? read.error ?? unread.error ?? readAll.error} />
      <Table<NotificationEntry>
        rowKey="id"
        size="middle"
        loading={isLoading}
        columns={columns}
        dataSource={data?.items}
        pagination={tablePagination(data?.total)}
        locale={{ emptyText: filter === 'unread' ? '没有未读通知' : '暂无通知' }}
        scroll={{ x: 640 }}
      />
    </>
  );
}

function Channels() {
  const { data, error } = useQuery(notificationQueries.preferences());
  const save = useApiMutation(notificationApi.savePreferences, { invalidate: [notificationKeys.settings], success: '通知方式已保存' });
  if (!data) return <ErrorAlert error={error} />;
  return (
    <Card style={{ maxWidth: 640 }}>
      <Typography.Paragraph type="secondary">
        站内通知始终开启。以小时计算的期限（如重大舆情上报）会立即发送邮件；其他期限提醒每天上午8:30汇总为一封邮件。值班领导无论如何设置，都会收到限时事项的邮件和短信。
      </Typography.Paragraph>
      <ErrorAlert error={save.error} />
      <Form layout="horizontal" labelCol={{ span: 6 }} initialValues={data} onFinish={(v: { email: boolean; sms: boolean }) => save.mutate(v)}>
        <Form.Item label="电子邮件" name="email" valuePropName="checked" extra={data.emailAddress ? `发送到 ${data.emailAddress}` : '您的账号没有登记电子邮箱，请联系系统管理员'}>
          <Switch />
        </Form.Item>
        <Form.Item label="短信" name="sms" valuePropName="checked" extra={data.phoneSet ? '发送到账号登记的手机号码' : '您的账号没有登记手机号码'}>
          <Switch />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>保存</Button>
      </Form>
    </Card>
  );
}

function Reminders() {
  const { me } = useSession();
  const offices = me.grants.filter((g) => g.role === 'office');
  const [agencyId, setAgencyId] = useState(offices[0]?.agencyId ?? me.user.agencyId);
  const { data, error } = useQuery(notificationQueries.reminders(agencyId));
  const save = useApiMutation((v: ReminderSettings) => notificationApi.saveReminders(agencyId, v), { invalidate: [notificationKeys.settings], success: '期限提醒设置已保存' });
  const number = (name: keyof ReminderSettings, label: string, unit: string, max: number) => (
    <Form.Item label={label} name={name} rules={[{ required: true, message: `请填写${label}` }]}>
      <InputNumber min={0} max={max} precision={0} addonAfter={unit} />
    </Form.Item>
  );
  return (
    <Card style={{ maxWidth: 720 }}>
      {offices.length > 1 && (
        <Select aria-label="机关" value={agencyId} onChange={setAgencyId} options={offices.map((g) => ({ value: g.agencyId, label: g.agencyName }))} style={{ minWidth: 240, marginBottom: 12 }} />
      )}
      <ErrorAlert error={error ?? save.error} />
      {data && (
        <Form<ReminderSettings> key={agencyId} layout="vertical" initialValues={data} onFinish={(v) => save.mutate(v)}>
          <Typography.Title level={2} style={{ fontSize: 16 }}>以工作日计算的期限</Typography.Title>
          <Row gutter={16}>
            <Col xs={24} sm={8}>{number('warnWorkdays', '到期前提醒', '个工作日', 20)}</Col>
            <Col xs={24} sm={8}>{number('unitAfterWorkdays', '逾期后报科室负责人', '个工作日', 20)}</Col>
            <Col xs={24} sm={8}>{number('leaderAfterWorkdays', '逾期后报分管领导', '个工作日', 40)}</Col>
          </Row>
          <Typography.Title level={2} style={{ fontSize: 16 }}>以小时计算的期限（舆情等）</Typography.Title>
          <Row gutter={16}>
            <Col xs={24} sm={8}>{number('warnHours', '到期前提醒', '小时', 48)}</Col>
            <Col xs={24} sm={8}>{number('unitAfterHours', '逾期后报科室负责人', '小时', 48)}</Col>
            <Col xs={24} sm={8}>{number('leaderAfterHours', '逾期后报分管领导', '小时', 96)}</Col>
          </Row>
          <Button type="primary" htmlType="submit" loading={save.isPending}>保存</Button>
        </Form>
      )}
    </Card>
  );
}

function MailAndSms() {
  const { message } = App.useApp();
  const mail = useQuery(notificationQueries.mail());
  const sms = useQuery(notificationQueries.sms());
  const invalidate = { invalidate: [notificationKeys.settings] };
  const saveMail = useApiMutation((v: MailSettings & { password?: string }) => {
    const { password, ...settings } = v;
    return notificationApi.saveMail(settings, password);
  }, { ...invalidate, success: '邮件服务器设置已保存' });
  const test = useApiMutation(notificationApi.testMail);
  const saveSms = useApiMutation((v: { url: string; secret?: string }) => notificationApi.saveSms({ url: v.url }, v.secret), { ...invalidate, success: '短信网关设置已保存' });
  // The password and the secret are never shown again: the fields empty once saved.
  const [mailForm] = Form.useForm<MailSettings & { password?: string }>();
  const [smsForm] = Form.useForm<{ url: string; secret?: string }>();
  const emptyMail: MailSettings = { host: '', port: 465, security: 'tls', sender: '', senderName: '', user: '', consoleUrl: window.location.origin };
  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} xl={14}>
        <Card title="邮件服务器（SMTP）">
          <ErrorAlert error={mail.error ?? saveMail.error ?? test.error} />
          {mail.data && (
            <Form<MailSettings & { password?: string }> form={mailForm} layout="vertical" initialValues={mail.data.settings ?? emptyMail} onFinish={(v) => saveMail.mutate(v, { onSuccess: () => mailForm.setFieldValue('password', '') })}>
              <Row gutter={16}>
                <Col xs={24} sm={12}><Form.Item label="服务器地址" name="host" rules={[{ required: true, message: '请填写服务器地址' }]}><Input maxLength={255} /></Form.Item></Col>
                <Col xs={12} sm={6}><Form.Item label="端口" name="port" rules={[{ required: true, message: '请填写端口' }]}><InputNumber min={1} max={65535} precision={0} /></Form.Item></Col>
                <Col xs={12} sm={6}>
                  <Form.Item label="加密方式" name="security">
                    <Select options={[{ value: 'tls', label: 'SSL/TLS' }, { value: 'starttls', label: 'STARTTLS' }, { value: 'none', label: '不加密（仅限本机中继）' }]} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}><Form.Item label="发件地址" name="sender" rules={[{ required: true, type: 'email', message: '请填写有效的发件地址' }]}><Input maxLength={255} /></Form.Item></Col>
                <Col xs={24} sm={12}><Form.Item label="发件人名称" name="senderName"><Input maxLength={100} placeholder="政务公开管理平台" /></Form.Item></Col>
                <Col xs={24} sm={12}><Form.Item label="用户名" name="user"><Input maxLength={255} autoComplete="off" /></Form.Item></Col>
                <Col xs={24} sm={12}>
                  <Form.Item label="密码" name="password" extra={mail.data.secretSet ? '已保存密码；留空则不修改' : undefined}>
                    <Input.Password maxLength={255} autoComplete="new-password" />
                  </Form.Item>
                </Col>
                <Col xs={24}><Form.Item label="管理后台地址（邮件中的办理链接）" name="consoleUrl"><Input maxLength={255} placeholder="https://gk.example.gov.cn" /></Form.Item></Col>
              </Row>
              <Space>
                <Button type="primary" htmlType="submit" loading={saveMail.isPending}>保存</Button>
                <Button disabled={!mail.data.configured} loading={test.isPending} onClick={() => test.mutate(undefined, { onSuccess: (r) => void message.success(`测试邮件已发送到 ${r.to}`) })}>
                  发送测试邮件
                </Button>
              </Space>
            </Form>
          )}
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card title="短信网关">
          <Typography.Paragraph type="secondary">
            平台以 POST 方式向网关发送 JSON（to、text、messageId），请求头 x-gongkai-timestamp 为时间戳，x-gongkai-signature 为用共享密钥对“时间戳.请求体”计算的 HMAC-SHA256。
          </Typography.Paragraph>
          <ErrorAlert error={sms.error ?? saveSms.error} />
          {sms.data && (
            <Form form={smsForm} layout="vertical" initialValues={{ url: sms.data.settings?.url ?? '' }} onFinish={(v) => saveSms.mutate(v, { onSuccess: () => smsForm.setFieldValue('secret', '') })}>
              <Form.Item label="网关地址" name="url" rules={[{ required: true, type: 'url', message: '请填写有效的网址' }]}><Input maxLength={500} /></Form.Item>
              <Form.Item label="共享密钥" name="secret" extra={sms.data.secretSet ? '已保存密钥；留空则不修改' : undefined}><Input.Password maxLength={255} autoComplete="new-password" /></Form.Item>
              <Button type="primary" htmlType="submit" loading={saveSms.isPending}>保存</Button>
            </Form>
          )}
        </Card>
      </Col>
    </Row>
  );
}
