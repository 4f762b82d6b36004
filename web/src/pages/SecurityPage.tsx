import { useQuery } from '@tanstack/react-query';
import { Button, Form, InputNumber, Skeleton } from 'antd';
import { api, keys, queries } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageContainer } from '../components/PageContainer';
import { useApiMutation } from '../hooks';
import type { SecuritySettings } from '../types';

const FIELDS: { name: keyof SecuritySettings; label: string; unit: string; min: number; max: number }[] = [
  { name: 'passwordMinLength', label: '密码最小长度', unit: '位', min: 8, max: 64 },
  { name: 'lockoutThreshold', label: '连续登录失败锁定阈值', unit: '次', min: 1, max: 20 },
  { name: 'lockoutMinutes', label: '锁定时长', unit: '分钟', min: 1, max: 1440 },
  { name: 'idleTimeoutMinutes', label: '会话空闲超时', unit: '分钟', min: 1, max: 480 },
  { name: 'absoluteTimeoutHours', label: '会话最长有效期', unit: '小时', min: 1, max: 72 },
];

/** 安全策略: password policy, account lockout and session time-outs. */
export default function SecurityPage() {
  const { data, error } = useQuery(queries.securitySettings());
  const save = useApiMutation(api.settings.saveSecurity, {
    invalidate: [keys.securitySettings],
    success: '安全策略已保存',
  });

  return (
    <PageContainer title="安全策略" error={error}>
      {data ? (
        <Form<SecuritySettings>
          name="security-settings"
          layout="vertical"
          initialValues={data}
          onFinish={(values) => save.mutate(values)}
          style={{ maxWidth: 420 }}
        >
          <ErrorAlert error={save.error} />
          {FIELDS.map(({ name, label, unit, min, max }) => (
            <Form.Item key={name} label={label} name={name} rules={[{ required: true, message: `请输入${label}` }]}>
              <InputNumber min={min} max={max} precision={0} suffix={unit} style={{ width: 200 }} />
            </Form.Item>
          ))}
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            保存
          </Button>
        </Form>
      ) : (
        !error && <Skeleton active />
      )}
    </PageContainer>
  );
}
