import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Divider, Form, Input, InputNumber, Modal, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApiMutation } from '../../hooks';
import { formatDateTime, optionsOf } from '../../labels';
import { opinionApi, opinionQueries } from './api';
import type { OpinionFeed, OpinionVocabulary } from './types';

const SETTINGS = [['opinion', 'settings']];
const FEEDS = [['opinion', 'feeds']];

/**
 * 订阅源与推送 (OP-1): the hosts feeds may be fetched from, the feeds, the response item's
 * expedited clock, and the monitoring webhook's secret (shown once when issued).
 */
export function IntakeSettingsModal({ vocabulary, onClose }: { vocabulary: OpinionVocabulary | undefined; onClose: () => void }) {
  const settings = useQuery(opinionQueries.settings());
  const feeds = useQuery(opinionQueries.feeds());
  const [secret, setSecret] = useState<string | null>(null);
  const save = useApiMutation(opinionApi.saveSettings, { invalidate: SETTINGS, success: '已保存' });
  const add = useApiMutation(opinionApi.addFeed, { invalidate: FEEDS, success: '已添加' });
  const remove = useApiMutation(opinionApi.deleteFeed, { invalidate: FEEDS, success: '已删除' });
  const [form] = Form.useForm<{ name: string; url: string; source: OpinionFeed['source'] }>();

  return (
    <Modal open title="订阅源与推送设置" width={860} footer={<Button onClick={onClose}>关闭</Button>} onCancel={onClose}>
      <ErrorAlert error={settings.error ?? save.error ?? add.error ?? remove.error} />
      {settings.data && (
        <Form
          name="opinion-settings"
          layout="vertical"
          initialValues={settings.data}
          onFinish={(v: { feedHosts: string[]; responseItemHours: number }) => void save.mutateAsync(v)}
        >
          <Form.Item label="允许抓取的主机" name="feedHosts" extra="只写主机名，如 news.example.com；订阅源及其跳转只能指向这些主机">
            <Select mode="tags" tokenSeparators={[',', ' ']} open={false} />
          </Form.Item>
          <Form.Item label="回应信息加急时限（小时）" name="responseItemHours" extra="回应信息从起草到发布的内部时限；保密审查等环节照常进行">
            <InputNumber min={1} max={48} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            保存设置
          </Button>
        </Form>
      )}
      <Divider />
      <Typography.Title level={5}>订阅源</Typography.Title>
      <Table<OpinionFeed>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={feeds.data?.items}
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '地址', dataIndex: 'url', ellipsis: true },
          { title: '最近抓取', dataIndex: 'lastPolledAt', render: formatDateTime },
          { title: '错误', dataIndex: 'lastError', render: (e: string) => e || '—' },
          {
            title: '操作',
            key: 'op',
            render: (_, f) => (
              <ConfirmButton title={`删除订阅源“${f.name}”？`} danger onConfirm={() => remove.mutateAsync(f.id)}>
                删除
              </ConfirmButton>
            ),
          },
        ]}
      />
      <Form form={form} name="opinion-feed" layout="inline" style={{ marginTop: 12, rowGap: 8 }} onFinish={(v) => void add.mutateAsync(v).then(() => form.resetFields())}>
        <Form.Item name="name" label="名称" rules={[{ required: true, message: '请填写名称' }]}>
          <Input style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="url" label="地址" rules={[{ required: true, message: '请填写地址' }]}>
          <Input style={{ width: 260 }} placeholder="https://" />
        </Form.Item>
        <Form.Item name="source" label="来源" rules={[{ required: true, message: '请选择来源' }]}>
          <Select style={{ width: 120 }} options={optionsOf(vocabulary?.sources)} />
        </Form.Item>
        <Button htmlType="submit" loading={add.isPending}>
          添加
        </Button>
      </Form>
      <Divider />
      <Typography.Title level={5}>监测服务推送</Typography.Title>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text>
          推送地址：/api/v1/opinion/webhook/（本机关代码），以共享密钥签名（HMAC-SHA256），5分钟内有效。
          {settings.data?.webhookSecretSet ? '已设置密钥。' : '尚未设置密钥。'}
        </Typography.Text>
        <ConfirmButton
          title="生成新的推送密钥？"
          description="原密钥立即失效，监测服务须改用新密钥。"
          buttonType="default"
          onConfirm={async () => setSecret((await save.mutateAsync({ rotateSecret: true })).webhookSecret ?? null)}
        >
          生成新的推送密钥
        </ConfirmButton>
        {secret && <Alert type="warning" showIcon message="新密钥只显示这一次，请复制后交给监测服务" description={<Typography.Text copyable code>{secret}</Typography.Text>} />}
      </Space>
    </Modal>
  );
}
