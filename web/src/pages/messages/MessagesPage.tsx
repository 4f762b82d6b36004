import { DownloadOutlined, SettingOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { App, Button, DatePicker, Descriptions, Drawer, Empty, Form, Input, InputNumber, Select, Space, Table, Tabs, Tag, Timeline, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { DeadlineExplanation, DeadlineInfo } from '../../components/DeadlineInfo';
import { ChoiceFilter, FilterForm, KeywordFilter } from '../../components/FilterForm';
import { FormModal } from '../../components/FormModal';
import { PageContainer } from '../../components/PageContainer';
import { useApiMutation, useDebounced, usePagination } from '../../hooks';
import { formatDateTime, optionsOf } from '../../labels';
import { useSession } from '../../session';
import { messageKeys, messagesApi } from './api';
import type { ActInput, Message, MessageAction, MessageDetail, MessageState, MessageStatsRow, MessageVocabulary } from './types';

const STATE_COLORS: Record<MessageState, string> = { received: 'gold', accepted: 'orange', assigned: 'blue', answered: 'cyan', published: 'green', refused: 'default' };
const DATE_FORMAT = 'YYYY-MM-DD';

interface Filters {
  q?: string;
  state?: MessageState;
}

const useMessageVocabulary = () => useQuery({ queryKey: [...messageKeys.all, 'vocabulary'], queryFn: messagesApi.vocabulary, staleTime: 60_000 }).data;

/** 网民留言 (OP-6): the queue with each message's answer term and light, the moves the server allows, the agency's term and the statistics. */
export default function MessagesPage() {
  const { hasRole } = useSession();
  const [settingsOpen, setSettingsOpen] = useState(false);
  return (
    <PageContainer
      title="网民留言"
      extra={
        hasRole('office') && (
          <Button icon={<SettingOutlined />} onClick={() => setSettingsOpen(true)}>
            答复期限设置
          </Button>
        )
      }
    >
      <Tabs items={[{ key: 'queue', label: '留言办理', children: <Queue /> }, { key: 'stats', label: '统计', children: <Stats /> }]} />
      {settingsOpen && <SettingsModal onClose={() => setSettingsOpen(false)} />}
    </PageContainer>
  );
}

function Queue() {
  const vocabulary = useMessageVocabulary();
  const [filters, setFilters] = useState<Filters>({});
  const [params, setParams] = useSearchParams();
  const q = useDebounced(filters.q?.trim());
  const { paging, resetPage, tablePagination } = usePagination();
  const query = { ...paging, q: q || undefined, state: filters.state };
  const { data, isFetching, error } = useQuery({ queryKey: [...messageKeys.all, 'list', query], queryFn: () => messagesApi.list(query), placeholderData: keepPreviousData });
  const openId = params.get('id');
  const columns: TableColumnsType<Message> = [
    { title: '留言时间', dataIndex: 'receivedAt', render: (at: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(at)}</span> },
    {
      title: '留言主题',
      dataIndex: 'topic',
      render: (topic: string, m) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => setParams({ id: m.id })}>
          {topic}
        </Button>
      ),
    },
    { title: '留言人', dataIndex: 'asker', render: (asker: Message['asker']) => asker.name },
    { title: '状态', dataIndex: 'state', render: (state: MessageState, m) => <Tag color={STATE_COLORS[state]}>{m.stateLabel}</Tag> },
    { title: '承办部门', dataIndex: 'unitName', render: (unit: string | null) => unit ?? '—' },
    { title: '答复期限', dataIndex: 'due', width: 170, render: (due: Message['due']) => <DeadlineInfo deadline={due} explain /> },
    { title: '评价', dataIndex: 'ratingLabel', render: (label: string | null) => label ?? '—' },
  ];
  return (
    <>
      <FilterForm<Filters> name="message-filter" initialValues={{}} onChange={setFilters} resetPage={resetPage}>
        <KeywordFilter placeholder="主题或内容" />
        <ChoiceFilter label="状态" name="state" placeholder="全部状态" width={160} options={optionsOf(vocabulary?.states)} />
      </FilterForm>
      {error && <Typography.Text type="danger">{error.message}</Typography.Text>}
      <Table<Message>
        rowKey="id"
        scroll={{ x: 960 }}
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        pagination={tablePagination(data?.total)}
        locale={{ emptyText: <Empty description="没有符合条件的留言" /> }}
      />
      {openId && vocabulary && <MessageDrawer id={openId} vocabulary={vocabulary} onClose={() => setParams({})} />}
    </>
  );
}

function MessageDrawer({ id, vocabulary, onClose }: { id: string; vocabulary: MessageVocabulary; onClose: () => void }) {
  const { data: m, error } = useQuery({ queryKey: [...messageKeys.all, 'detail', id], queryFn: () => messagesApi.get(id) });
  const [acting, setActing] = useState<MessageAction | null>(null);
  return (
    <Drawer open title={m?.topic ?? '留言'} size={720} onClose={onClose} destroyOnHidden>
      {error && <Typography.Text type="danger">{error.message}</Typography.Text>}
      {m && (
        <>
          <Space wrap style={{ marginBottom: 16 }}>
            {m.actions.map((action) => (
              <Button key={action} type={action === 'answer' || action === 'publish' ? 'primary' : 'default'} danger={action === 'refuse'} onClick={() => setActing(action)}>
                {vocabulary.actions[action]}
              </Button>
            ))}
          </Space>
          <Descriptions bordered size="small" column={1} style={{ marginBottom: 16 }}>
            <Descriptions.Item label="状态">
              <Tag color={STATE_COLORS[m.state]}>{m.stateLabel}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="留言时间">{formatDateTime(m.receivedAt)}</Descriptions.Item>
            <Descriptions.Item label="留言人">
              {m.asker.name}（{m.asker.phone}）
            </Descriptions.Item>
            <Descriptions.Item label="留言内容">
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{m.content}</Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label="承办部门">{m.unitName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="答复期限">
              <DeadlineInfo deadline={m.due} />
              {m.due && <DeadlineExplanation explanation={m.due.explanation} />}
            </Descriptions.Item>
            {m.answer && (
              <Descriptions.Item label="答复">
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{m.answer}</Typography.Paragraph>
                <Typography.Text type="secondary">{formatDateTime(m.answeredAt)}</Typography.Text>
              </Descriptions.Item>
            )}
            {m.refusal && (
              <Descriptions.Item label="不予受理">
                {m.refusalLabel}：{m.refusalReason}
              </Descriptions.Item>
            )}
            {m.ratingLabel && <Descriptions.Item label="留言人评价">{m.ratingLabel}</Descriptions.Item>}
          </Descriptions>
          <Typography.Title level={2} style={{ fontSize: 16 }}>
            办理过程
          </Typography.Title>
          <Timeline
            items={m.steps.map((s, i) => ({
              key: i,
              content: (
                <>
                  <div>
                    {s.label} · {s.actor} · {formatDateTime(s.at)}
                  </div>
                  {s.note && <Typography.Text type="secondary">{s.note}</Typography.Text>}
                </>
              ),
            }))}
          />
          {acting && <ActionModal message={m} action={acting} vocabulary={vocabulary} onClose={() => setActing(null)} onMoved={onClose} />}
        </>
      )}
    </Drawer>
  );
}

type ActFields = Omit<ActInput, 'action'>;

const NEEDS_CONFIRM: MessageAction[] = ['publish', 'refuse', 'transfer_agency'];

function ActionModal({ message, action, vocabulary, onClose, onMoved }: { message: MessageDetail; action: MessageAction; vocabulary: MessageVocabulary; onClose: () => void; onMoved: () => void }) {
  const { message: toast } = App.useApp();
  const act = useApiMutation((input: ActInput) => messagesApi.act(message.id, input), { invalidate: [messageKeys.all] });
  const label = vocabulary.actions[action];
  const units = vocabulary.units.filter((u) => u.id !== message.unitId).map((u) => ({ value: u.id, label: u.name }));
  return (
    <FormModal<ActFields>
      title={`${label}：${message.topic}`}
      name={`message-${action}`}
      okText={label}
      danger={action === 'refuse'}
      confirm={(values) =>
        NEEDS_CONFIRM.includes(action)
          ? {
              title: `确定${label}？`,
              content:
                action === 'publish'
                  ? '留言和答复将在门户网站公开，留言人的姓名、电话及内容中的身份证号码、电话等个人信息会被删除。'
                  : action === 'refuse'
                    ? `将告知留言人不予受理及理由：${values.reason ?? ''}`
                    : '留言将转交所选机关办理，该机关自收到之日起重新计算答复期限。',
            }
          : null
      }
      onSubmit={async (values) => {
        // The form sends blanks as null; the server takes absent fields.
        const input = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null && v !== undefined)) as ActFields;
        const done = await act.mutateAsync({ action, ...input });
        void toast.success(`已${label}`);
        if ('moved' in done) onMoved();
      }}
      onClose={onClose}
    >
      {(action === 'assign' || action === 'transfer_unit') && (
        <Form.Item label="承办部门" name="unitId" rules={[{ required: true, message: '请选择承办部门' }]} extra={action === 'transfer_unit' ? '同一机关内转办不重新计算答复期限。' : undefined}>
          <Select options={units} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
      )}
      {action === 'transfer_agency' && (
        <Form.Item label="接收机关" name="agencyId" rules={[{ required: true, message: '请选择接收机关' }]}>
          <Select options={vocabulary.agencies.map((a) => ({ value: a.id, label: a.name }))} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
      )}
      {action === 'refuse' && (
        <Form.Item label="理由类别" name="refusal" rules={[{ required: true, message: '请选择理由类别' }]}>
          <Select options={Object.entries(vocabulary.refusals).map(([value, l]) => ({ value, label: l }))} />
        </Form.Item>
      )}
      {action === 'answer' && (
        <Form.Item label="答复内容" name="answer" rules={[{ required: true, message: '请填写答复内容' }]} extra="答复经公开办审核后与留言一并公开。">
          <Input.TextArea rows={8} maxLength={vocabulary.limits.answer} showCount />
        </Form.Item>
      )}
      {['transfer_unit', 'transfer_agency', 'return', 'refuse'].includes(action) && (
        <Form.Item
          label={action === 'refuse' ? '告知留言人的说明' : action === 'return' ? '退回理由' : '转办理由'}
          name="reason"
          rules={[{ required: true, message: '请填写理由' }]}
        >
          <Input.TextArea rows={3} maxLength={vocabulary.limits.reason} showCount />
        </Form.Item>
      )}
      {(action === 'check' || action === 'publish') && <Typography.Paragraph>{action === 'check' ? '审核通过后，请将留言交承办部门办理。' : '公开前请再次核对答复内容。'}</Typography.Paragraph>}
    </FormModal>
  );
}

function SettingsModal({ onClose }: { onClose: () => void }) {
  const { data } = useQuery({ queryKey: [...messageKeys.all, 'settings'], queryFn: messagesApi.settings });
  const save = useApiMutation((n: number) => messagesApi.saveSettings(n), { invalidate: [messageKeys.all], success: '已保存' });
  if (!data) return null;
  return (
    <FormModal<{ answerWorkdays: number }> title="网民留言答复期限" name="message-settings" initialValues={data} onSubmit={(v) => save.mutateAsync(v.answerWorkdays)} onClose={onClose}>
      <Form.Item
        label="答复期限（工作日）"
        name="answerWorkdays"
        rules={[{ required: true, message: '请填写答复期限' }]}
        extra={`自收到留言之日起计算，节假日不计入，调休上班日计入；默认${data.defaultWorkdays}个工作日。修改只影响此后收到的留言。`}
      >
        <InputNumber min={1} max={30} precision={0} />
      </Form.Item>
    </FormModal>
  );
}

const thisYear = (): [Dayjs, Dayjs] => [dayjs().startOf('year'), dayjs()];

function Stats() {
  const [range, setRange] = useState<[Dayjs, Dayjs]>(thisYear);
  const period = { from: range[0].format(DATE_FORMAT), to: range[1].format(DATE_FORMAT) };
  const vocabulary = useMessageVocabulary();
  const { data, error, isFetching } = useQuery({ queryKey: [...messageKeys.all, 'stats', period], queryFn: () => messagesApi.stats(period), placeholderData: keepPreviousData });
  type Row = MessageStatsRow & { key: string; agency: string };
  const rows: Row[] = data ? [...data.agencies.map((a) => ({ ...a, key: a.agencyId })), { ...data.total, key: 'total', agency: '合计' }] : [];
  const columns: TableColumnsType<Row> = [
    { title: '机关', dataIndex: 'agency' },
    { title: '收到', dataIndex: 'received' },
    { title: '已答复', dataIndex: 'answered' },
    { title: '按期答复', dataIndex: 'onTime' },
    { title: '不予受理', dataIndex: 'refused' },
    { title: '平均办理工作日', dataIndex: 'averageWorkdays', render: (n: number | null) => n ?? '—' },
    ...(['satisfied', 'basic', 'unsatisfied'] as const).map((k) => ({ title: vocabulary?.ratings[k] ?? k, key: k, render: (_: unknown, r: Row) => r.ratings[k] })),
    { title: '满意率', dataIndex: 'satisfaction', render: (n: number | null) => (n === null ? '—' : `${n}%`) },
  ];
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Form name="message-stats-period" layout="inline">
          <Form.Item label="留言期间" htmlFor="message-stats-period">
            <DatePicker.RangePicker
              id="message-stats-period"
              value={range}
              allowClear={false}
              onChange={(value) => {
                if (value?.[0] && value[1]) setRange([value[0], value[1]]);
              }}
            />
          </Form.Item>
        </Form>
        <Button icon={<DownloadOutlined />} href={messagesApi.statsExportUrl(period)} download>
          导出 Excel
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">按留言日期统计期间内收到的留言；满意率为“满意”和“基本满意”占已评价留言的比例。</Typography.Paragraph>
      {error && <Typography.Text type="danger">{error.message}</Typography.Text>}
      <Table<Row> rowKey="key" bordered size="small" loading={isFetching} columns={columns} dataSource={rows} pagination={false} scroll={{ x: 900 }} />
    </>
  );
}
