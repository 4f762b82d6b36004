import { useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageContainer } from '../../components/PageContainer';
import { useApiMutation } from '../../hooks';
import { optionsOf } from '../../labels'; // also extends dayjs with utc and timezone
import { opinionApi, opinionKeys, opinionQueries } from './api';
import type { CaseInput } from './types';

type Values = Omit<CaseInput, 'happenedAt' | 'foundAt'> & { happenedAt: Dayjs; foundAt: Dayjs };

/** A moment picked in the console, sent with Beijing's offset (the clocks run from it). */
const beijing = (d: Dayjs) => `${d.format('YYYY-MM-DDTHH:mm')}:00+08:00`;

/** 登记舆情 (OP-1, OP-2): where it was seen, when it happened and was found, what it says, its risk level. */
export default function OpinionFormPage() {
  const navigate = useNavigate();
  const vocabulary = useQuery(opinionQueries.vocabulary()).data;
  const [error, setError] = useState<Error | null>(null);
  const register = useApiMutation(opinionApi.register, { invalidate: [opinionKeys.all], success: '已登记' });
  const submit = async (v: Values) => {
    setError(null);
    try {
      const detail = await register.mutateAsync({ ...v, happenedAt: beijing(v.happenedAt), foundAt: beijing(v.foundAt) });
      navigate(`/opinion/${detail.case.id}`);
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <PageContainer title="登记舆情">
      <Card style={{ maxWidth: 860 }}>
        <ErrorAlert error={error} />
        <Form<Values> name="opinion-case" layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ happenedAt: dayjs().tz('Asia/Shanghai'), foundAt: dayjs().tz('Asia/Shanghai'), riskLevel: 'general' }}>
          <Form.Item label="标题" name="title" rules={[{ required: true, message: '请填写标题' }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Space wrap size="large">
            <Form.Item label="来源" name="source" rules={[{ required: true, message: '请选择来源' }]}>
              <Select style={{ width: 180 }} options={optionsOf(vocabulary?.sources)} />
            </Form.Item>
            <Form.Item label="发生时间（北京时间）" name="happenedAt" rules={[{ required: true, message: '请填写发生时间' }]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
            </Form.Item>
            <Form.Item label="发现时间（北京时间）" name="foundAt" rules={[{ required: true, message: '请填写发现时间' }]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
            </Form.Item>
          </Space>
          <Form.Item label="链接或出处" name="link" extra="网址，或热线工单号、报刊版次等">
            <Input maxLength={1000} />
          </Form.Item>
          <Form.Item label="舆情摘要" name="summary" rules={[{ required: true, message: '请填写舆情摘要' }]}>
            <Input.TextArea rows={4} maxLength={5000} />
          </Form.Item>
          <Form.Item label="风险等级（初判）" name="riskLevel" rules={[{ required: true }]} extra="重大、特别重大舆情须在发生后1小时内向上级报告，5小时内发布权威信息，24小时内举行新闻发布会；其他舆情48小时内回应">
            <Select style={{ width: 180 }} options={optionsOf(vocabulary?.riskLevels)} />
          </Form.Item>
          <Form.Item label="风险分析" name="analysis">
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
          <Form.Item label="处置方案" name="handlingPlan">
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={register.isPending}>
              登记
            </Button>
            <Button onClick={() => navigate('/opinion')}>取消</Button>
          </Space>
        </Form>
      </Card>
    </PageContainer>
  );
}
