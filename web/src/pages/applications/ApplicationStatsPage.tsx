import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Flex, Form, Skeleton, Table, Typography, type TableColumnsType, type TableColumnType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, queries } from '../../api';
import { PageContainer } from '../../components/PageContainer';
import { useAppVocabulary } from '../../hooks';
import { DATE_FORMAT, ORGANISATION_LABEL } from '../../labels';
import type { ApplicantKind, AppVocabulary, Period, Table3Column, Table3Report, Table3Row } from '../../types';
import { outcomeGroups } from './rules';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const KINDS: ApplicantKind[] = ['natural', 'commercial', 'research', 'public_welfare', 'legal_services', 'other_org'];
const ORG_KINDS = KINDS.filter((kind) => kind !== 'natural');

/** A cell of the three label columns: its text and how far it spans (0 = covered by a neighbour). */
interface LabelCell {
  text?: string;
  rowSpan?: number;
  colSpan?: number;
}

interface StatRow {
  key: Table3Row;
  labels: [LabelCell, LabelCell, LabelCell];
  /** The result rows' subtotal and the 总计 rows are emphasised. */
  strong?: boolean;
}

const whole = (text: string): [LabelCell, LabelCell, LabelCell] => [{ text, colSpan: 3 }, { colSpan: 0 }, { colSpan: 0 }];

/** The rows of table 3 in the national format (国办公开办函〔2021〕30号), labels from the vocabulary. */
function rowsOf(vocabulary: AppVocabulary | undefined): StatRow[] {
  const groups = outcomeGroups(vocabulary);
  const resultRows = groups.reduce((n, g) => n + g.outcomes.length, 0) + 1; // + （七）总计
  const rows: StatRow[] = [
    { key: 'new', labels: whole('一、本年新收政府信息公开申请数量'), strong: true },
    { key: 'carried_in', labels: whole('二、上年结转政府信息公开申请数量'), strong: true },
  ];
  groups.forEach(({ group, outcomes }, g) => {
    outcomes.forEach(({ key, label }, i) => {
      const section: LabelCell = g === 0 && i === 0 ? { text: '三、本年度办理结果', rowSpan: resultRows } : { rowSpan: 0 };
      const single = outcomes.length === 1;
      const groupCell: LabelCell =
        i > 0 ? { rowSpan: 0 } : { text: `（${NUMERALS[g]}）${single ? label : group}`, rowSpan: outcomes.length, colSpan: single ? 2 : 1 };
      const item: LabelCell = single ? { colSpan: 0 } : { text: `${i + 1}. ${label}` };
      rows.push({ key, labels: [section, groupCell, item] });
    });
  });
  rows.push(
    { key: 'results_total', labels: [{ rowSpan: 0 }, { text: `（${NUMERALS[groups.length]}）总计`, colSpan: 2 }, { colSpan: 0 }], strong: true },
    { key: 'carried_out', labels: whole('四、结转下年度继续办理'), strong: true },
  );
  return rows;
}

function columnsOf(vocabulary: AppVocabulary | undefined, report: Table3Report | undefined): TableColumnsType<StatRow> {
  const label = (index: 0 | 1 | 2, width?: number): TableColumnType<StatRow> => ({
    key: `label${index}`,
    title: index === 0 ? '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）' : undefined,
    colSpan: index === 0 ? 3 : 0,
    width,
    onCell: (row) => ({ rowSpan: row.labels[index].rowSpan, colSpan: row.labels[index].colSpan }),
    render: (_, row) => (row.strong ? <Typography.Text strong>{row.labels[index].text}</Typography.Text> : row.labels[index].text),
  });
  const count = (column: Table3Column, title: string): TableColumnType<StatRow> => ({
    key: column,
    title,
    align: 'center',
    width: 76,
    render: (_, row) => {
      const n = report?.rows[row.key]?.[column];
      return row.strong || column === 'total' ? <Typography.Text strong>{n ?? '—'}</Typography.Text> : (n ?? '—');
    },
  });
  const kind = (k: ApplicantKind) => vocabulary?.applicantKinds[k] ?? k;
  return [
    label(0, 100),
    label(1, 140),
    label(2, 260),
    {
      key: 'applicants',
      title: '申请人情况',
      align: 'center',
      children: [
        count('natural', kind('natural')),
        { key: 'organisations', title: ORGANISATION_LABEL, align: 'center', children: ORG_KINDS.map((k) => count(k, kind(k))) },
        count('total', '总计'),
      ],
    },
  ];
}

const thisYear = (): [Dayjs, Dayjs] => [dayjs().startOf('year'), dayjs()];

/** 统计（表三）: applications received and handled in a period, laid out as the annual report's table 3 (LAW-49/50). */
export default function ApplicationStatsPage() {
  const vocabulary = useAppVocabulary();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(thisYear);
  const period: Period = { from: range[0].format(DATE_FORMAT), to: range[1].format(DATE_FORMAT) };
  const { data, error, isFetching } = useQuery({ ...queries.table3(period), placeholderData: keepPreviousData });
  const lastYear = dayjs().subtract(1, 'year');

  return (
    <PageContainer
      title="统计（表三）"
      error={error}
      extra={
        <Button icon={<DownloadOutlined />} href={api.applications.table3ExportUrl(period)} download>
          导出 Excel
        </Button>
      }
    >
      <Form name="table3-period" layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label="统计期间" htmlFor="table3-period">
          <DatePicker.RangePicker
            id="table3-period"
            value={range}
            allowClear={false}
            disabledDate={(day) => day.isAfter(dayjs(), 'day')}
            presets={[
              { label: '本年至今', value: thisYear() },
              { label: '上一年度（年报）', value: [lastYear.startOf('year'), lastYear.endOf('year')] },
              { label: '本月', value: [dayjs().startOf('month'), dayjs()] },
            ]}
            onChange={(value) => {
              if (value?.[0] && value[1]) setRange([value[0], value[1]]);
            }}
          />
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary">
        收到和处理政府信息公开申请情况（{period.from} 至 {period.to}）。“本年新收”为期间内收到的申请，“上年结转”为期间开始时尚未办结的申请，“结转下年”为期间结束时尚未办结的申请；办理结果按办结日期计入。
      </Typography.Paragraph>
      {!data && !error ? (
        <Skeleton active />
      ) : (
        <>
          {data && <CheckLine check={data.check} />}
          {/* A focusable region, so the table can be scrolled from the keyboard on a narrow screen. */}
          <div role="region" aria-label="收到和处理政府信息公开申请情况" tabIndex={0} style={{ overflowX: 'auto' }}>
            <Table<StatRow>
              rowKey="key"
              bordered
              size="small"
              tableLayout="fixed"
              loading={isFetching}
              style={{ minWidth: 1032 }}
              columns={columnsOf(vocabulary, data)}
              dataSource={rowsOf(vocabulary)}
              pagination={false}
            />
          </div>
        </>
      )}
    </PageContainer>
  );
}

/** The national check: 新收 + 上年结转 = 办理结果总计 + 结转下年. */
function CheckLine({ check }: { check: Table3Report['check'] }) {
  return (
    <Flex style={{ marginBottom: 16 }}>
      <Alert
        type={check.ok ? 'success' : 'error'}
        showIcon
        title={check.ok ? '校验通过' : '校验不通过'}
        description={`新收 + 上年结转 = ${check.left}；办理结果总计 + 结转下年 = ${check.right}`}
        style={{ width: '100%' }}
      />
    </Flex>
  );
}
