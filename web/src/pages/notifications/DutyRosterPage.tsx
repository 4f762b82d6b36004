import { useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageContainer } from '../../components/PageContainer';
import { useApiMutation } from '../../hooks';
import { beijingDayRange, formatDateTime } from '../../labels';
import { useSession } from '../../session';
import { notificationApi, notificationKeys, notificationQueries } from './api';
import type { DutyShift } from './types';

/** A moment picked in the browser, read as the same wall-clock time in Beijing. */
const beijingMoment = (d: Dayjs) => dayjs.tz(d.format('YYYY-MM-DD HH:mm'), 'Asia/Shanghai').format();

type ShiftForm = { userId: string; phone: string; range: [Dayjs, Dayjs]; note?: string };

/**
 * 领导值班表 (OP-7): the leader responsible for a major case is reachable 24 hours. The office
 * and the leaders keep who is on duty when and how to reach them; hour clocks notify them.
 */
export default function DutyRosterPage() {
  const { me, hasRole } = useSession();
  const agencies = [...new Map(me.grants.map((g) => [g.agencyId, g.agencyName])).entries()];
  const [agencyId, setAgencyId] = useState(me.user.agencyId);
  const [days, setDays] = useState<[Dayjs, Dayjs]>([dayjs(), dayjs().add(13, 'day')]);
  const { from, to } = beijingDayRange(days);
  const { data, error, isLoading } = useQuery(notificationQueries.duty(agencyId, from!, to!));
  const editor = me.grants.some((g) => g.agencyId === agencyId && (g.role === 'office' || g.role === 'leader'));
  const candidates = useQuery({ ...notificationQueries.dutyCandidates(agencyId), enabled: editor });
  const add = useApiMutation(notificationApi.addDuty, { invalidate: [notificationKeys.duty], success: '已安排值班' });
  const remove = useApiMutation(notificationApi.removeDuty, { invalidate: [notificationKeys.duty], success: '已删除' });
  const [form] = Form.useForm<ShiftForm>();
  const now = Date.now();

  const columns = [
    {
      title: '值班领导', dataIndex: 'name', key: 'name',
      render: (name: string, d: DutyShift) => (
        <Space>{name}{Date.parse(d.startsAt) <= now && now < Date.parse(d.endsAt) && <Tag color="success">正在值班</Tag>}</Space>
      ),
    },
    { title: '联系电话', dataIndex: 'phone', key: 'phone' },
    { title: '开始', dataIndex: 'startsAt', key: 'startsAt', render: (v: string) => formatDateTime(v) },
    { title: '结束', dataIndex: 'endsAt', key: 'endsAt', render: (v: string) => formatDateTime(v) },
    { title: '备注', dataIndex: 'note', key: 'note' },
    ...(editor
      ? [{
          title: '操作', key: 'actions',
          render: (_: unknown, d: DutyShift) => <ConfirmButton danger title="删除这条值班安排？" onConfirm={() => remove.mutateAsync(d.id)}>删除</ConfirmButton>,
        }]
      : []),
  ];

  return (
    <PageContainer
      title="领导值班表"
      error={error}
      extra={
        <Space wrap>
          {agencies.length > 1 && <Select aria-label="机关" value={agencyId} onChange={setAgencyId} options={agencies.map(([value, label]) => ({ value, label }))} style={{ minWidth: 220 }} />}
          <DatePicker.RangePicker aria-label="日期范围" value={days} allowClear={false} onChange={(v) => v?.[0] && v[1] && setDays([v[0], v[1]])} />
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        重大舆情的负责领导须24小时可联系。以小时计算的期限开始、临近和逾期时，系统立即通知当时的值班领导（站内、邮件和短信），不论其通知方式设置。时间均为北京时间。
      </Typography.Paragraph>
      <Table<DutyShift> rowKey="id" size="middle" loading={isLoading} columns={columns} dataSource={data?.items} pagination={false} locale={{ emptyText: '该时段没有值班安排' }} scroll={{ x: 720 }} />
      {editor && hasRole('office', 'leader') && (
        <Card title="安排值班" style={{ marginTop: 16, maxWidth: 720 }}>
          <ErrorAlert error={add.error ?? candidates.error} />
          <Form<ShiftForm>
            form={form}
            layout="vertical"
            onFinish={(v) =>
              add.mutate(
                { agencyId, userId: v.userId, phone: v.phone, startsAt: beijingMoment(v.range[0]), endsAt: beijingMoment(v.range[1]), ...(v.note ? { note: v.note } : {}) },
                { onSuccess: () => form.resetFields() },
              )
            }
          >
            <Form.Item label="值班领导" name="userId" rules={[{ required: true, message: '请选择值班领导' }]}>
              <Select options={candidates.data?.items.map((u) => ({ value: u.id, label: u.name }))} placeholder="本机关的分管领导" />
            </Form.Item>
            <Form.Item label="联系电话" name="phone" rules={[{ required: true, whitespace: true, message: '请填写值班联系电话' }]}>
              <Input maxLength={40} />
            </Form.Item>
            <Form.Item label="值班时间（北京时间）" name="range" rules={[{ required: true, message: '请选择值班时间' }]}>
              <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
            </Form.Item>
            <Form.Item label="备注" name="note">
              <Input maxLength={200} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={add.isPending}>保存</Button>
          </Form>
        </Card>
      )}
    </PageContainer>
  );
}
