import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Form, Input, List, Radio, Select, Space, Switch, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { queries } from '../../api';
import { DeadlineInfo } from '../../components/DeadlineInfo';
import { FormModal } from '../../components/FormModal';
import { useApiMutation } from '../../hooks';
import { useSession } from '../../session';
import { coordinationApi, coordinationKeys, coordinationQueries } from './api';
import { channelLabel, RequestDrawer, StateTag } from './RequestDrawer';
import type { CoordinationChannel } from './types';

type SendForm = { answeringAgencyId: string; channel: CoordinationChannel; urgent: boolean; matter: string; ourWording: string; sentOn?: Dayjs | null };

/**
 * 发布协调 on an item's page (COORD-1): mark it as concerning other agencies by sending each a
 * written request (or recording a letter sent outside the platform), and follow their state;
 * publication waits until each is agreed or decided.
 */
export function CoordinationCard({ itemId, agencyId }: { itemId: string; agencyId: string }) {
  const { me } = useSession();
  const { data } = useQuery({ ...coordinationQueries.subject('item', itemId), enabled: me.user.agencyId === agencyId });
  const agencies = useQuery(queries.agencies());
  const [sending, setSending] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const send = useApiMutation((form: SendForm) => coordinationApi.send({ ...form, subjectType: 'item', subjectId: itemId, sentOn: form.sentOn?.format('YYYY-MM-DD') }), {
    invalidate: [coordinationKeys.all],
    success: '协调请求已发出',
  });
  if (!data || me.user.agencyId !== agencyId) return null;
  const others = (agencies.data?.items ?? []).filter((a) => a.id !== agencyId).map((a) => ({ value: a.id, label: a.name }));

  return (
    <Card
      title="发布协调"
      className="no-print"
      style={{ marginBottom: 16 }}
      extra={
        data.canSend && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setSending(true)}>
            涉及其他机关
          </Button>
        )
      }
    >
      {data.blocking.length > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="发布前须经其他机关书面确认" description={`尚未办结：${data.blocking.join('、')}`} />
      )}
      {data.items.length === 0 ? (
        <Typography.Text type="secondary">本信息涉及其他机关的，发布前请向其发送协调确认请求。</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={data.items}
          renderItem={(r) => (
            <List.Item actions={[<Button key="open" type="link" size="small" onClick={() => setOpenId(r.id)}>查看</Button>]}>
              <Space direction="vertical" size={2}>
                <Space wrap>
                  <span>{r.answeringAgencyName}</span>
                  <StateTag request={r} />
                </Space>
                <Typography.Text type="secondary">
                  {r.letterNumber} · {channelLabel(r)}
                </Typography.Text>
                {r.state === 'awaiting' && <DeadlineInfo deadline={r.deadline} />}
              </Space>
            </List.Item>
          )}
        />
      )}
      {sending && (
        <FormModal<SendForm>
          title="发送协调确认请求"
          name="coordination-send"
          width={720}
          okText="发出"
          initialValues={{ channel: 'platform', urgent: false }}
          onSubmit={(form) => send.mutateAsync(form)}
          onClose={() => setSending(false)}
        >
          <Form.Item name="answeringAgencyId" label="涉及的机关" rules={[{ required: true, message: '请选择涉及的机关' }]}>
            <Select options={others} placeholder="选择机关" showSearch optionFilterProp="label" />
          </Form.Item>
          <Form.Item name="channel" label="发送方式">
            <Radio.Group
              options={[
                { value: 'platform', label: '平台内发送（送达对方公开办待办）' },
                { value: 'letter', label: '登记平台外发出的书面函件' },
              ]}
            />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.channel !== b.channel}>
            {({ getFieldValue }) =>
              getFieldValue('channel') === 'letter' && (
                <Form.Item name="sentOn" label="发函日期（默认今天）">
                  <DatePicker />
                </Form.Item>
              )
            }
          </Form.Item>
          <Form.Item name="urgent" label="情况紧急（须当日答复）" valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="matter" label="需确认的事项" rules={[{ required: true, message: '请写明需确认的事项' }]}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item name="ourWording" label="拟发布的表述（涉及对方机关的内容）" rules={[{ required: true, message: '请填写拟发布的表述' }]}>
            <Input.TextArea rows={4} maxLength={5000} />
          </Form.Item>
        </FormModal>
      )}
      {openId && <RequestDrawer id={openId} onClose={() => setOpenId(null)} />}
    </Card>
  );
}
