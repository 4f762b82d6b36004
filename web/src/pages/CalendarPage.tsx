import { useQuery } from '@tanstack/react-query';
import { Alert, Col, DatePicker, Flex, Form, Input, Radio, Row, Skeleton, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, keys, queries } from '../api';
import { ConfirmButton } from '../components/ConfirmButton';
import { FormModal } from '../components/FormModal';
import { PageContainer } from '../components/PageContainer';
import { useApiMutation } from '../hooks';
import type { CalendarDay, CalendarDayInput, CalendarYear } from '../types';
import { CalendarLegend, MonthGrid } from './calendar/MonthGrid';
import { WorkdayTool } from './calendar/WorkdayTool';

const MONTHS = Array.from({ length: 12 }, (_, month) => month);

/**
 * 工作日历: holidays (休) and make-up working days (班) of a year, official (chinese-days)
 * or edited by an administrator, and whether the year's data is complete.
 */
export default function CalendarPage() {
  const [year, setYear] = useState(dayjs().year());
  const [picked, setPicked] = useState<string | null>(null);
  const { data, error } = useQuery(queries.calendar(year));
  const days = new Map(data?.days.map((day) => [day.date, day]));
  const cover = useApiMutation(api.calendar.cover, {
    invalidate: [keys.calendar],
    success: `已将 ${year} 年标记为数据完整`,
  });

  const pickYear = (value: Dayjs | null) => value && setYear(value.year());

  return (
    <PageContainer
      title="工作日历"
      error={error}
      extra={
        <Flex gap="middle" align="center" wrap>
          <Space>
            <label htmlFor="calendar-year">年份</label>
            <DatePicker id="calendar-year" picker="year" allowClear={false} value={dayjs().year(year)} onChange={pickYear} />
          </Space>
          {data && !data.covered && (
            <ConfirmButton
              buttonType="primary"
              title={`确认 ${year} 年的放假和调休安排已全部录入？`}
              description="标记后，落在该年度的期限不再按临时计算处理。"
              onConfirm={() => cover.mutateAsync(year)}
            >
              标记本年度数据完整
            </ConfirmButton>
          )}
        </Flex>
      }
    >
      {data && <CoverageAlert calendar={data} />}
      <CalendarLegend />
      {data ? (
        <Row gutter={[24, 24]}>
          {MONTHS.map((month) => (
            <Col key={month} xs={24} sm={12} lg={8} xxl={6}>
              <MonthGrid year={year} month={month} days={days} onPick={setPicked} />
            </Col>
          ))}
        </Row>
      ) : (
        !error && <Skeleton active />
      )}
      <div style={{ marginTop: 24 }}>
        <WorkdayTool />
      </div>
      {picked && <DayModal date={picked} day={days.get(picked)} onClose={() => setPicked(null)} />}
    </PageContainer>
  );
}

function CoverageAlert({ calendar }: { calendar: CalendarYear }) {
  if (!calendar.covered) {
    return (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={`${calendar.year} 年的日历数据不完整`}
        description="落在该年度的办理期限按周末规则临时计算（临时计算），国务院公布该年放假安排后请录入并标记为数据完整。"
      />
    );
  }
  const source = calendar.source === 'edited' ? '含人工调整' : '官方数据';
  return <Alert type="success" showIcon style={{ marginBottom: 16 }} title={`${calendar.year} 年的日历数据完整（${source}）。`} />;
}

const KIND_OPTIONS = [
  { value: 'holiday', label: '放假（休）' },
  { value: 'workday', label: '调休上班（班）' },
  { value: 'normal', label: '恢复常规（按周末规则）' },
];

function DayModal({ date, day, onClose }: { date: string; day: CalendarDay | undefined; onClose: () => void }) {
  const save = useApiMutation((input: CalendarDayInput) => api.calendar.setDay(date, input), {
    invalidate: [keys.calendar],
    success: '日历已更新',
  });
  return (
    <FormModal<CalendarDayInput>
      title={`设置 ${dayjs(date).format('YYYY年M月D日 dddd')}`}
      name="calendar-day"
      initialValues={{ kind: day?.kind ?? 'normal', name: day?.name }}
      onSubmit={({ kind, name }) => save.mutateAsync(kind === 'normal' ? { kind } : { kind, name })}
      onClose={onClose}
    >
      <Form.Item label="类型" name="kind" rules={[{ required: true }]}>
        <Radio.Group options={KIND_OPTIONS} />
      </Form.Item>
      <Form.Item noStyle dependencies={['kind']}>
        {({ getFieldValue }) =>
          getFieldValue('kind') !== 'normal' && (
            <Form.Item label="名称" name="name" rules={[{ required: true, message: '请输入名称，如：国庆节' }]}>
              <Input placeholder="如：国庆节" />
            </Form.Item>
          )
        }
      </Form.Item>
    </FormModal>
  );
}
