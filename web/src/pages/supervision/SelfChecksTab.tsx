import { useQuery } from '@tanstack/react-query';
import { App, Button, DatePicker, Drawer, Empty, Flex, Form, Input, List, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { useApiMutation } from '../../hooks';
import { DATE_FORMAT, formatDateTime } from '../../labels';
import { useSession } from '../../session';
import { supervisionApi, supervisionKeys } from './api';
import type { Finding, SelfCheckWeek } from './types';

const STATES = { unchecked: { color: 'error', label: '未自查' }, open: { color: 'processing', label: '自查中' }, done: { color: 'success', label: '已完成' } } as const;
const keyOf = (week: string) => [...supervisionKeys.all, 'self-checks', week];

/** 每周自查 (SUP-4): each unit's check of a week; a week not checked shows as 未自查. */
export function SelfChecksTab() {
  const { hasRole } = useSession();
  const { message } = App.useApp();
  const [week, setWeek] = useState<Dayjs>(dayjs());
  const [openId, setOpenId] = useState<string | null>(null);
  const day = week.format(DATE_FORMAT);
  const { data, isFetching, error } = useQuery({ queryKey: keyOf(day), queryFn: () => supervisionApi.selfChecks(day) });
  const start = useApiMutation((unitId: string) => supervisionApi.openSelfCheck(unitId, day), { invalidate: [supervisionKeys.all] });
  const checker = hasRole('office', 'dept_head');
  const columns: TableColumnsType<SelfCheckWeek['units'][number]> = [
    { title: '部门', dataIndex: 'unit' },
    { title: '状态', dataIndex: 'state', width: 110, render: (s: keyof typeof STATES) => <Tag color={STATES[s].color}>{STATES[s].label}</Tag> },
    { title: '发现问题', dataIndex: 'findings', width: 100 },
    { title: '待处理', dataIndex: 'open', width: 100 },
    { title: '完成时间', dataIndex: 'completedAt', width: 170, render: formatDateTime },
    {
      title: '操作',
      key: 'action',
      width: 120,
      render: (_, u) =>
        u.checkId ? (
          <Button type="link" size="small" onClick={() => setOpenId(u.checkId)}>
            {u.state === 'open' && checker ? '继续自查' : '查看'}
          </Button>
        ) : (
          checker && (
            <Button
              type="link"
              size="small"
              loading={start.isPending && start.variables === u.unitId}
              onClick={() => start.mutateAsync(u.unitId).then((c) => setOpenId(c.id), (e: Error) => void message.error(e.message))}
            >
              开始自查
            </Button>
          )
        ),
    },
  ];
  return (
    <>
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label="检查周">
          <DatePicker aria-label="检查周" picker="week" allowClear={false} value={week} onChange={(d) => d && setWeek(d)} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        {data && <Form.Item>{`${data.week} 起的一周`}</Form.Item>}
      </Form>
      <ErrorAlert error={error} />
      <Table rowKey="unitId" columns={columns} dataSource={data?.units} loading={isFetching} pagination={false} />
      {openId && <CheckDrawer id={openId} onClose={() => setOpenId(null)} />}
    </>
  );
}

function CheckDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { hasRole } = useSession();
  const { message } = App.useApp();
  const [explaining, setExplaining] = useState<Finding | null>(null);
  const [text, setText] = useState('');
  const { data, error } = useQuery({ queryKey: [...supervisionKeys.all, 'self-check', id], queryFn: () => supervisionApi.selfCheck(id) });
  const resolve = useApiMutation((v: { finding: Finding; resolution: 'fixed' | 'explained'; note: string }) => supervisionApi.resolveFinding(id, v.finding.id, v.resolution, v.note), {
    invalidate: [supervisionKeys.all],
  });
  const add = useApiMutation((t: string) => supervisionApi.addFinding(id, t), { invalidate: [supervisionKeys.all] });
  const complete = useApiMutation(() => supervisionApi.completeSelfCheck(id), { invalidate: [supervisionKeys.all], success: '本周自查已完成' });
  const editable = data?.state === 'open' && hasRole('office', 'dept_head');
  return (
    <Drawer open onClose={onClose} width={720} title={data ? `${data.unit} · ${data.week} 起的一周自查` : '自查'}>
      <ErrorAlert error={error} />
      {data && (
        <>
          <List
            dataSource={data.findings}
            locale={{ emptyText: <Empty description="没有发现问题" /> }}
            renderItem={(f) => (
              <List.Item
                actions={
                  editable && !f.resolution
                    ? [
                        <ConfirmButton key="fixed" title="确认已整改？" description={f.automatic ? '系统将复查该问题' : undefined} onConfirm={() => resolve.mutateAsync({ finding: f, resolution: 'fixed', note: '' })}>
                          已整改
                        </ConfirmButton>,
                        <Button key="explain" type="link" size="small" onClick={() => setExplaining(f)}>
                          说明
                        </Button>,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={
                    <Space wrap>
                      <Tag color={f.automatic ? 'blue' : 'purple'}>{f.kindLabel}</Tag>
                      {f.resolution && <Tag color={f.resolution === 'fixed' ? 'success' : 'default'}>{f.resolutionLabel}</Tag>}
                    </Space>
                  }
                  description={
                    <>
                      {f.path ? <Link to={f.path}>{f.text}</Link> : f.text}
                      {f.note && <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{`说明：${f.note}`}</Typography.Paragraph>}
                    </>
                  }
                />
              </List.Item>
            )}
          />
          {editable && (
            <Flex vertical gap={12} style={{ marginTop: 16 }}>
              <Space.Compact style={{ width: '100%' }}>
                <Input aria-label="部门自查发现的问题" placeholder="部门自查发现的其他问题" value={text} maxLength={1000} onChange={(e) => setText(e.target.value)} />
                <Button disabled={!text.trim()} loading={add.isPending} onClick={() => add.mutateAsync(text).then(() => setText(''), (e: Error) => void message.error(e.message))}>
                  登记问题
                </Button>
              </Space.Compact>
              <ConfirmButton buttonType="primary" title="确认完成本周自查？" description="完成后不能再修改" onConfirm={() => complete.mutateAsync(undefined)}>
                完成自查
              </ConfirmButton>
            </Flex>
          )}
          {data.state === 'done' && <Typography.Paragraph type="success">{`已于 ${formatDateTime(data.completedAt)} 完成自查`}</Typography.Paragraph>}
        </>
      )}
      {explaining && (
        <FormModal<{ note: string }>
          title="情况说明"
          name="finding-explain"
          onClose={() => setExplaining(null)}
          onSubmit={(v) => resolve.mutateAsync({ finding: explaining, resolution: 'explained', note: v.note ?? '' }).then(() => setExplaining(null))}
        >
          <Form.Item name="note" label="说明" rules={[{ required: true, whitespace: true, message: '请写明情况说明' }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </FormModal>
      )}
    </Drawer>
  );
}
