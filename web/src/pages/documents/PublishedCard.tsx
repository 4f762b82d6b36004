import { Button, Card, Descriptions, Form, Input, InputNumber, Radio, Space } from 'antd';
import { useState } from 'react';
import { api, keys } from '../../api';
import { FormModal } from '../../components/FormModal';
import { useApiMutation, useVocabulary } from '../../hooks';
import { formatDateTime, optionsOf } from '../../labels';
import type { Item, Validity } from '../../types';
import { requiredPaperCopies } from './rules';

type Dialog = 'copies' | 'validity' | null;

/** After publication, for the office: paper copies (ATTR-7) and validity (失效 / 废止). */
export function PublishedCard({ item }: { item: Item }) {
  const vocabulary = useVocabulary();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const copies = useApiMutation((n: number) => api.documents.recordPaperCopies(item.id, n), {
    invalidate: [keys.documents],
    success: '已登记纸质份数',
  });
  const validity = useApiMutation(
    ({ validity, reason }: { validity: Validity; reason: string }) => api.documents.setValidity(item.id, validity, reason),
    { invalidate: [keys.documents], success: '已更新有效性' },
  );
  const required = requiredPaperCopies(item.policyLevel);
  const validityLabel = (v: Validity) => vocabulary?.validities[v] ?? v;

  return (
    <Card title="发布后管理" className="no-print" style={{ marginBottom: 16 }}>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'publishedAt', label: '发布时间', children: formatDateTime(item.publishedAt) },
          {
            key: 'copies',
            label: '纸质份数',
            children: item.paperCopies ? `${item.paperCopies} 份` : `未登记（应报送 ${required} 份）`,
          },
          { key: 'validity', label: '有效性', children: validityLabel(item.validity) },
        ]}
      />
      <Space wrap style={{ marginTop: 12 }}>
        <Button onClick={() => setDialog('copies')}>登记纸质份数</Button>
        <Button danger onClick={() => setDialog('validity')}>
          标记失效/废止
        </Button>
      </Space>
      {dialog === 'copies' && (
        <FormModal<{ copies: number }>
          title="登记纸质份数"
          name="paper-copies"
          initialValues={{ copies: item.paperCopies || required }}
          onSubmit={({ copies: n }) => copies.mutateAsync(n)}
          onClose={close}
        >
          <Form.Item
            label="报送份数"
            name="copies"
            rules={[{ required: true, message: '请填写份数' }]}
            extra={`报送档案馆、公共查阅点的纸质文件份数；政策性文件须报送 10 份。本件应报送 ${required} 份。`}
          >
            <InputNumber min={1} max={1000} precision={0} style={{ width: 160 }} />
          </Form.Item>
        </FormModal>
      )}
      {dialog === 'validity' && (
        <FormModal<{ validity: Validity; reason: string }>
          title="标记失效/废止"
          name="validity"
          danger
          okText="确定"
          initialValues={{ validity: item.validity === 'valid' ? 'expired' : item.validity }}
          confirm={({ validity: v }) => ({
            title: `确认将“${item.title}”标记为${validityLabel(v)}？`,
            content: '公开目录中的条目保留，并标明其有效性。',
          })}
          onSubmit={validity.mutateAsync}
          onClose={close}
        >
          <Form.Item label="有效性" name="validity" rules={[{ required: true, message: '请选择' }]}>
            <Radio.Group aria-label="有效性" options={optionsOf(vocabulary?.validities)} />
          </Form.Item>
          <Form.Item label="理由" name="reason" rules={[{ required: true, whitespace: true, message: '请说明理由' }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} placeholder="如 已被某某文件废止" />
          </Form.Item>
        </FormModal>
      )}
    </Card>
  );
}
