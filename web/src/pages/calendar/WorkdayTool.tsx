import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { Button, Card, Col, DatePicker, Form, InputNumber, Row, Space, Spin, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { queries } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DATE_FORMAT } from '../../labels';

/** 工作日计算: the server's deadline arithmetic over the working-day calendar. */
export function WorkdayTool() {
  return (
    <Card title="工作日计算">
      <Row gutter={[32, 16]}>
        <Col xs={24} lg={12}>
          <AddWorkdays />
        </Col>
        <Col xs={24} lg={12}>
          <CountWorkdays />
        </Col>
      </Row>
    </Card>
  );
}

function AddWorkdays() {
  const [params, setParams] = useState<{ from: string; n: number }>();
  const result = useQuery({ ...queries.addWorkdays(params?.from ?? '', params?.n ?? 0), enabled: Boolean(params) });
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 15 }}>起始日 + N 个工作日</Typography.Title>
      <Form<{ from: Dayjs; n: number }>
        name="add-workdays"
        layout="inline"
        style={{ rowGap: 8 }}
        initialValues={{ n: 20 }}
        onFinish={({ from, n }) => setParams({ from: from.format(DATE_FORMAT), n })}
      >
        <Form.Item label="起始日期" name="from" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item label="工作日数" name="n" rules={[{ required: true, message: '请输入天数' }]}>
          <InputNumber min={1} max={365} precision={0} />
        </Form.Item>
        <Button htmlType="submit">计算</Button>
      </Form>
      <ToolResult result={result}>
        {(data) => (
          <>
            第 {params?.n} 个工作日为 <strong>{dayjs(data.date).format('YYYY年M月D日 dddd')}</strong>
            <ProvisionalTag provisional={data.provisional} />
          </>
        )}
      </ToolResult>
    </>
  );
}

function CountWorkdays() {
  const [params, setParams] = useState<{ from: string; to: string }>();
  const result = useQuery({ ...queries.workdays(params?.from ?? '', params?.to ?? ''), enabled: Boolean(params) });
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 15 }}>两日期之间的工作日数</Typography.Title>
      <Form<{ range: [Dayjs, Dayjs] }>
        name="count-workdays"
        layout="inline"
        style={{ rowGap: 8 }}
        onFinish={({ range: [from, to] }) => setParams({ from: from.format(DATE_FORMAT), to: to.format(DATE_FORMAT) })}
      >
        <Form.Item label="起止日期" name="range" rules={[{ required: true, message: '请选择起止日期' }]}>
          <DatePicker.RangePicker />
        </Form.Item>
        <Button htmlType="submit">计算</Button>
      </Form>
      <ToolResult result={result}>
        {(data) => (
          <>
            共 <strong>{data.count}</strong> 个工作日
            <ProvisionalTag provisional={data.provisional} />
          </>
        )}
      </ToolResult>
    </>
  );
}

function ToolResult<T>({ result, children }: { result: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  return (
    <div aria-live="polite" style={{ marginTop: 12, minHeight: 32 }}>
      <ErrorAlert error={result.error} />
      {result.isFetching ? <Spin size="small" /> : result.data && <Space wrap>{children(result.data)}</Space>}
    </div>
  );
}

function ProvisionalTag({ provisional }: { provisional: boolean }) {
  return provisional ? (
    <Tag color="warning" title="涉及的年份日历数据不完整，结果按周末规则临时计算">
      临时计算
    </Tag>
  ) : null;
}
