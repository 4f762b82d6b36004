import { Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { api, keys } from '../../api';
import { FormModal } from '../../components/FormModal';
import { useApiMutation } from '../../hooks';
import type { Item } from '../../types';

/** 会议决定 (SEC-3, SEC-4): a major item is decided by the 局务会 or 党组会 before approval. */
export function DecisionPanel({ item, canRecord }: { item: Item; canRecord: boolean }) {
  const [open, setOpen] = useState(false);
  const save = useApiMutation((decision: string) => api.documents.recordCollectiveDecision(item.id, decision), {
    invalidate: [keys.item(item.id)],
    success: '已登记会议决定',
  });
  return (
    <>
      <Typography.Paragraph>
        重大事项须经局务会或党组会研究，登记会议决定后方可审批。
      </Typography.Paragraph>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
        当前登记：{item.collectiveDecision || '尚未登记'}
      </Typography.Paragraph>
      {canRecord && (
        <Button onClick={() => setOpen(true)}>{item.collectiveDecision ? '修改会议决定' : '登记会议决定'}</Button>
      )}
      {open && (
        <FormModal<{ decision: string }>
          title="登记会议决定"
          name="collective-decision"
          initialValues={{ decision: item.collectiveDecision || undefined }}
          onSubmit={({ decision }) => save.mutateAsync(decision)}
          onClose={() => setOpen(false)}
        >
          <Form.Item
            label="会议决定"
            name="decision"
            rules={[{ required: true, whitespace: true, message: '请填写会议决定' }]}
            extra="写明会议名称、日期和决定内容，如“2026年第5次局务会研究同意公开”。"
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}
